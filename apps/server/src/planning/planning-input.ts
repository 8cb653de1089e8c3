import { createHash } from 'node:crypto';
import type { Db } from '@hoeder/db';
import { generateLccWeek, type Officer, type PlanningProblem, type Post, type PriorityClass } from '@hoeder/planner';

/** A planning period: day 0 is `startDate` (a Monday). */
export interface PlanningPeriod {
  startDate: string;
  days: number;
}

/** What the roster views need of a post beside the planner's model. */
export interface PostMeta {
  /** The case the post protects (null: a post that is not for one person, e.g. a standby). */
  caseId: string | null;
  caseReference: string | null;
  /** The activity in Dutch, e.g. "Vervoer (ochtend)". */
  label: string;
  domain: PriorityClass;
}

export interface OfficerMeta {
  displayName: string;
  unitId: string;
}

/**
 * The planner's problem plus what the views and need-to-know need (ADR 0019). Stored whole with
 * every roster version, so a version is self-contained and its plan can be reproduced.
 */
export interface PlanningInput {
  period: PlanningPeriod;
  problem: PlanningProblem;
  posts: Record<string, PostMeta>;
  officers: Record<string, OfficerMeta>;
  /** Where the input came from, e.g. "demo" or "master-data". */
  source: string;
}

/** The seam with the master data (units, officers, agenda × measures → posts): builds the input of a period. */
export type PlanningInputSource = (db: Db, period: PlanningPeriod) => Promise<PlanningInput>;

const ACTIVITY_LABELS: Record<string, string> = {
  'home-night': 'Woning (nacht)',
  'home-day': 'Woning (dag)',
  'transport-am': 'Vervoer (ochtend)',
  work: 'Werk',
  'transport-pm': 'Vervoer (middag)',
  private: 'Privé-activiteit',
};

export const activityLabel = (activity: string): string => ACTIVITY_LABELS[activity] ?? activity;

/** A stable uuid from a name (for synthetic cases when the database has fewer than the demo's persons). */
export function nameUuid(name: string): string {
  const h = createHash('sha256').update(`hoeder-planning:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DemoSourceOptions {
  seed?: number;
  /** Protected persons; default: one per case with active measures (at least 10). */
  persons?: number;
  /** Officer head count scale (1 ≈ 1,200); default: in proportion to the persons, as nationally. */
  officerScale?: number;
}

/** The generator's week repeated over the period: officers stay, posts and leave come from each week's seed. */
export function demoProblem(seed: number, persons: number, officerScale: number, days: number): PlanningProblem {
  const weeks = Math.ceil(days / 7);
  const base = generateLccWeek({ seed, protectedPersons: persons, officerScale });
  const leave = new Map<string, number[]>(base.officers.map((o) => [o.id, [...o.leaveDays]]));
  const posts: Post[] = [...base.posts];
  for (let w = 1; w < weeks; w++) {
    const week = generateLccWeek({ seed: seed + w, protectedPersons: persons, officerScale });
    for (const p of week.posts) posts.push({ ...p, day: p.day + 7 * w, id: p.id.replace(/-d(\d+)-/, (_m, d: string) => `-d${Number(d) + 7 * w}-`) });
    for (const o of week.officers) leave.get(o.id)?.push(...o.leaveDays.map((d) => d + 7 * w));
  }
  const scale = (n: number) => n * weeks;
  const officers: Officer[] = base.officers.map((o) => ({
    ...o,
    leaveDays: (leave.get(o.id) ?? []).filter((d) => d < days),
    requests: o.requests.filter((r) => r.day < days),
    contract: {
      ...o.contract,
      maxShiftsPerType: Object.fromEntries(Object.entries(o.contract.maxShiftsPerType).map(([k, v]) => [k, scale(v)])),
      minTotalMinutes: scale(o.contract.minTotalMinutes),
      maxTotalMinutes: scale(o.contract.maxTotalMinutes),
      maxWeekends: scale(o.contract.maxWeekends),
    },
  }));
  return { ...base, name: `demo-${seed}-${days}d`, days, officers, posts: posts.filter((p) => p.day < days) };
}

/**
 * The demo source until the master data's builder is wired in: the planner's synthetic national
 * week over the period, its protected persons mapped in order onto the cases with active measures
 * (then onto stable synthetic case ids), so the same database gives the same input.
 */
export function demoPlanningInputSource(options: DemoSourceOptions = {}): PlanningInputSource {
  return async (db, period) => {
    const cases = await db.selectFrom('case_summary').select(['case_id', 'reference']).where('phase', '=', 'measures_active').orderBy('reference').execute();
    const persons = options.persons ?? Math.max(10, cases.length);
    const officerScale = options.officerScale ?? Math.max(0.05, persons / 250);
    // Each week its own agenda: the seed follows the period's week unless one is given.
    const week = Math.floor((Date.parse(`${period.startDate}T00:00:00Z`) - Date.parse('2026-01-05T00:00:00Z')) / (7 * 86_400_000));
    const problem = demoProblem(options.seed ?? 1 + (((week % 52) + 52) % 52), persons, officerScale, period.days);
    const caseOf = (person: string | null): { caseId: string | null; caseReference: string | null } => {
      if (!person) return { caseId: null, caseReference: null };
      const i = Number(person.replace(/\D/g, '')) - 1;
      const c = cases[i];
      return c ? { caseId: c.case_id, caseReference: c.reference } : { caseId: nameUuid(person), caseReference: `DEMO-${person.toUpperCase()}` };
    };
    const posts = Object.fromEntries(problem.posts.map((p) => [p.id, { ...caseOf(p.protectedPersonId), label: activityLabel(p.activity), domain: p.priority }]));
    const officers = Object.fromEntries(problem.officers.map((o) => [o.id, { displayName: `Medewerker ${o.id.slice(1)}`, unitId: o.unitId }]));
    return { period, problem, posts, officers, source: 'demo' };
  };
}
