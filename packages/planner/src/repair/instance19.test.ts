import { describe, expect, it } from 'vitest';
import { compile } from '../compile';
import { curtoisToProblem } from '../curtois/convert';
import { parseCurtois } from '../curtois/parse';
import { FailureLog } from '../failures';
import { highsMipSolver } from '../mip/highs';
import { Rng } from '../rng';
import { anneal } from '../search/anneal';
import { MAX_HARD_WEIGHT, State } from '../state';
import { repairDay } from './day-repair';
import { MAX_CONSECUTIVE_ERRORS, SafeSolver } from './safe-solver';

/**
 * Instance 19 (12 weeks × 40 nurses) crashed in day repair with "HiGHS error -1": the
 * annealing stayed infeasible, so every cycle of every burst between day sweeps
 * multiplied the hard weight by 4; after ~30 bursts it was 4.5e18, day repair wrote
 * it into the LP objective (a working day lowers a minimum-minutes violation), and
 * HiGHS refused the model. This instance can never be feasible (minimum minutes above
 * the horizon), so it reproduces the same path in milliseconds.
 */
const NEVER_FEASIBLE = [
  'SECTION_HORIZON', '7', '',
  'SECTION_SHIFTS', 'D,480,', '',
  'SECTION_STAFF', 'A,D=7,5000,4000,7,1,1,1', 'B,D=7,5000,0,7,1,1,1', '',
  'SECTION_DAYS_OFF', 'A,6', 'B,0', '',
  'SECTION_COVER', ...[0, 1, 2, 3, 4, 5, 6].map((d) => `${d},D,1,100,1`),
].join('\r\n');

function neverFeasible(): State {
  const inst = parseCurtois(NEVER_FEASIBLE);
  if (!inst.ok) throw new Error(inst.error.message);
  const c = compile(curtoisToProblem(inst.value, 'never-feasible'));
  if (!c.ok) throw new Error(c.error.message);
  return new State(c.value);
}

describe('instance-19 failure: day repair after many infeasible annealing bursts', () => {
  it('keeps the hard weight bounded, and day repair with real HiGHS neither throws nor breaks the roster', async () => {
    const state = neverFeasible();
    const rng = new Rng(19);
    let clock = 0;
    // The burst loop of the exact phase: many short annealing runs on the same state.
    for (let burst = 0; burst < 40; burst++) {
      const { cells } = anneal(state, rng, { maxIterations: 2000, now: () => clock++ });
      state.cells.set(cells);
      state.recompute();
    }
    expect(state.hard).toBeGreaterThan(0);
    expect(state.hardWeight).toBeLessThanOrEqual(MAX_HARD_WEIGHT);
    const mip = await highsMipSolver();
    for (let d = 0; d < state.c.days; d++) {
      const before = state.score;
      expect(() => repairDay(state, mip, d, 5)).not.toThrow();
      expect(state.score).toBeLessThanOrEqual(before + 1e-9);
    }
    expect(new State(state.c, state.cells).soft).toBeCloseTo(state.soft, 6);
  });

  it('day repair clamps absurd coefficients instead of handing them to HiGHS', async () => {
    const state = neverFeasible();
    state.hardWeight = 1e30;
    const mip = await highsMipSolver();
    expect(() => repairDay(state, mip, 1, 5)).not.toThrow();
  });
});

describe('SafeSolver', () => {
  // HiGHS refuses objective coefficients at its infinite cost (1e20); the instance-19 LP
  // (coefficients up to 1.2e19 beside ones of 100) was refused with the same error.
  const REFUSED = ['Maximize', ' obj: + 1e21 z_0 + 100 z_1', 'Subject To', ' d0: z_0 + z_1 <= 1', 'End'].join('\n');

  it('turns a real HiGHS error into "no solution", records it, and switches the solver off after repeated errors', async () => {
    const highs = await highsMipSolver();
    expect(() => highs.solve(REFUSED, 5)).toThrow(/HiGHS error/);
    const failures = new FailureLog();
    const safe = new SafeSolver(highs, failures);
    for (let i = 0; i < MAX_CONSECUTIVE_ERRORS; i++) expect(safe.solve('day-repair', REFUSED, 5)).toBeNull();
    expect(safe.disabled).toBe(true);
    expect(failures.list()).toEqual([
      expect.objectContaining({ code: 'solver-error', step: 'day-repair', count: MAX_CONSECUTIVE_ERRORS }),
      expect.objectContaining({ code: 'solver-disabled', step: 'day-repair', count: 1 }),
    ]);
  });

  it('resets the error streak after a good solve', async () => {
    const highs = await highsMipSolver();
    const failures = new FailureLog();
    const safe = new SafeSolver(highs, failures);
    const good = ['Maximize', ' obj: + 1 z_0', 'Subject To', ' d0: z_0 <= 1', 'End'].join('\n');
    for (let i = 0; i < 5; i++) {
      safe.solve('lns', REFUSED, 5);
      expect(safe.solve('lns', good, 5)?.primal('z_0')).toBeCloseTo(1, 6);
    }
    expect(safe.disabled).toBe(false);
  });
});
