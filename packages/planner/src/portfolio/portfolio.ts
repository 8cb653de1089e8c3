import { OFF, type Compiled } from '../compile';
import type { PlanningProblem } from '../model';
import { State } from '../state';
import { buildMip, decodeMip, type LpModel } from '../mip/formulation';

/** What a partner gets: the full model as CPLEX LP text, and the problem itself. */
export interface PartnerJob {
  lp: string;
  problem: PlanningProblem;
}

/**
 * A solver working on the whole problem on another core while the engine searches
 * (parallel portfolio). The engine takes its incumbents, as column names at 1, when
 * they are better; the thread, the WASM module and the messaging stay outside the engine.
 * (Handing the engine's roster back through HiGHS's user-solution callback was tried:
 * a sparse x-only candidate is accepted by the API but never becomes HiGHS's incumbent.)
 */
export interface MipPartner {
  /** Start solving for at most `seconds`; does not block. */
  start(job: PartnerJob, seconds: number): void;
  /** The engine's better roster (columns at 1), for partners that can use it; does not block. */
  offer?(columns: string[]): void;
  /** The partner's newest improving solution since the last call (columns at 1), or null. Does not block. */
  poll(): string[] | null;
  /** Stop; waits at most `waitMs` for the partner's last solution, which the next `poll` returns. */
  stop(waitMs: number): void;
  /** A failure the partner reported since the last call (e.g. its thread caught an error), or null. Does not block. */
  failure?(): string | null;
}

/** The full model and the partner working on it, for one solve. */
export interface Portfolio {
  partner: MipPartner;
  model: LpModel;
  /** Rosters adopted from the partner (for stats and tests). */
  adopted: number;
  /** Soft score of the last roster exchanged either way: only better ones are offered. */
  shared: number;
}

/** Start the partner on the full MIP; the model text is built once and kept for decoding. */
export function startPortfolio(c: Compiled, partner: MipPartner, seconds: number): Portfolio {
  const model = buildMip(c);
  partner.start({ lp: model.text, problem: c.problem }, seconds);
  return { partner, model, adopted: 0, shared: Number.POSITIVE_INFINITY };
}

/**
 * The partner's newest solution replaces the engine's roster when it is
 * lexicographically better (hard first, then soft) as re-scored by the engine
 * itself, so a partner can never make the plan worse or smuggle in a broken rule.
 */
export function exchange(state: State, p: Portfolio): boolean {
  const adopted = adopt(state, p);
  if (!adopted && state.hard === 0 && state.soft < p.shared - 1e-9 && p.partner.offer) {
    p.partner.offer(columnsOf(state));
    p.shared = state.soft;
  }
  return adopted;
}

function adopt(state: State, p: Portfolio): boolean {
  const columns = p.partner.poll();
  if (!columns) return false;
  const theirs = new State(state.c, decodeMip(state.c, p.model, namesAtOne(columns)));
  if (theirs.hard === 0) p.shared = Math.min(p.shared, theirs.soft);
  if (!betterRoster(theirs, state)) return false;
  state.cells.set(theirs.cells);
  state.recompute();
  p.adopted++;
  return true;
}

/** Lexicographic: fewer hard violations, then a lower soft score. */
export function betterRoster(a: State, b: State): boolean {
  if (a.hard !== b.hard) return a.hard < b.hard;
  return a.soft < b.soft - 1e-9;
}

function namesAtOne(columns: string[]): (name: string) => number {
  const set = new Set(columns);
  return (name) => (set.has(name) ? 1 : 0);
}

/** The roster as the full model's x columns at 1 (names as in `buildMip`). */
export function columnsOf(state: State): string[] {
  return cellColumns(state.c, state.cells);
}

export function cellColumns(c: Compiled, cells: Int32Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i] ?? OFF;
    if (s !== OFF) out.push(`x_${Math.floor(i / c.days)}_${i % c.days}_${s}`);
  }
  return out;
}

/** The inverse of `cellColumns`, for a partner that has no LP model to decode with. */
export function columnCells(c: Compiled, columns: string[]): Int32Array {
  const cells = new Int32Array(c.officers * c.days).fill(OFF);
  for (const name of columns) {
    const [, o, d, s] = name.split('_').map(Number);
    if (o !== undefined && d !== undefined && s !== undefined) cells[o * c.days + d] = s;
  }
  return cells;
}
