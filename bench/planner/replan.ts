import { generateLccWeek, NATIONAL_WEEK, replan, REPLAN_ITERATIONS, Rng, solve, type Assignment, type Change, type PlanningProblem } from '@hoeder/planner';

export interface ReplanRow {
  instance: string;
  change: string;
  objective: number;
  seconds: number;
  reference: { previousAssignments: number };
  gap: number;
  changedAssignments: number;
  changedShare: number;
  feasible: boolean;
  pinnedKept: boolean;
  /** The time ceiling stopped the search before its move budget. */
  ceilingHit: boolean;
}

/** Deterministic stream for picking changes, seeded separately from the engine runs. */
function picker(seed: number) {
  const rng = new Rng(seed * 7919 + 17);
  return (n: number) => rng.int(n);
}

function randomChange(problem: PlanningProblem, plan: Assignment[], pick: (n: number) => number, i: number): Change {
  const kind = pick(4);
  const post = problem.posts[pick(problem.posts.length)];
  if (!post) throw new Error('no posts');
  const shifts = problem.shiftTypes.map((t) => t.id);
  if (kind === 0) {
    const a = plan[pick(plan.length)];
    return { kind: 'officer-sick', officerId: a?.officerId ?? '', days: [a?.day ?? 0] };
  }
  if (kind === 1) return { kind: 'post-added', post: { ...post, id: `${post.id}-extra${i}`, day: pick(problem.days) } };
  if (kind === 2) return { kind: 'post-moved', postId: post.id, day: pick(problem.days), shiftTypeId: shifts[pick(shifts.length)] ?? 'day' };
  return { kind: 'post-removed', postId: post.id };
}

export function runReplan(changes: number, baseSeconds: number, perChangeSeconds: number, seed: number): ReplanRow[] {
  const problem = generateLccWeek({ ...NATIONAL_WEEK, seed });
  const base = solve(problem, { seed, timeLimitMs: baseSeconds * 1000, candidateLimit: 256 });
  if (!base.ok) throw new Error(base.error.message);
  const pick = picker(seed);
  // Day 0 is being executed: its assignments are briefed and pinned.
  const previous = base.value.assignments.map((a) => (a.day === 0 ? { ...a, pinned: true } : a));
  const rows: ReplanRow[] = [];
  for (let i = 0; i < changes; i++) {
    const change = randomChange(problem, previous, pick, i);
    const t0 = performance.now();
    const r = replan(problem, previous, change, { seed: seed + i, timeLimitMs: perChangeSeconds * 1000, candidateLimit: 256 });
    const seconds = (performance.now() - t0) / 1000;
    if (!r.ok) throw new Error(`${change.kind}: ${r.error.message}`);
    const kept = new Set(r.value.plan.assignments.map((a) => `${a.officerId}|${a.day}|${a.postId}|${a.needIndex}`));
    const pinnedKept = previous.filter((a) => a.pinned).every((a) =>
      kept.has(`${a.officerId}|${a.day}|${a.postId}|${a.needIndex}`)
      || (change.kind === 'officer-sick' && a.officerId === change.officerId && change.days.includes(a.day))
      || ('postId' in change && a.postId === change.postId));
    rows.push({
      instance: `${problem.name}#${i}`, change: change.kind, objective: r.value.plan.score.soft, seconds: Math.round(seconds * 1000) / 1000,
      reference: { previousAssignments: previous.length }, gap: r.value.changedShare,
      changedAssignments: r.value.changedAssignments, changedShare: Math.round(r.value.changedShare * 10000) / 10000,
      feasible: r.value.plan.feasible, pinnedKept, ceilingHit: r.value.plan.stats.iterations < REPLAN_ITERATIONS,
    });
  }
  return rows;
}
