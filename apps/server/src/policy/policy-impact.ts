import { createHmac, randomBytes } from 'node:crypto';
import { fail, ok, projectCase, type Result } from '@hoeder/domain';
import { ESTIMATED_HOURS_PER_MEASURE, simulateImpact, type ImpactCase } from '@hoeder/domain/policy';
import type { PolicyImpactReport } from '@hoeder/contracts';
import { loadCaseStreams, type CaseSetGrant, type Db } from '@hoeder/db';
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
        const report = simulateImpact(current, draft, cases, ESTIMATED_HOURS_PER_MEASURE);
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
        });
      });
    },
  };
}

export type PolicyImpact = ReturnType<typeof createPolicyImpact>;
