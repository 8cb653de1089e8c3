import { readFileSync } from 'node:fs';
import {
  buildMip, columnPartner, compile, curtoisToProblem, evaluateCurtois, highsMipSolver, highsPartner, parseCurtois, planToRoster, solve, solveLp,
} from '@hoeder/planner';

/** Best values reported in ../shared/benchmarks/curtois/README.md. */
export const BEST_KNOWN: Record<number, number> = {
  1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1308, 9: 439, 10: 4631, 11: 3443, 12: 4040,
};

export interface CurtoisRow {
  instance: string;
  objective: number | null;
  feasible: boolean;
  seconds: number;
  reference: { bestKnown: number; highs: number | null; highsStatus: string; highsSeconds: number };
  gap: number | null;
  gapToHighs: number | null;
}

/** The second-core partner of ours: column generation (default), HiGHS on the full MIP, or none. */
export type PartnerKind = 'columns' | 'highs' | 'none';

export async function runCurtois(dir: string, n: number, seconds: number, seed: number, kind: PartnerKind): Promise<CurtoisRow> {
  const parsed = parseCurtois(readFileSync(`${dir}/Instance${n}.txt`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const inst = parsed.value;
  const problem = curtoisToProblem(inst, `Instance${n}`);
  const mip = await highsMipSolver();
  // Ours, with its partner on the second core.
  const t0 = performance.now();
  const partner = kind === 'columns' ? columnPartner() : kind === 'highs' ? highsPartner() : undefined;
  const result = solve(problem, { seed, timeLimitMs: seconds * 1000, mip, partner });
  const ours = (performance.now() - t0) / 1000;
  await partner?.closed();
  if (!result.ok) throw new Error(result.error.message);
  // The independent evaluator is the number we report; it must agree with the engine.
  const ev = evaluateCurtois(inst, planToRoster(inst, result.value));
  if (Math.abs(ev.penalty - result.value.score.soft) > 1e-6) throw new Error(`evaluator ${ev.penalty} ≠ engine ${result.value.score.soft}`);
  const feasible = result.value.feasible && ev.violations.length === 0;
  const compiled = compile(problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  // The reference: HiGHS alone on the same formulation with the same limit, after ours, sharing nothing.
  const model = buildMip(compiled.value);
  const t1 = performance.now();
  const h = await solveLp(model.text, seconds);
  const highsSeconds = (performance.now() - t1) / 1000;
  const highs = Number.isNaN(h.objective) ? null : Math.round(h.objective + model.offset);
  const objective = feasible ? ev.penalty : null;
  const best = BEST_KNOWN[n] ?? Number.NaN;
  return {
    instance: `Instance${n}`, objective, feasible, seconds: round(ours),
    reference: { bestKnown: best, highs, highsStatus: h.status, highsSeconds: round(highsSeconds) },
    gap: objective === null ? null : round((objective - best) / best),
    gapToHighs: objective === null || highs === null ? null : round((objective - highs) / highs),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
