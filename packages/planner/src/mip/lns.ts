import { OFF } from '../compile';
import type { Rng } from '../rng';
import type { State } from '../state';
import { buildMip, decodeMip } from './formulation';

/** What the engine needs from a MIP solver; `highs` is adapted to it outside the engine. */
export interface MipSolver {
  /** Solve CPLEX LP text; null when no solution was found in time. */
  solve(lp: string, timeLimitSeconds: number): { optimal: boolean; primal: (name: string) => number } | null;
}

/**
 * One large-neighbourhood step: free `size` officers (half of them the costliest
 * rows, half random), re-solve their rows exactly with the rest fixed, and keep the
 * result when it is no worse. Exact repair finds the multi-officer exchanges that
 * single moves cannot reach under tight minimum-run rules.
 */
export function lnsStep(state: State, rng: Rng, solver: MipSolver, size: number, seconds: number): boolean {
  const c = state.c;
  const free = new Uint8Array(c.officers);
  const order = Array.from({ length: c.officers }, (_, o) => o);
  order.sort((a, b) => (state.rowSoft[b] ?? 0) + (state.rowHard[b] ?? 0) * 1000 - (state.rowSoft[a] ?? 0) - (state.rowHard[a] ?? 0) * 1000);
  let chosen = 0;
  for (const o of order.slice(0, Math.ceil(size / 3))) if (rng.next() < 0.7 && chosen < size) { free[o] = 1; chosen++; }
  for (let guard = 0; chosen < Math.min(size, c.officers) && guard < 10 * size; guard++) {
    const o = rng.int(c.officers);
    if (!free[o] && !rowHasFixed(state, o)) { free[o] = 1; chosen++; }
  }
  for (let o = 0; o < c.officers; o++) if (free[o] && rowHasFixed(state, o)) free[o] = 0;
  const hood = { free, cells: state.cells };
  const model = buildMip(c, hood);
  const result = solver.solve(model.text, seconds);
  if (!result) return false;
  const cells = decodeMip(c, model, result.primal, hood);
  const before = state.score;
  for (let o = 0; o < c.officers; o++) {
    if (!free[o]) continue;
    for (let d = 0; d < c.days; d++) state.set(o, d, cells[o * c.days + d] ?? OFF);
  }
  state.finish();
  if (state.score <= before + 1e-9) {
    state.accept();
    return state.score < before - 1e-9;
  }
  state.undo();
  return false;
}

function rowHasFixed(state: State, o: number): boolean {
  const c = state.c;
  for (let d = 0; d < c.days; d++) if (c.fixed[o * c.days + d]) return true;
  return false;
}
