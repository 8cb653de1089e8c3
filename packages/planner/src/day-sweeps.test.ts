import { describe, expect, it } from 'vitest';
import { curtoisToProblem, planToRoster } from './curtois/convert';
import { evaluateCurtois } from './curtois/evaluate';
import { highsMipSolver } from './mip/highs';
import type { MipSolver } from './repair/lns';
import { solve } from './solve';
import { loadCurtois } from './testing/fixtures';

/** A HiGHS solver that counts its calls. */
async function counting(): Promise<{ mip: MipSolver; calls: () => number }> {
  const inner = await highsMipSolver();
  let n = 0;
  return { mip: { solve: (lp, s, start) => (n++, inner.solve(lp, s, start)) }, calls: () => n };
}

/**
 * Day sweeps at the annealing restarts (solve.ts `sweepDays`): with the whole budget given to
 * annealing (no exact phase), every solver call comes from them. A CPU budget, so that a busy
 * machine still gets a valid roster by the first restart. Only on a time budget, so a counted
 * run stays reproducible.
 */
describe('day sweeps between cooling cycles', () => {
  it('re-solve days during annealing on a time budget, and the roster stays valid', async () => {
    const inst = loadCurtois(3);
    const { mip, calls } = await counting();
    const r = solve(curtoisToProblem(inst, 'i3'), { seed: 1, cpuTimeLimitMs: 3000, timeLimitMs: 60_000, mip, annealShare: 1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(calls()).toBeGreaterThan(0);
    const ev = evaluateCurtois(inst, planToRoster(inst, r.value));
    expect(ev.violations).toEqual([]);
    expect(ev.penalty).toBe(r.value.score.soft);
  });

  it('are not made in a counted run (it must stay reproducible)', () => {
    // A solver that finds nothing: the exact phase's LNS asks it once per round (2 rounds for
    // 30,000 moves); day sweeps would ask once per day, 14 days at each of 3 sweeps.
    let calls = 0;
    const mip: MipSolver = { solve: () => (calls++, null) };
    const r = solve(curtoisToProblem(loadCurtois(3), 'i3'), { seed: 1, maxIterations: 30_000, mip, annealShare: 1 });
    expect(r.ok).toBe(true);
    expect(calls).toBeLessThanOrEqual(2);
  });
});
