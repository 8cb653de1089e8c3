import type { Organisation, Post, UnitKind } from '@hoeder/planner';
import type { PlanningInput } from './planning-input';
import { dateOf } from './roster-document';

/** The kinds of unit each organisation has (DOMAIN §6); a post's demand goes to the organisation allowed to staff it. */
const ORGANISATION_OF: Record<UnitKind, Organisation | 'any'> = {
  dkdb: 'police', be: 'police', bb: 'police', camera: 'police', bsb: 'kmar', hrb: 'kmar', contingent: 'kmar', 'private-support': 'private', generic: 'any',
};

export type CapacityGroup = Organisation | 'any';

/** Police or KMar when either may staff it (private support only helps), else private, else any. */
export function demandGroup(post: Post): CapacityGroup {
  const kinds = post.allowedUnitKinds ?? [];
  const orgs = new Set(kinds.map((k) => ORGANISATION_OF[k]));
  if (orgs.has('police')) return 'police';
  if (orgs.has('kmar')) return 'kmar';
  if (orgs.has('private')) return 'private';
  return 'any';
}

/** Hours one officer can work in the period: the contract's maximum, at most eight hours a day off leave. */
const availableHours = (maxMinutes: number, days: number, leave: number) => Math.min(maxMinutes, (days - leave) * 8 * 60) / 60;

export interface CapacityWeek {
  startDate: string;
  groups: { group: CapacityGroup; demandHours: number; availableHours: number; utilisation: number; bottleneck: boolean; cases: { caseId: string | null; caseReference: string | null; hours: number; posts: number }[] }[];
}

/** Demand (posts × needs × shift length) against available hours per organisation for one week's input. */
export function capacityWeek(input: PlanningInput, threshold = 0.9): CapacityWeek {
  const minutes = new Map(input.problem.shiftTypes.map((s) => [s.id, s.minutes]));
  const units = new Map(input.problem.units.map((u) => [u.id, u]));
  const groups = new Map<CapacityGroup, { demand: number; available: number; cases: Map<string, { caseId: string | null; caseReference: string | null; hours: number; posts: number }> }>();
  const at = (g: CapacityGroup) => groups.get(g) ?? groups.set(g, { demand: 0, available: 0, cases: new Map() }).get(g)!;
  for (const post of input.problem.posts) {
    const hours = (post.needs.reduce((n, need) => n + need.count, 0) * (minutes.get(post.shiftTypeId) ?? 0)) / 60;
    const g = at(demandGroup(post));
    g.demand += hours;
    const meta = input.posts[post.id];
    const key = meta?.caseId ?? '-';
    const c = g.cases.get(key) ?? { caseId: meta?.caseId ?? null, caseReference: meta?.caseReference ?? null, hours: 0, posts: 0 };
    c.hours += hours;
    c.posts += 1;
    g.cases.set(key, c);
  }
  for (const o of input.problem.officers) {
    const org = units.get(o.unitId)?.organisation ?? 'any';
    at(org).available += availableHours(o.contract.maxTotalMinutes, input.period.days, o.leaveDays.length);
  }
  const order: CapacityGroup[] = ['police', 'kmar', 'private', 'any'];
  return {
    startDate: input.period.startDate,
    groups: order
      .filter((g) => groups.has(g))
      .map((group) => {
        const g = groups.get(group)!;
        const utilisation = g.available === 0 ? (g.demand > 0 ? Infinity : 0) : g.demand / g.available;
        return {
          group, demandHours: Math.round(g.demand), availableHours: Math.round(g.available), utilisation: Number.isFinite(utilisation) ? Math.round(utilisation * 1000) / 1000 : 999,
          bottleneck: utilisation > threshold,
          cases: [...g.cases.values()].sort((a, b) => b.hours - a.hours).slice(0, 10).map((c) => ({ ...c, hours: Math.round(c.hours) })),
        };
      }),
  };
}

export const weekStart = (startDate: string, w: number) => dateOf(startDate, 7 * w);
