import type { ActivityDomain, MeasuresByDomain } from '../policy/measures';
import type { ResistanceLevel } from '../shared/vocabulary';
import { occursOn, timeMinutes, type ActivityPriority, type AgendaActivity } from './agenda';
import { DOMAIN_UNDER_WEIGHT, PRIORITY_FACTOR, type PostRule, type PostRuleset } from './post-rules';
import type { UnitKind } from './units';

export interface ShiftWindow {
  id: string;
  startMinute: number;
  minutes: number;
}

/** A post in the planner's shape (packages/planner Post) plus why it exists. */
export interface DerivedPost {
  id: string;
  day: number;
  shiftTypeId: string;
  protectedPersonId: string;
  activity: string;
  priority: ActivityDomain;
  needs: { qualification: string; count: number; underWeight: number; overWeight: number }[];
  allowedUnitKinds: UnitKind[];
  /**
   * The units the LCC tasked with the person's assignment: only their officers may staff the
   * post (of an allowed kind). Absent when the posts are derived without a tasking (a preview).
   */
  allowedUnitIds?: string[];
  /** Dutch label for the views, e.g. "Werk (dagdienst)". */
  labelNl: string;
  ruleId: string;
  activityIds: string[];
}

export interface PostsInput {
  caseId: string;
  resistanceLevel: ResistanceLevel | null;
  /** The active package's measures per domain (general included), or a flat list of codes. */
  measures: MeasuresByDomain | readonly string[];
  activities: readonly AgendaActivity[];
  periodStart: string;
  days: number;
  shiftTypes: readonly ShiftWindow[];
  /** The executing units tasked with the assignment; when given, the posts are theirs alone. */
  taskedUnitIds?: readonly string[];
}

const SHIFT_LABEL_NL: Record<string, string> = { early: 'vroege dienst', day: 'dagdienst', late: 'late dienst', night: 'nachtdienst' };
const PRIORITY_RANK: Record<ActivityPriority, number> = { low: 0, normal: 1, high: 2 };

const overlap = (s: ShiftWindow, start: number, end: number) => {
  // A night shift runs past midnight; on the day it starts, only its part before 24:00 counts.
  const from = Math.max(s.startMinute, start);
  const to = Math.min(s.startMinute + s.minutes, end);
  return Math.max(0, to - from);
};

/**
 * The shifts that cover a window: greedily the shift with the most overlap with what is still
 * uncovered, until at most an hour is left. Each shift is one post (an officer works one post a day).
 */
export function coveringShifts(start: number, end: number, shifts: readonly ShiftWindow[]): ShiftWindow[] {
  const chosen: ShiftWindow[] = [];
  let gaps: [number, number][] = [[start, end]];
  while (chosen.length === 0 || gaps.some(([a, b]) => b - a > 60)) {
    const best = shifts
      .filter((s) => !chosen.includes(s))
      .map((s) => ({ s, gain: gaps.reduce((n, [a, b]) => n + overlap(s, a, b), 0) }))
      // On a tie, the shift that starts nearest the window's start (15:00–16:00 is a late shift's).
      .sort((x, y) => y.gain - x.gain || Math.abs(x.s.startMinute - start) - Math.abs(y.s.startMinute - start))[0];
    if (!best || best.gain === 0) break;
    chosen.push(best.s);
    const [from, to] = [best.s.startMinute, best.s.startMinute + best.s.minutes];
    gaps = gaps.flatMap(([a, b]): [number, number][] => [[a, Math.min(b, from)], [Math.max(a, to), b]].filter(([x, y]) => y! > x!) as [number, number][]);
  }
  return chosen;
}

const flatMeasures = (m: PostsInput['measures']): Set<string> => new Set(Array.isArray(m) ? m : Object.values(m as MeasuresByDomain).flat());

const dateOf = (start: string, day: number) => new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);

/** The rules of a ruleset that apply to these measures (a superseded rule does not). */
export function applicableRules(ruleset: PostRuleset, measures: ReadonlySet<string>): PostRule[] {
  return ruleset.rules.filter((r) => r.measures.some((m) => measures.has(m)) && !(r.supersededBy ?? []).some((m) => measures.has(m)));
}

/**
 * Posts of one person for a period: agenda × the active package's measures under a ruleset.
 * Activities that fall in the same shift on the same day under the same rule share one post.
 */
export function derivePosts(input: PostsInput, ruleset: PostRuleset): DerivedPost[] {
  const rules = applicableRules(ruleset, flatMeasures(input.measures));
  const posts = new Map<string, DerivedPost & { rank: number }>();
  for (let day = 0; day < input.days; day++) {
    const date = dateOf(input.periodStart, day);
    const today = input.activities.filter((a) => occursOn(a, date));
    for (const rule of rules) {
      for (const a of today.filter((x) => rule.domains.includes(x.domain))) {
        const shifts = rule.coverage.kind === 'activity'
          ? coveringShifts(timeMinutes(a.start), timeMinutes(a.end), input.shiftTypes)
          : input.shiftTypes.filter((s) => (rule.coverage as { shifts: string[] }).shifts.includes(s.id));
        for (const shift of shifts) addPost(posts, input, rule, a, day, shift);
      }
    }
  }
  return [...posts.values()].map(({ rank: _rank, ...p }) => p).sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
}

function addPost(posts: Map<string, DerivedPost & { rank: number }>, input: PostsInput, rule: PostRule, a: AgendaActivity, day: number, shift: ShiftWindow) {
  const id = `${input.caseId}:d${day}:${shift.id}:${rule.id}`;
  const existing = posts.get(id);
  if (existing) {
    if (!existing.activityIds.includes(a.activityId)) existing.activityIds.push(a.activityId);
    if (PRIORITY_RANK[a.priority] > existing.rank) {
      existing.rank = PRIORITY_RANK[a.priority];
      for (const n of existing.needs) n.underWeight = underWeight(existing.priority, a.priority);
    }
    return;
  }
  const domain = rule.coverage.kind === 'shifts' ? rule.domains[0]! : a.domain;
  const level = input.resistanceLevel;
  const needs = rule.needs
    .map((n) => ({ qualification: n.qualification, count: n.count + (level ? (n.extra?.[level] ?? 0) : 0), underWeight: underWeight(domain, a.priority), overWeight: 1 }))
    .filter((n) => n.count > 0);
  if (needs.length === 0) return;
  const what = rule.coverage.kind === 'shifts' ? 'Woning' : a.label;
  posts.set(id, {
    id,
    day,
    shiftTypeId: shift.id,
    protectedPersonId: input.caseId,
    activity: `${rule.id}:${shift.id}`,
    priority: domain,
    needs,
    allowedUnitKinds: [...rule.allowedUnitKinds],
    ...(input.taskedUnitIds ? { allowedUnitIds: [...input.taskedUnitIds].sort() } : {}),
    labelNl: `${what} (${SHIFT_LABEL_NL[shift.id] ?? shift.id})`,
    ruleId: rule.id,
    activityIds: [a.activityId],
    rank: PRIORITY_RANK[a.priority],
  });
}

export const underWeight = (domain: ActivityDomain, priority: ActivityPriority): number => Math.round(DOMAIN_UNDER_WEIGHT[domain] * PRIORITY_FACTOR[priority]);
