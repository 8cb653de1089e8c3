import type { Database, Db } from '@hoeder/db';
import type { Result } from '@hoeder/domain';
import type { Kysely } from 'kysely';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { planningInputCheck, planningInputGrants, type PlanningCaseFilter } from '../platform/guard/planning-input-check';
import { buildPlanningInput, casesWithActiveMeasures, type PlanningInput, type PlanningInputSource, type PlanningPeriod } from './planning-input-builder';

/**
 * The planner-input builder on the guarded layer: an LCC coordinator builds the input of a period;
 * the access is audited with the case ids whose agenda and measures went in.
 */
export function createPlanningInputService({ guard }: { guard: Guard }) {
  return {
    build: (ctx: RequestContext, actor: AuthenticatedActor, period: PlanningPeriod, filter: PlanningCaseFilter = casesWithActiveMeasures): Promise<Result<PlanningInput>> =>
      guard.withAccess(ctx, actor, { operation: 'planning.build_input', objectType: 'planning_period', objectId: `${period.startDate}/${period.days}`, check: planningInputCheck(filter) }, async ({ trx, grant, note }) => {
        const input = await buildPlanningInput(trx, grant, period, ctx.now);
        if (input.ok) note({ posts: input.value.problem.posts.length, officers: input.value.problem.officers.length });
        return input;
      }),
  };
}

export type PlanningInputService = ReturnType<typeof createPlanningInputService>;

/**
 * The source the planning worker calls (the planning helper's `PlanningInputSource`): the run was
 * requested by an LCC coordinator through the guarded layer, which checked and audited it; the
 * worker reads under that request. `filter` picks the cases (later: accepted assignments).
 */
export function masterDataPlanningInputSource(filter: PlanningCaseFilter = casesWithActiveMeasures, clock: () => Date = () => new Date()): PlanningInputSource {
  const run = async (trx: Db, period: PlanningPeriod) => {
    const result = await buildPlanningInput(trx, await planningInputGrants(trx, filter), period, clock());
    if (!result.ok) throw new Error(`planning input: ${result.error.message}`);
    return result.value;
  };
  return async (db, period) => (db.isTransaction ? run(db, period) : (db as Kysely<Database>).transaction().execute((trx) => run(trx, period)));
}
