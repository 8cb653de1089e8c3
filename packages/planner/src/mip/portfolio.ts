import { OFF, type Compiled } from '../compile';
import { State } from '../state';
import { buildMip, decodeMip, type LpModel } from './formulation';

/**
 * A solver working on the whole MIP on another core while the engine searches
 * (parallel portfolio). The engine takes its incumbents, as column names at 1, when
 * they are better; the thread, the WASM module and the messaging stay outside the engine.
 * (Handing the engine's roster back through HiGHS's user-solution callback was tried:
 * a sparse x-only candidate is accepted by the API but never becomes HiGHS's incumbent.)
 */
export interface MipPartner {
  /** Start solving the full model (CPLEX LP text) for at most `seconds`; does not block. */
  start(lp: string, seconds: number): void;
  /** The partner's newest improving solution since the last call (columns at 1), or null. Does not block. */
  poll(): string[] | null;
  /** Stop; waits at most `waitMs` for the partner's last solution, which the next `poll` returns. */
  stop(waitMs: number): void;
}

/** The full model and the partner working on it, for one solve. */
export interface Portfolio {
  partner: MipPartner;
  model: LpModel;
  /** Rosters adopted from the partner (for stats and tests). */
  adopted: number;
}

/** Start the partner on the full MIP; the model text is built once and kept for decoding. */
export function startPortfolio(c: Compiled, partner: MipPartner, seconds: number): Portfolio {
  const model = buildMip(c);
  partner.start(model.text, seconds);
  return { partner, model, adopted: 0 };
}

/**
 * The partner's newest solution replaces the engine's roster when it is
 * lexicographically better (hard first, then soft) as re-scored by the engine
 * itself, so a partner can never make the plan worse or smuggle in a broken rule.
 */
export function exchange(state: State, p: Portfolio): boolean {
  const columns = p.partner.poll();
  if (!columns) return false;
  const theirs = new State(state.c, decodeMip(state.c, p.model, namesAtOne(columns)));
  if (!better(theirs, state)) return false;
  state.cells.set(theirs.cells);
  state.recompute();
  p.adopted++;
  return true;
}

function better(a: State, b: State): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  return a.soft < b.soft - 1e-9;
}

function namesAtOne(columns: string[]): (name: string) => number {
  const set = new Set(columns);
  return (name) => (set.has(name) ? 1 : 0);
}

/** The roster as the full model's x columns at 1 (names as in `buildMip`). */
export function columnsOf(state: State): string[] {
  const c = state.c;
  const out: string[] = [];
  for (let i = 0; i < state.cells.length; i++) {
    const s = state.cells[i] ?? OFF;
    if (s !== OFF) out.push(`x_${Math.floor(i / c.days)}_${i % c.days}_${s}`);
  }
  return out;
}
