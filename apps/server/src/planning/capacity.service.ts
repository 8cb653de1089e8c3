import type { CapacityQuery } from '@hoeder/contracts';
import { ok } from '@hoeder/domain';
import { executionDataVersion } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { rosterPlanning } from '../platform/guard/roster-check';
import { capacityWeek, weekStart, type CapacityWeek } from './capacity';
import type { PlanningInputSource } from './planning-input';

/** The next Monday on or after a moment (UTC), as YYYY-MM-DD. */
export function mondayOnOrAfter(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

/** How many (window, data version) results are kept: a few windows, the current data version. */
const CACHE_ENTRIES = 16;

/**
 * The capacity dashboard (issue 11): demand against available hours per organisation for the
 * coming weeks, from the same planning input a run would use; bottlenecks flagged, the cases
 * behind each bar. The LCC coordinator's; audited with the weeks and the cases shown.
 *
 * Building twelve weeks of planning input is the expensive part, so the weeks are kept per window
 * and per version of the data they come from (`executionDataVersion`: master data, agenda,
 * assignments; ADR 0027): any change there makes a new key, and the old entries age out. What is
 * kept is hours, post counts and case identifiers: no names, no agenda, no officer.
 */
export function createCapacityService({ guard, source }: { guard: Guard; source: PlanningInputSource }) {
  const cache = new Map<string, CapacityWeek[]>();
  const remember = (key: string, weeks: CapacityWeek[]) => {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, weeks);
  };
  return {
    weeks: (ctx: RequestContext, actor: AuthenticatedActor, query: CapacityQuery) =>
      guard.withAccess(ctx, actor, { operation: 'capacity.read', objectType: 'capacity', check: rosterPlanning() }, async ({ trx, note }) => {
        const start = query.startDate ?? mondayOnOrAfter(ctx.now);
        const key = `${start}/${query.weeks}/${await executionDataVersion(trx)}`;
        let weeks = cache.get(key);
        if (!weeks) {
          weeks = [];
          for (let w = 0; w < query.weeks; w++) weeks.push(capacityWeek(await source(trx, { startDate: weekStart(start, w), days: 7 })));
          remember(key, weeks);
        }
        note({ startDate: start, weeks: query.weeks, caseIds: [...new Set(weeks.flatMap((w) => w.groups.flatMap((g) => g.cases.map((c) => c.caseId))).filter(Boolean))] });
        return ok({ startDate: start, weeks });
      }),
    /** What the cache holds, for the test that it keeps no personal data and is invalidated. */
    cachedWeeks: (): ReadonlyMap<string, CapacityWeek[]> => cache,
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
