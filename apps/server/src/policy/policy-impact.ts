import { createHmac, randomBytes } from 'node:crypto';
import { fail, mayAdministerPolicy, ok, projectCase, type Result } from '@hoeder/domain';
import { ESTIMATED_HOURS_PER_MEASURE, simulateImpact, type ImpactCase } from '@hoeder/domain/policy';
import type { PolicyImpactReport } from '@hoeder/contracts';
import { listActiveCaseIds, loadCaseEvents, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { PolicyStore } from './policy-store';

/** The facts recorded with each active case's current decision; cases decided before the policy have none. */
async function impactPopulation(trx: Db): Promise<{ cases: ImpactCase[]; active: number }> {
  const ids = await listActiveCaseIds(trx);
  const cases: ImpactCase[] = [];
  for (const caseId of ids) {
    const state = projectCase(await loadCaseEvents(trx, caseId));
    const decision = state?.pendingDecision ?? state?.activeDecision;
    if (decision?.policy) cases.push({ caseId, facts: decision.policy.facts });
  }
  return { cases, active: ids.length };
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
export function createPolicyImpact({ db, audit, policies }: { db: Kysely<Database>; audit: AuditService; policies: PolicyStore }) {
  return {
    simulate: async (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<PolicyImpactReport>> => {
      await policies.ensureShipped();
      return db.transaction().execute(async (trx) => {
        const base = { operation: 'policy.impact_simulation', processingActivity: 'policy.administration', objectType: 'policy_version', objectId: version };
        if (!mayAdministerPolicy(actor)) {
          await audit.record(trx, ctx, actor, { ...base, status: 'denied' });
          return fail('FORBIDDEN_ACTION', 'policy administration is for functional administrators');
        }
        const [draft, current] = [await policies.version(trx, version), await policies.inEffect(trx, ctx.now)];
        if (!draft || !current) {
          await audit.record(trx, ctx, actor, { ...base, status: 'error', details: { errorCode: 'NOT_FOUND' } });
          return fail('NOT_FOUND', draft ? 'no policy version is in effect to compare with' : `no valid policy version ${version}`);
        }
        const { cases, active } = await impactPopulation(trx);
        const report = simulateImpact(current, draft, cases, ESTIMATED_HOURS_PER_MEASURE);
        await audit.record(trx, ctx, actor, { ...base, status: 'ok', details: { currentVersion: current.version, caseIds: cases.map((c) => c.caseId) } });
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
