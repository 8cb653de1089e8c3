import type { Assignment, Plan, PlanningProblem, Post, Result } from './model';
import { solve, type SolveOptions, type SolveStats } from './solve';

/** A change at short notice. */
export type Change =
  | { kind: 'officer-sick'; officerId: string; days: number[] }
  | { kind: 'post-added'; post: Post }
  | { kind: 'post-moved'; postId: string; day: number; shiftTypeId: string }
  | { kind: 'post-removed'; postId: string };

export function applyChange(problem: PlanningProblem, change: Change): Result<PlanningProblem> {
  switch (change.kind) {
    case 'officer-sick': {
      if (!problem.officers.some((o) => o.id === change.officerId)) return notFound('officer', change.officerId);
      const officers = problem.officers.map((o) => o.id === change.officerId
        ? { ...o, leaveDays: [...new Set([...o.leaveDays, ...change.days])] }
        : o);
      return { ok: true, value: { ...problem, officers } };
    }
    case 'post-added':
      if (problem.posts.some((p) => p.id === change.post.id)) {
        return { ok: false, error: { code: 'duplicate-post', message: `post ${change.post.id} exists` } };
      }
      return { ok: true, value: { ...problem, posts: [...problem.posts, change.post] } };
    case 'post-moved': {
      if (!problem.posts.some((p) => p.id === change.postId)) return notFound('post', change.postId);
      const posts = problem.posts.map((p) => p.id === change.postId ? { ...p, day: change.day, shiftTypeId: change.shiftTypeId } : p);
      return { ok: true, value: { ...problem, posts } };
    }
    case 'post-removed':
      if (!problem.posts.some((p) => p.id === change.postId)) return notFound('post', change.postId);
      return { ok: true, value: { ...problem, posts: problem.posts.filter((p) => p.id !== change.postId) } };
  }
}

/**
 * Annealing moves per replan. A cold search from the previous plan settles within this
 * many moves (≈0.2 s on a national week); the iteration cap keeps replanning
 * reproducible for a seed, and the caller's time limit stays a hard ceiling under load.
 */
export const REPLAN_ITERATIONS = 150_000;

function notFound(what: string, id: string): Result<never> {
  return { ok: false, error: { code: `${what}-not-found`, message: `${what} ${id} not found` } };
}

export interface ReplanResult {
  problem: PlanningProblem;
  plan: Plan & { stats: SolveStats };
  /** Assignments of the previous plan that are gone plus new ones. */
  changedAssignments: number;
  /** changedAssignments / previous assignment count. */
  changedShare: number;
}

/**
 * Replan after one change: the previous plan is the starting point and the
 * baseline, pinned (briefed) assignments are fixed cells, and every changed cell
 * costs `disruptionWeight`, so the search repairs locally instead of re-optimising.
 * Assignments the change invalidates (a sick officer's, a moved or removed post's) are
 * dropped, pins included; only the posts they touched are refilled greedily.
 */
export function replan(
  problem: PlanningProblem, previous: Assignment[], change: Change, options: SolveOptions & { disruptionWeight?: number } = {},
): Result<ReplanResult> {
  const next = applyChange(problem, change);
  if (!next.ok) return next;
  const invalid = (a: Assignment) =>
    (change.kind === 'officer-sick' && a.officerId === change.officerId && change.days.includes(a.day))
    || ((change.kind === 'post-moved' || change.kind === 'post-removed') && a.postId === change.postId);
  // Assignments the change invalidates leave the baseline: their officers are free again.
  const baseline = previous.filter((a) => !invalid(a));
  const touched = new Set(previous.filter(invalid).map((a) => a.postId));
  if (change.kind === 'post-added') touched.add(change.post.id);
  if (change.kind === 'post-moved') touched.add(change.postId);
  const solved = solve(next.value, {
    ...options,
    baseline: { assignments: baseline, weight: options.disruptionWeight ?? 30 },
    initialTemperature: options.initialTemperature ?? 2,
    maxIterations: options.maxIterations ?? REPLAN_ITERATIONS,
    constructPosts: options.constructPosts ?? touched,
  });
  if (!solved.ok) return solved;
  const key = (a: Assignment) => `${a.officerId}|${a.day}|${a.postId}|${a.needIndex}`;
  const before = new Set(previous.map(key));
  const after = new Set(solved.value.assignments.map(key));
  let changed = 0;
  for (const k of before) if (!after.has(k)) changed++;
  for (const k of after) if (!before.has(k)) changed++;
  return {
    ok: true,
    value: { problem: next.value, plan: solved.value, changedAssignments: changed, changedShare: previous.length ? changed / previous.length : 0 },
  };
}
