import { describe, expect, it } from 'vitest';
import { compile } from '../compile';
import { curtoisToProblem } from '../curtois/convert';
import { FailureLog } from '../failures';
import { Rng } from '../rng';
import { construct } from '../search/construct';
import { State } from '../state';
import { loadCurtois } from '../testing/fixtures';
import type { MipSolver } from './lns';
import { runExactPhase } from './phase';
import { SafeSolver } from './safe-solver';

/**
 * On a busy machine the budget clock (this thread's CPU time) runs slower than the wall
 * clock, and HiGHS's time limit is wall time. Before: a sub-MIP cut off by that limit
 * looked quick on the budget clock, so the neighbourhood grew and the next one timed out
 * too. Now the limit is stretched by the observed wall/CPU ratio and the size follows the
 * solver's status.
 */
function busyRun(): number[] {
  const inst = loadCurtois(1);
  const c = compile(curtoisToProblem(inst, 'i1'));
  if (!c.ok) throw new Error(c.error.message);
  const state = new State(c.value);
  construct(state, new Rng(1), 16);
  let budget = 0;
  let wall = 0;
  const limits: number[] = [];
  const mip: MipSolver = {
    solve(_lp, seconds) {
      limits.push(seconds);
      // A third of a core: 100 ms of CPU per 300 ms of wall time.
      budget += 100;
      wall += 300;
      return null;
    },
  };
  runExactPhase(state, new Rng(2), new SafeSolver(mip, new FailureLog()), {
    now: () => budget, wallNow: () => wall, timeMs: 2000, report: () => undefined,
  });
  return limits;
}

describe('exact phase on a busy machine', () => {
  it('stretches the sub-MIP time limit by the observed wall/CPU ratio', () => {
    const limits = busyRun();
    expect(limits.length).toBeGreaterThan(3);
    // The first sub-MIP: no ratio observed yet, the budget seconds left.
    expect(limits[0]).toBeCloseTo(2.0, 6);
    // Then three times the budget seconds left (1.9 s after 100 ms of CPU).
    expect(limits[1]).toBeCloseTo(3 * 1.9, 6);
  });

  it('keeps the limit as it was without a wall clock (a quiet machine, or a wall-clock budget)', () => {
    let budget = 0;
    const limits: number[] = [];
    const inst = loadCurtois(1);
    const c = compile(curtoisToProblem(inst, 'i1'));
    if (!c.ok) throw new Error(c.error.message);
    const state = new State(c.value);
    const mip: MipSolver = { solve: (_lp, seconds) => { limits.push(seconds); budget += 100; return null; } };
    runExactPhase(state, new Rng(2), new SafeSolver(mip, new FailureLog()), { now: () => budget, timeMs: 2000, report: () => undefined });
    expect(limits[1]).toBeCloseTo(1.9, 6);
  });
});
