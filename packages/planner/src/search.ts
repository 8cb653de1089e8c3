import { randomMove } from './moves';
import type { Rng } from './rng';
import type { State } from './state';

export interface Progress {
  /** 0..1 of the time or iteration budget. */
  fraction: number;
  iterations: number;
  bestHard: number;
  bestSoft: number;
}

export interface SearchLimits {
  /** Wall-clock budget; the search stops at whichever limit comes first. */
  timeLimitMs?: number;
  /** Iteration budget; with only this limit the result is reproducible for a seed. */
  maxIterations?: number;
  now: () => number;
  initialTemperature?: number;
  onProgress?: (p: Progress) => void;
}

const FEASIBLE_EPS = 1e-6;

/** Lexicographic: fewer hard violations first, then the soft score. */
function better(h1: number, s1: number, h2: number, s2: number): boolean {
  const f1 = h1 < FEASIBLE_EPS ? 0 : h1;
  const f2 = h2 < FEASIBLE_EPS ? 0 : h2;
  if (Math.abs(f1 - f2) > FEASIBLE_EPS) return f1 < f2;
  return s1 < s2 - 1e-9;
}

/**
 * Simulated annealing over the move mix, with the temperature driven by the share of
 * the budget used, and periodic restarts from the best roster so a cold phase
 * always polishes the best known solution. Returns the best cells found.
 */
export function anneal(state: State, rng: Rng, limits: SearchLimits): { cells: Int32Array; iterations: number } {
  const start = limits.now();
  const maxIter = limits.maxIterations ?? Number.POSITIVE_INFINITY;
  const timeMs = limits.timeLimitMs ?? Number.POSITIVE_INFINITY;
  let best = state.cells.slice();
  let bestHard = state.hard;
  let bestSoft = state.soft;
  const t0 = limits.initialTemperature ?? initialTemperature(state, rng);
  const t1 = Math.min(0.2, t0);
  const cycles = 3;
  let temp = t0;
  let fraction = 0;
  let lastReport = -1;
  let cycle = 0;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    if ((iter & 511) === 0) {
      const elapsed = limits.now() - start;
      fraction = Math.max(elapsed / timeMs, iter / maxIter);
      if (fraction >= 1) break;
      const c = Math.min(cycles - 1, Math.floor(fraction * cycles));
      if (c !== cycle) {
        cycle = c;
        restore(state, best);
      }
      const local = fraction * cycles - c;
      temp = t0 * Math.pow(t1 / t0, local) / (1 + c);
      if (limits.onProgress && fraction - lastReport >= 0.02) {
        lastReport = fraction;
        limits.onProgress({ fraction, iterations: iter, bestHard, bestSoft });
      }
    }
    const before = state.score;
    if (!randomMove(state, rng)) {
      state.undo();
      continue;
    }
    state.finish();
    const delta = state.score - before;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
      state.accept();
      if (better(state.hard, state.soft, bestHard, bestSoft)) {
        best = state.cells.slice();
        bestHard = state.hard;
        bestSoft = state.soft;
      }
    } else {
      state.undo();
    }
  }
  return { cells: best, iterations: iter };
}

function restore(state: State, cells: Int32Array): void {
  state.cells.set(cells);
  state.recompute();
}

/** Temperature at which a typical worsening move is accepted with probability ~0.3. */
function initialTemperature(state: State, rng: Rng): number {
  const deltas: number[] = [];
  for (let i = 0; i < 400; i++) {
    const before = state.score;
    if (randomMove(state, rng)) {
      state.finish();
      const d = state.score - before;
      if (d > 0) deltas.push(d);
    }
    state.undo();
  }
  if (deltas.length === 0) return 1;
  deltas.sort((a, b) => a - b);
  const median = deltas[Math.floor(deltas.length / 2)] ?? 1;
  return Math.max(1, Math.min(median, 200) / 1.2);
}
