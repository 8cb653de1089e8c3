import loadHighs from 'highs';
import type { MipSolver } from '../repair/lns';

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

/**
 * Solve with a MIP start (columns at 1): HiGHS then never returns worse than the
 * start, so a timed-out neighbourhood still yields a usable, often improved, roster.
 */
function runWithStart(h: Highs, text: string, seconds: number, start: string[]): LpOutcome {
  const model = h.createModel({ format: 'lp', data: text });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.01, seconds) } as never);
    const indices: number[] = [];
    for (const name of start) {
      const i = model.getColByName(name);
      if (i >= 0) indices.push(i);
    }
    if (indices.length) model.setSolution({ indices, values: indices.map(() => 1) });
    model.run();
    const status = model.getModelStatus();
    const cols = model.getSolution().colValue;
    const values = new Map<string, number>();
    for (let i = 0; i < cols.length; i++) if ((cols[i] ?? 0) > 0.5) values.set(model.getColName(i), cols[i] ?? 0);
    const ok = status === h.constants.modelStatus.optimal || (status === h.constants.modelStatus.timeLimit && values.size > 0);
    return {
      status: String(status),
      objective: ok ? model.getObjectiveValue() : Number.NaN,
      optimal: status === h.constants.modelStatus.optimal,
      primal: (name) => values.get(name) ?? 0,
    };
  } finally {
    model.dispose();
  }
}

/** HiGHS as the engine's exact neighbourhood repair. */
export async function highsMipSolver(): Promise<MipSolver> {
  const h = await highs();
  return {
    solve(lp, seconds, start) {
      const out = start ? runWithStart(h, lp, seconds, start) : run(h, lp, seconds);
      return Number.isNaN(out.objective) ? null : { optimal: out.optimal, primal: out.primal };
    },
  };
}
