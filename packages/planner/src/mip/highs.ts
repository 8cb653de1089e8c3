import loadHighs from 'highs';
import type { MipSolver } from './lns';

export interface LpOutcome {
  status: string;
  /** Objective including no offsets; NaN when no solution is available. */
  objective: number;
  optimal: boolean;
  primal: (name: string) => number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;

let instance: Promise<Highs> | null = null;

/** The HiGHS WASM module, loaded once per thread. */
export function highs(): Promise<Highs> {
  instance ??= loadHighs();
  return instance;
}

export async function solveLp(text: string, timeLimitSeconds?: number): Promise<LpOutcome> {
  const h = await highs();
  return run(h, text, timeLimitSeconds);
}

function run(h: Highs, text: string, timeLimitSeconds?: number): LpOutcome {
  const options: Record<string, unknown> = { output_flag: false };
  if (timeLimitSeconds !== undefined) options.time_limit = Math.max(0.01, timeLimitSeconds);
  const r = h.solve(text, options as Parameters<Highs['solve']>[1]);
  const cols = (r.Columns ?? {}) as Record<string, { Primal?: number }>;
  const hasSolution = (r.Status === 'Optimal' || r.Status === 'Time limit reached') && Number.isFinite(r.ObjectiveValue)
    && Object.keys(cols).length > 0;
  return {
    status: r.Status,
    objective: hasSolution ? r.ObjectiveValue : Number.NaN,
    optimal: r.Status === 'Optimal',
    primal: (name) => cols[name]?.Primal ?? 0,
  };
}

/** HiGHS as the engine's exact neighbourhood repair. */
export async function highsMipSolver(): Promise<MipSolver> {
  const h = await highs();
  return {
    solve(lp, seconds) {
      const out = run(h, lp, seconds);
      return Number.isNaN(out.objective) ? null : { optimal: out.optimal, primal: out.primal };
    },
  };
}
