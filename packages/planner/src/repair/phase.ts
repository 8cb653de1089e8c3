import type { Compiled } from '../compile';
import { shuffledRange, type Rng } from '../rng';
import { anneal, type Progress } from '../search/anneal';
import type { State } from '../state';
import { exchange, type Portfolio } from '../portfolio/portfolio';
import { repairDay, repairDayByFlow } from './day-repair';
import { lnsStep, type MipSolver } from './lns';
import { rowSetRounds } from './row-columns';
import { ruinLight } from './ruin-light';
import { repairRows } from './row-repair';
import type { SafeSolver } from './safe-solver';

/** Problems up to this many cells always use cell neighbourhoods (and a partner). */
export const DAY_REPAIR_CELLS = 2000;
/** Above this many officers, or cells, a problem is national-scale (see `nationalScale`). */
const NATIONAL_OFFICERS = 200;
const NATIONAL_CELLS = 12_000;

/**
 * National-scale problems (many officers per day, or too many cells for a full model)
 * re-solve whole days and get no partner; the others, however long their horizon, use
 * cell neighbourhoods and the partner. Until 2026-11-30 the rule was "more than 2,000
 * cells", which sent 12-week rosters of 40 nurses (Curtois 19) down the national path,
 * built for 1,200 officers over 7 days, where they stayed infeasible.
 */
export function nationalScale(c: Compiled): boolean {
  const cells = c.officers * c.days;
  return cells > DAY_REPAIR_CELLS && (c.officers > NATIONAL_OFFICERS || cells > NATIONAL_CELLS);
}
/** Start temperature of the bursts between day sweeps: about a tenth of a post's weight. */
const BURST_TEMPERATURE = 10;

export interface ExactPhase {
  now: () => number;
  /** Budget of this phase in the engine's clock (ms); undefined: rounds are counted. */
  timeMs?: number;
  maxIterations?: number;
  /** Annealing moves of this phase when it counts work (with `maxIterations`): bursts and the fallback share them. */
  annealIterations?: number;
  portfolio?: Portfolio;
  /** Progress within the phase (0..1) and the round; also the engine's checkpoint hook. */
  report: (fraction: number, round: number) => void;
  onProgress?: (p: Progress) => void;
  /**
   * The wall clock (ms), when `now` is a CPU budget clock: HiGHS's time limit is wall
   * time, so on a busy machine a sub-MIP's limit is stretched by the observed wall/CPU
   * ratio, to get the CPU time it was meant to have.
   */
  wallNow?: () => number;
  /** National weeks: share of the time between sweeps for row-set exchanges instead of annealing (ADR 0041). */
  rowSetShare?: number;
  /** National weeks on a time budget: sweeps after the first start from a roster without its light posts (ADR 0041). */
  ruinLight?: boolean;
  /** National weeks: each day's transportation problem solved directly instead of by HiGHS (ADR 0046; default on). */
  dayFlow?: boolean;
}

/** At most this stretch of a sub-MIP's wall-clock limit on a busy machine. */
const MAX_STRETCH = 4;

/**
 * The exact phase after annealing: LNS on benchmark-size rosters (the neighbourhood
 * grows while sub-MIPs solve to optimality and shrinks when they time out), day and
 * row sweeps on larger ones. When the solver is switched off after repeated errors,
 * the time left goes to annealing, so a failing solver costs quality, never the run.
 */
export function runExactPhase(state: State, rng: Rng, solver: SafeSolver, phase: ExactPhase): void {
  const start = phase.now();
  const timeMs = phase.timeMs ?? Number.POSITIVE_INFINITY;
  const rounds = phase.maxIterations === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.round(phase.maxIterations / 20000));
  const left = () => (timeMs - (phase.now() - start)) / 1000;
  const report = (round: number) => phase.report(Math.min(1, (phase.now() - start) / timeMs, (round + 1) / rounds), round);
  const moves = { left: phase.annealIterations };
  if (nationalScale(state.c)) alternateDays(state, rng, solver, phase, left, Math.min(rounds, 1000), report, moves);
  else cellNeighbourhoods(state, rng, solver, phase, left, rounds, report);
  if (solver.disabled && left() > 0.3) burst(state, rng, phase.now, left() * 1000, moves.left);
}

