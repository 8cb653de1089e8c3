import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  buildMip, type Compiled, columnPartner, compile, curtoisToProblem, evaluateCurtois, highsMipSolver, highsPartner, parseCurtois, planToRoster, solve, solveLp,
} from '@hoeder/planner';

/**
 * Best values reported in ../shared/benchmarks/curtois/README.md (upper bounds: feasible
 * rosters with these penalties exist; for 13–19 lower proven optima are reported elsewhere).
 */
export const BEST_KNOWN: Record<number, number> = {
  1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1308, 9: 439, 10: 4631, 11: 3443, 12: 4040,
  13: 1905, 14: 1279, 15: 3928, 16: 3225, 17: 5750, 18: 4650, 19: 3218,
};

export interface CurtoisRow {
  instance: string;
  seed: number;
  objective: number | null;
  feasible: boolean;
  /** Wall seconds of our run, and this thread's CPU seconds where the runtime reports them. */
  seconds: number;
  cpuSeconds: number | null;
  /** 1-minute load average before and after our run (2 cores). */
  load: { before: number; after: number };
  /** Sub-steps that failed and fell back (code@step×count). */
  failures: string[];
  reference: { bestKnown: number; highs: number | null; highsStatus: string; highsSeconds: number };
  gap: number | null;
  gapToHighs: number | null;
}

export interface CurtoisRunOptions {
  seconds: number;
  seed: number;
  kind: PartnerKind;
  /** Budget in CPU seconds of the engine's thread (wall `seconds` is then the ceiling). */
  cpuSeconds?: number;
  /** Run HiGHS alone as the reference (60 s more per instance and seed). */
  highs: boolean;
  /** Exact day sweeps at annealing restarts (default on; `--day-sweeps off` for the A/B). */
  daySweeps?: boolean;
}

/** The second-core partner of ours: column generation (default), HiGHS on the full MIP, or none. */
export type PartnerKind = 'columns' | 'highs' | 'none';

export async function runCurtois(dir: string, n: number, run: CurtoisRunOptions): Promise<CurtoisRow> {
  const { seconds, seed, kind } = run;
  const parsed = parseCurtois(readFileSync(`${dir}/Instance${n}.txt`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const inst = parsed.value;
  const problem = curtoisToProblem(inst, `Instance${n}`);
  const mip = await highsMipSolver();
  // Ours, with its partner on the second core.
  const loadBefore = loadavg()[0] ?? 0;
  const t0 = performance.now();
  const partner = kind === 'columns' ? columnPartner() : kind === 'highs' ? highsPartner() : undefined;
  const cpuTimeLimitMs = run.cpuSeconds === undefined ? undefined : run.cpuSeconds * 1000;
  const result = solve(problem, { seed, timeLimitMs: seconds * 1000, cpuTimeLimitMs, mip, partner, daySweeps: run.daySweeps });
  const ours = (performance.now() - t0) / 1000;
  const loadAfter = loadavg()[0] ?? 0;
  await partner?.closed();
  if (!result.ok) throw new Error(result.error.message);
  // The independent evaluator is the number we report; it must agree with the engine.
  const ev = evaluateCurtois(inst, planToRoster(inst, result.value));
  if (Math.abs(ev.penalty - result.value.score.soft) > 1e-6) throw new Error(`evaluator ${ev.penalty} ≠ engine ${result.value.score.soft}`);
  const feasible = result.value.feasible && ev.violations.length === 0;
  const compiled = compile(problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  // The reference: HiGHS alone on the same formulation with the same limit, after ours, sharing nothing.
  const ref = run.highs ? await highsReference(compiled.value, seconds) : { highs: null, status: 'not run', seconds: 0 };
  const highs = ref.highs;
  const objective = feasible ? ev.penalty : null;
  const best = BEST_KNOWN[n] ?? Number.NaN;
  const stats = result.value.stats;
  return {
    instance: `Instance${n}`, seed, objective, feasible, seconds: round(ours),
    cpuSeconds: stats.cpuMs === undefined ? null : round(stats.cpuMs / 1000),
    load: { before: round(loadBefore), after: round(loadAfter) },
    failures: stats.failures.map((f) => `${f.code}@${f.step}×${f.count}`),
    reference: { bestKnown: best, highs, highsStatus: ref.status, highsSeconds: round(ref.seconds) },
    gap: objective === null ? null : round((objective - best) / best),
    gapToHighs: objective === null || highs === null ? null : round((objective - highs) / highs),
  };
}

async function highsReference(c: Compiled, seconds: number): Promise<{ highs: number | null; status: string; seconds: number }> {
  const model = buildMip(c);
  const t1 = performance.now();
  try {
    const h = await solveLp(model.text, seconds);
    return { highs: Number.isNaN(h.objective) ? null : Math.round(h.objective + model.offset), status: h.status, seconds: (performance.now() - t1) / 1000 };
  } catch (e) {
    // The reference failing is a finding, not a reason to lose our row.
    return { highs: null, status: `error: ${(e as Error).message}`, seconds: (performance.now() - t1) / 1000 };
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
