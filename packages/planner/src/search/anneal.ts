import { randomMove } from './moves';
import type { Rng } from '../rng';
import { MAX_HARD_WEIGHT, type State } from '../state';

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
  /**
   * Called when a cycle restarts from the best roster; it may replace the roster in
   * `state` by a better one (the portfolio partner's), from which the cycle then starts.
   */
  onRestart?: (state: State) => void;
  /**
   * Holder of the best roster, kept up to date during the search, so a caller still
   * has it if the search is interrupted by an error (the engine's fallback).
   */
  best?: Best;
}

export interface Best {
  cells: Int32Array;
  hard: number;
  soft: number;
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
  const best = Object.assign(limits.best ?? {}, { cells: state.cells.slice(), hard: state.hard, soft: state.soft });
  const schedule = new Schedule(limits.initialTemperature ?? initialTemperature(state, rng));
  let lastReport = -1;
  let iter = 0;
  const lazy = { pending: false };
  for (; iter < maxIter; iter++) {
    if ((iter & 511) === 0) {
      const fraction = Math.max((limits.now() - start) / timeMs, iter / maxIter);
      if (fraction >= 1) break;
      if (schedule.update(fraction)) {
        flush(state, best, lazy);
        // Still infeasible after a whole cycle: hard rules weigh more from now on.
        // Capped: the weight enters exact repairs as LP coefficients, and an unbounded one
        // (4^cycles over many bursts) once reached 4.5e18 and made HiGHS fail (instance 19).
        if (best.hard > FEASIBLE_EPS) state.hardWeight = Math.min(MAX_HARD_WEIGHT, state.hardWeight * 4);
        restore(state, best.cells);
        if (limits.onRestart) adoptFrom(state, limits.onRestart, best);
      }
      if (limits.onProgress && fraction - lastReport >= 0.02) {
        lastReport = fraction;
        limits.onProgress({ fraction, iterations: iter, bestHard: best.hard, bestSoft: best.soft });
      }
    }
    step(state, rng, schedule.temperature, best, lazy);
  }
  flush(state, best, lazy);
  return { cells: best.cells, iterations: iter };
}

/** The state is the best roster but `best.cells` is not yet a copy of it: copy now. */
function flush(state: State, best: Best, lazy: { pending: boolean }): void {
  if (!lazy.pending) return;
  best.cells = state.cells.slice();
  lazy.pending = false;
}

/**
 * One move: apply, accept by the Metropolis rule or undo, and record a new best. A new
 * best is copied lazily, only when an accepted move leaves it: a descent through many
 * improving moves copies the roster once, not once per move (a copy is O(cells), and
 * would make a move's cost grow with the horizon and the staff).
 */
function step(state: State, rng: Rng, temp: number, best: Best, lazy: { pending: boolean }): void {
  const before = state.score;
  if (!randomMove(state, rng)) {
    state.undo();
    return;
  }
  state.finish();
  const delta = state.score - before;
  if (delta > 0 && rng.next() >= Math.exp(-delta / temp)) {
    state.undo();
    return;
  }
  if (lazy.pending && (state.hard !== best.hard || state.soft !== best.soft)) {
    best.cells = state.copyBeforeMove();
    lazy.pending = false;
  }
  state.accept();
  if (better(state.hard, state.soft, best.hard, best.soft)) {
    best.hard = state.hard;
    best.soft = state.soft;
    lazy.pending = true;
  }
}

/** Geometric cooling repeated in cycles; each new cycle starts cooler, from the best roster. */
class Schedule {
  temperature: number;
  private cycle = 0;
  private readonly cycles = 3;
  private readonly t1: number;

  constructor(private readonly t0: number) {
    this.temperature = t0;
    this.t1 = Math.min(0.2, t0);
  }

  /** Set the temperature for a budget fraction; true when a new cycle begins. */
  update(fraction: number): boolean {
    const c = Math.min(this.cycles - 1, Math.floor(fraction * this.cycles));
    const local = fraction * this.cycles - c;
    this.temperature = (this.t0 * Math.pow(this.t1 / this.t0, local)) / (1 + c);
    if (c === this.cycle) return false;
    this.cycle = c;
    return true;
  }
}

function adoptFrom(state: State, hook: (state: State) => void, best: Best): void {
  hook(state);
  if (!better(state.hard, state.soft, best.hard, best.soft)) return;
  best.cells = state.cells.slice();
  best.hard = state.hard;
  best.soft = state.soft;
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
