import type { DemandModel } from '../policy/impact';
import type { MeasuresByDomain } from '../policy/measures';
import type { ResistanceLevel } from '../shared/vocabulary';
import type { AgendaActivity } from './agenda';
import { derivePosts, type DerivedPost, type ShiftWindow } from './derive-posts';
import type { PostRuleset } from './post-rules';

/**
 * The unit kind a post's hours count against: the first kind its rule allows (the rule lists the
 * kind that normally staffs it first). Reported per kind so a shift from camera to guard shows.
 */
export const primaryUnitKind = (post: Pick<DerivedPost, 'allowedUnitKinds'>): string => post.allowedUnitKinds[0] ?? 'generic';

/** Officer-hours per unit kind of a set of posts: officers needed × the shift's length. */
export function postHoursByUnitKind(posts: readonly DerivedPost[], shiftTypes: readonly ShiftWindow[]): Record<string, number> {
  const minutes = new Map(shiftTypes.map((s) => [s.id, s.minutes]));
  const hours: Record<string, number> = {};
  for (const p of posts) {
    const kind = primaryUnitKind(p);
    const officers = p.needs.reduce((n, need) => n + need.count, 0);
    hours[kind] = (hours[kind] ?? 0) + (officers * (minutes.get(p.shiftTypeId) ?? 0)) / 60;
  }
  return hours;
}

export interface PostDemandOptions {
  ruleset: PostRuleset;
  shiftTypes: readonly ShiftWindow[];
  /** A Monday: one week from here is derived. */
  weekStart: string;
  /** Each case's agenda as it stands; a case without one has no posts (and no demand). */
  agendas: ReadonlyMap<string, readonly AgendaActivity[]>;
}

const flat = (m: MeasuresByDomain): string[] => Object.values(m).flat() as string[];

/**
 * The demand model of issue 11 behind the policy impact simulation: a package's weekly demand is
 * what its measures make of the person's agenda under the post rules (agenda × measures → posts),
 * counted in officer-hours per unit kind. A measure the ruleset neither staffs nor lists as
 * without posts is reported as unestimated.
 */
export function postRuleDemand({ ruleset, shiftTypes, weekStart, agendas }: PostDemandOptions): DemandModel {
  const known = new Set([...ruleset.rules.flatMap((r) => r.measures), ...Object.keys(ruleset.withoutPosts)]);
  return {
    basis: ruleset.version,
    hoursPerWeek: (caseId, proposal) => {
      const input = {
        caseId,
        resistanceLevel: proposal.resistanceLevel as ResistanceLevel,
        measures: flat(proposal.measures),
        activities: agendas.get(caseId) ?? [],
        periodStart: weekStart,
        days: 7,
        shiftTypes,
      };
      return postHoursByUnitKind(derivePosts(input, ruleset), shiftTypes);
    },
    unestimated: (measures) => measures.filter((m) => !known.has(m)),
  };
}
