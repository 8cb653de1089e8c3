import { OFF } from '../compile';
import type { Rng } from '../rng';
import type { State } from '../state';
import { buildMip, decodeMip } from '../mip/formulation';

/** What the engine needs from a MIP solver; `highs` is adapted to it outside the engine. */
export interface MipSolver {
  /** Solve CPLEX LP text; null when no solution was found in time. */
  solve(lp: string, timeLimitSeconds: number, start?: string[]): { optimal: boolean; primal: (name: string) => number } | null;
}

/**
 * One large-neighbourhood step: free a set of cells, re-solve them exactly with the
 * rest fixed, and keep the result when it is no worse. Three shapes alternate:
 * whole rows of a few officers (half of them the costliest), all officers over a
 * window of days, and a band of officers over a longer window. Exact repair finds
 * the multi-officer exchanges single moves cannot reach under tight run rules.
 * `size` scales the shape (officers, or days for the window).
 */
export function lnsStep(state: State, rng: Rng, solver: MipSolver, size: number, seconds: number): boolean {
  return repair(state, solver, chooseCells(state, rng, size), seconds);
}

/** Re-solve the `free` cells exactly, warm-started from the current roster; keep if no worse. */
export function repair(state: State, solver: MipSolver, free: Uint8Array, seconds: number): boolean {
  const c = state.c;
  for (let i = 0; i < free.length; i++) if (c.fixed[i]) free[i] = 0;
  const hood = { free, cells: state.cells };
  const model = buildMip(c, hood);
  const start: string[] = [];
  for (let i = 0; i < free.length; i++) {
    const s = state.cells[i] ?? OFF;
    if (free[i] && s !== OFF) start.push(`x_${Math.floor(i / c.days)}_${i % c.days}_${s}`);
  }
  const result = solver.solve(model.text, seconds, start);
  if (!result) return false;
  const cells = decodeMip(c, model, result.primal, hood);
  const before = state.score;
  for (let i = 0; i < free.length; i++) {
    if (!free[i]) continue;
    state.set(Math.floor(i / c.days), i % c.days, cells[i] ?? OFF);
  }
  return state.keepIfNotWorse(before);
}

function chooseCells(state: State, rng: Rng, size: number): Uint8Array {
  const c = state.c;
  const { officers: O, days: D } = c;
  const free = new Uint8Array(O * D);
  if (state.hard > 0) return violatedRows(state, rng, size, free);
  const shape = rng.int(3);
  if (shape === 0) {
    const order = Array.from({ length: O }, (_, o) => o);
    const cost = (o: number) => (state.rowSoft[o] ?? 0) + (state.rowHard[o] ?? 0) * 1000;
    order.sort((a, b) => cost(b) - cost(a));
    const picked = new Set<number>();
    for (const o of order.slice(0, size)) if (rng.next() < 0.5) picked.add(o);
    for (let guard = 0; picked.size < Math.min(size, O) && guard < 20 * size; guard++) picked.add(rng.int(O));
    for (const o of picked) free.fill(1, o * D, (o + 1) * D);
    return free;
  }
  const officers = shape === 1 ? O : Math.min(O, size * 2);
  const len = Math.min(D, shape === 1 ? Math.max(2, Math.round((size * 14) / O)) : 14);
  const start = rng.int(D - len + 1);
  const first = rng.int(O);
  for (let k = 0; k < officers; k++) {
    const o = (first + k) % O;
    free.fill(1, o * D + start, o * D + start + len);
  }
  return free;
}

/**
 * Feasibility first: while the roster breaks a hard rule, free the whole rows of the
 * officers who break one (with a few others to exchange shifts with). With a whole row
 * free every rule of that officer is inside the sub-MIP, so it can always be met; a
 * window or band would leave the rule half outside and the sub-MIP infeasible.
 */
function violatedRows(state: State, rng: Rng, size: number, free: Uint8Array): Uint8Array {
  const { officers: O, days: D } = state.c;
  const picked = new Set<number>();
  const violating = Array.from({ length: O }, (_, o) => o).filter((o) => (state.rowHard[o] ?? 0) > 0);
  for (const o of violating.slice(0, Math.max(1, size - 1))) picked.add(o);
  for (let guard = 0; picked.size < Math.min(size, O) && guard < 20 * size; guard++) picked.add(rng.int(O));
  for (const o of picked) free.fill(1, o * D, (o + 1) * D);
  return free;
}