function cellNeighbourhoods(
  state: State, rng: Rng, solver: SafeSolver, phase: ExactPhase, left: () => number, rounds: number, report: (round: number) => void,
): void {
  const inner = solver.for('lns');
  // The neighbourhood grows while sub-MIPs solve to optimality quickly and shrinks otherwise:
  // judged by the solver's status and the budget clock. By the budget clock alone, a sub-MIP
  // cut off by HiGHS's wall-time limit on a busy machine looked quick, and sizes grew.
  const outcome = { optimal: false };
  const lns: MipSolver = {
    solve: (lp, seconds, start) => {
      const r = inner.solve(lp, seconds, start);
      outcome.optimal = r?.optimal === true;
      return r;
    },
  };
  const stretch = wallStretch(phase);
  let size = Math.min(4, state.c.officers);
  for (let round = 0; round < rounds && left() > 0.05 && !solver.disabled; round++) {
    const t = phase.now();
    if (phase.portfolio) exchange(state, phase.portfolio);
    outcome.optimal = false;
    lnsStep(state, rng, lns, size, Math.min(left(), 3) * stretch());
    const took = (phase.now() - t) / 1000;
    size = outcome.optimal && took < 0.5 ? Math.min(size + 1, state.c.officers) : Math.max(2, size - 1);
    report(round);
  }
}

/** Wall time per budget millisecond so far in this phase (1 on a quiet machine or without a wall clock), at most `MAX_STRETCH`. */
function wallStretch(phase: ExactPhase): () => number {
  const wall = phase.wallNow;
  if (!wall) return () => 1;
  const w0 = wall();
  const b0 = phase.now();
  return () => {
    const b = phase.now() - b0;
    return b < 100 ? 1 : Math.min(MAX_STRETCH, Math.max(1, (wall() - w0) / b));
  };
}

/**
 * Sweeps of exact re-assignments alternate with short cold annealing bursts: a day
 * sweep moves many officers at once within each day, a row sweep re-plans each
 * officer's week with the others fixed, and the burst (a fifth of the time left)
 * exploits the freedom both create for the next sweep. With `ruinLight` (national weeks on a
 * time budget), every sweep after the first starts by emptying the light posts and sweeps twice;
 * the roster before it comes back when that ends worse (ADR 0041).
 */
function alternateDays(
  state: State, rng: Rng, solver: SafeSolver, phase: ExactPhase, left: () => number, sweeps: number, report: (round: number) => void,
  moves: { left?: number },
): void {
  const now = phase.now;
  // Seconds each day's repair took in the previous sweep: none is started without room for it.
  const took = new Float64Array(state.c.days);
  for (let sweep = 0; sweep < sweeps && !solver.disabled; sweep++) {
    const ruin = phase.ruinLight && sweep > 0 && moves.left === undefined ? { cells: state.cells.slice(), score: state.score } : undefined;
    if (ruin) ruinLight(state);
    let complete = true;
    for (let pass = 0; pass < (ruin ? 2 : 1) && complete; pass++) {
      complete = daySweep(state, solver, now, left, took, phase.dayFlow ?? true ? rng : undefined);
      if (complete) repairRows(state, shuffledRange(state.c.officers, rng));
    }
    if (ruin && state.score > ruin.score) {
      state.cells.set(ruin.cells);
      state.recompute();
    }
    if (!complete) return;
    report(sweep);
    if (left() <= 0.3) return;
    if (ruin) continue;
    // A fifth of the time (or of the moves) left; a counted budget must end on its own.
    const n = moves.left === undefined ? undefined : Math.ceil(moves.left / 5);
    if (moves.left !== undefined && n !== undefined) moves.left -= n;
    // Timed exchanges only when the budget is time: a counted budget must stay reproducible.
    const exchange = n === undefined ? left() * 200 * (phase.rowSetShare ?? 0) : 0;
    if (exchange > 0) rowSetRounds(state, rng, solver.for('lns'), now, exchange);
    burst(state, rng, now, left() * 200, n);
  }
}

/** Every day re-solved exactly once (with `flowRng`, by the direct solver, ADR 0046); false when the time ran out before the last day. */
export function daySweep(state: State, solver: SafeSolver, now: () => number, left: () => number, took: Float64Array, flowRng?: Rng): boolean {
  const days = solver.for('day-repair');
  for (let d = 0; d < state.c.days; d++) {
    if (solver.disabled || left() <= 0.05 + (took[d] ?? 0)) return false;
    const t = now();
    if (flowRng) repairDayByFlow(state, d, flowRng);
    else repairDay(state, days, d, Math.min(left(), 3));
    took[d] = (now() - t) / 1000;
  }
  return true;
}

/** A cold annealing burst from the current roster; the state ends at the best roster found. */
function burst(state: State, rng: Rng, now: () => number, timeLimitMs: number, maxIterations?: number): void {
  if (!Number.isFinite(timeLimitMs) && maxIterations === undefined) return;
  const { cells } = anneal(state, rng, { timeLimitMs, maxIterations, now, initialTemperature: BURST_TEMPERATURE });
  state.cells.set(cells);
  state.recompute();
}
