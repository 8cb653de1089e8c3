import {
  buildCoverageBound, compile, generateLccWeek, NATIONAL_WEEK, solve, weightedCoverage, totalDemandWeight,
  highsMipSolver, solveLp, type Assignment, type Compiled, type Plan,
} from '@hoeder/planner';

export interface LccRow {
  instance: string;
  posts: number;
  officers: number;
  units: number;
  objective: number;
  weightedCoverage: number;
  seconds: number;
  reference: { lpBound: number; lpStatus: string; lpSeconds: number; demand: number };
  gap: number;
  coverageOfBound: number;
  feasible: boolean;
  hardViolations: number;
  shortfalls: number;
  shortfallsExplained: number;
  shortfallReasons: Record<string, number>;
}

export function slotCounts(c: Compiled, assignments: Assignment[]): Int32Array {
  const start = new Map<string, number>();
  let s = 0;
  for (const p of c.problem.posts) {
    start.set(p.id, s);
    s += p.needs.length;
  }
  const count = new Int32Array(c.slots);
  for (const a of assignments) {
    const i = (start.get(a.postId) ?? 0) + a.needIndex;
    count[i] = (count[i] ?? 0) + 1;
  }
  return count;
}

export async function runLcc(seconds: number, seed: number): Promise<{ row: LccRow; plan: Plan }> {
  const problem = generateLccWeek({ ...NATIONAL_WEEK, seed });
  const mip = await highsMipSolver();
  const t0 = performance.now();
  const result = solve(problem, { seed, timeLimitMs: seconds * 1000, candidateLimit: 256, mip });
  const ours = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error(result.error.message);
  const compiled = compile(problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const c = compiled.value;
  const t1 = performance.now();
  const bound = await solveLp(buildCoverageBound(c));
  const lpSeconds = (performance.now() - t1) / 1000;
  const covered = weightedCoverage(c, slotCounts(c, result.value.assignments));
  const plan = result.value;
  const reasons: Record<string, number> = {};
  for (const s of plan.shortfalls) reasons[s.reason] = (reasons[s.reason] ?? 0) + s.missing;
  return {
    plan,
    row: {
      instance: problem.name, posts: problem.posts.length, officers: problem.officers.length, units: problem.units.length,
      objective: plan.score.soft, weightedCoverage: covered, seconds: Math.round(ours * 100) / 100,
      reference: { lpBound: bound.objective, lpStatus: bound.status, lpSeconds: Math.round(lpSeconds * 100) / 100, demand: totalDemandWeight(c) },
      gap: Math.round(((bound.objective - covered) / bound.objective) * 10000) / 10000,
      coverageOfBound: Math.round((covered / bound.objective) * 10000) / 10000,
      feasible: plan.feasible, hardViolations: plan.score.hard,
      shortfalls: plan.shortfalls.reduce((n, s) => n + s.missing, 0),
      shortfallsExplained: plan.shortfalls.filter((s) => s.reason && s.detail).reduce((n, s) => n + s.missing, 0),
      shortfallReasons: reasons,
    },
  };
}
