import type { Quality } from '@hoeder/db';
import type { Assignment, Plan, ScoreBreakdown, Shortfall } from '@hoeder/planner';
import type { PlanningInput } from './planning-input';

/** The plan as a roster version stores it (JSON text): what the planner returned, no stats. */
export interface RosterPlan {
  assignments: Assignment[];
  shortfalls: Shortfall[];
  score: ScoreBreakdown;
  feasible: boolean;
}

export const toRosterPlan = (plan: Plan): RosterPlan => ({ assignments: plan.assignments, shortfalls: plan.shortfalls, score: plan.score, feasible: plan.feasible });

export function qualityOf(input: PlanningInput, plan: RosterPlan): Quality {
  const short = new Set(plan.shortfalls.map((s) => s.postId));
  return {
    totalPosts: input.problem.posts.length,
    coveredPosts: input.problem.posts.filter((p) => !short.has(p.id)).length,
    shortfalls: plan.shortfalls.reduce((n, s) => n + s.missing, 0),
    scoreSoft: plan.score.soft,
    scoreHard: plan.score.hard,
  };
}

/** The day index of a date in the period, or null outside it. */
export function dayIndex(startDate: string, days: number, date: string): number | null {
  const d = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000);
  return d >= 0 && d < days ? d : null;
}

export const dateOf = (startDate: string, day: number): string => new Date(Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
