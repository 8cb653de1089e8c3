import type { Quality } from '@hoeder/db';
import type { Assignment, Plan, PlanningProblem, ScoreBreakdown, Shortfall } from '@hoeder/planner';
import type { PlanningInput } from './planning-input';

/** The plan as a roster version stores it (JSON text): what the planner returned, no stats. */
export interface RosterPlan {
  assignments: Assignment[];
  shortfalls: Shortfall[];
  score: ScoreBreakdown;
  feasible: boolean;
}

export const toRosterPlan = (plan: Plan): RosterPlan => ({ assignments: plan.assignments, shortfalls: plan.shortfalls, score: plan.score, feasible: plan.feasible });

export const qualityOf = (input: PlanningInput, plan: RosterPlan): Quality => qualityOfProblem(input.problem, plan);

/** The quality of a plan of this problem (also computed in the planning thread, ADR 0046). */
export function qualityOfProblem(problem: PlanningProblem, plan: RosterPlan): Quality {
  const short = new Set(plan.shortfalls.map((s) => s.postId));
  return {
    totalPosts: problem.posts.length,
    coveredPosts: problem.posts.filter((p) => !short.has(p.id)).length,
    shortfalls: plan.shortfalls.reduce((n, s) => n + s.missing, 0),
    scoreSoft: plan.score.soft,
    scoreHard: plan.score.hard,
  };
}

/**
 * A roster as the planning thread hands it to the job (ADR 0046): serialised and rated in the
 * thread, so the server's event loop only writes the text (the case views during a plan).
 */
export interface ThreadRoster {
  doc: string;
  quality: Quality;
  score: ScoreBreakdown;
  feasible: boolean;
}

export function threadRoster(problem: PlanningProblem, plan: Plan): ThreadRoster {
  const doc = toRosterPlan(plan);
  return { doc: JSON.stringify(doc), quality: qualityOfProblem(problem, doc), score: plan.score, feasible: plan.feasible };
}

/** The day index of a date in the period, or null outside it. */
export function dayIndex(startDate: string, days: number, date: string): number | null {
  const d = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000);
  return d >= 0 && d < days ? d : null;
}

export const dateOf = (startDate: string, day: number): string => new Date(Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
