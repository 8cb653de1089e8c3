import type { CapacityQuery } from '@hoeder/contracts';
import { ok } from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { rosterPlanning } from '../platform/guard/roster-check';
import { capacityWeek, weekStart } from './capacity';
import type { PlanningInputSource } from './planning-input';

/** The next Monday on or after a moment (UTC), as YYYY-MM-DD. */
export function mondayOnOrAfter(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * The capacity dashboard (issue 11): demand against available hours per organisation for the
 * coming weeks, from the same planning input a run would use; bottlenecks flagged, the cases
 * behind each bar. The LCC coordinator's; audited with the weeks and the cases shown.
 */
export function createCapacityService({ guard, source }: { guard: Guard; source: PlanningInputSource }) {
  return {
    weeks: (ctx: RequestContext, actor: AuthenticatedActor, query: CapacityQuery) =>
      guard.withAccess(ctx, actor, { operation: 'capacity.read', objectType: 'capacity', check: rosterPlanning() }, async ({ trx, note }) => {
        const start = query.startDate ?? mondayOnOrAfter(ctx.now);
        const weeks = [];
        for (let w = 0; w < query.weeks; w++) weeks.push(capacityWeek(await source(trx, { startDate: weekStart(start, w), days: 7 })));
        note({ startDate: start, weeks: query.weeks, caseIds: [...new Set(weeks.flatMap((w) => w.groups.flatMap((g) => g.cases.map((c) => c.caseId))).filter(Boolean))] });
        return ok({ startDate: start, weeks });
      }),
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
