import { createHmac, randomBytes } from 'node:crypto';
import { fail, ok, postRuleDemand, postRulesetInEffect, projectCase, type AgendaActivity, type Result } from '@hoeder/domain';
import { simulateImpact, type ImpactCase } from '@hoeder/domain/policy';
import type { PolicyImpactReport } from '@hoeder/contracts';
import { agendasAsOf, loadCaseStreams, type AgendaReadGrant, type CaseSetGrant, type Db } from '@hoeder/db';
import { SHIFT_TYPES } from '@hoeder/planner';
import { mondayOnOrAfter } from '../planning/capacity.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { impactPopulation } from '../platform/guard/policy-check';
import type { PolicyStore } from './policy-store';

/** The facts recorded with each active case's current decision; cases decided before the policy have none. */
async function decisionFacts(trx: Db, grant: CaseSetGrant): Promise<{ cases: ImpactCase[]; active: number }> {
  const streams = await loadCaseStreams(trx, grant);
  const cases = grant.caseIds.flatMap((caseId): ImpactCase[] => {
    const state = projectCase(streams.get(caseId) ?? []);
    const decision = state?.pendingDecision ?? state?.activeDecision;
    return decision?.policy ? [{ caseId, facts: decision.policy.facts }] : [];
  });
  return { cases, active: grant.caseIds.length };
}

/** Each case's agenda as it stands now: the week the post rules turn into demand. */
async function currentAgendas(trx: Db, grant: AgendaReadGrant, now: Date): Promise<Map<string, AgendaActivity[]>> {
  const rows = await agendasAsOf(trx, grant, now);
  return new Map([...rows].map(([caseId, row]) => [caseId, row.activities]));
}

/**
 * Pseudonymous keys, fresh per run: the administrator can tell cases apart within one report but
 * cannot link a key to a case, nor the same case across runs (no case access, DOMAIN §10).
 */
function pseudonymiser(): (caseId: string) => string {
  const salt = randomBytes(32);
  return (caseId) => `K-${createHmac('sha256', salt).update(caseId).digest('hex').slice(0, 10)}`;
}

/** Impact of a version against the one in effect, over every active case; audited with the case ids. */
export function createPolicyImpact({ guard, policies }: { guard: Guard; policies: PolicyStore }) {
  return {
    simulate: async (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<PolicyImpactReport>> => {
      await policies.ensureShipped();
      const access = { operation: 'policy.impact_simulation', objectType: 'policy_version', objectId: version, check: impactPopulation() };
      return guard.withAccess(ctx, actor, access, async ({ trx, grant, note }) => {
        const [draft, current] = [await policies.version(trx, version), await policies.inEffect(trx, ctx.now)];
        if (!draft || !current) return fail('NOT_FOUND', draft ? 'no policy version is in effect to compare with' : `no valid policy version ${version}`);
        const { cases, active } = await decisionFacts(trx, grant.cases);
        // Demand is issue 11's: a week of posts from each agenda under the post rules in effect.
        const weekStart = mondayOnOrAfter(ctx.now);
        const ruleset = postRulesetInEffect(weekStart);
        if (!ruleset) return fail('NOT_FOUND', 'no post rules are in effect to cost the packages with');
        const agendas = await currentAgendas(trx, grant.agendas, ctx.now);
        const report = simulateImpact(current, draft, cases, postRuleDemand({ ruleset, shiftTypes: SHIFT_TYPES, weekStart, agendas }));
        note({ currentVersion: current.version, caseIds: cases.map((c) => c.caseId) });
        const key = pseudonymiser();
        return ok({
          currentVersion: report.currentVersion,
          draftVersion: report.draftVersion,
          activeCases: active,
          casesWithoutFacts: active - cases.length,
          casesEvaluated: report.casesEvaluated,
          unchangedCases: report.unchangedCases,
          failures: report.failures.length,
          changedCases: report.changedCases.map(({ caseId, reviewPeriodMonths: _r, ...rest }) => ({ caseKey: key(caseId), ...rest })),
          measureChanges: report.measureChanges,
          capacity: report.capacity,
          unestimatedMeasures: report.unestimatedMeasures,
          demandBasis: report.demandBasis,
          casesWithoutAgenda: cases.filter((c) => !agendas.has(c.caseId)).length,
        });
      });
    },
  };
}

export type PolicyImpact = ReturnType<typeof createPolicyImpact>;
