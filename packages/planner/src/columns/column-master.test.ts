import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../compile';
import { curtoisToProblem, planToRoster } from '../curtois/convert';
import { evaluateCurtois } from '../curtois/evaluate';
import type { CurtoisInstance } from '../curtois/parse';
import { toPlan } from '../solve';
import { State } from '../state';
import { loadCurtois } from '../testing/fixtures';
import { ColumnMaster } from './column-master';
import { highs } from '../mip/highs';

function compiled(inst: CurtoisInstance): Compiled {
  const c = compile(curtoisToProblem(inst, 'i'));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

/** The benchmark's own evaluator must accept the roster and agree with the engine's score. */
function checked(inst: CurtoisInstance, c: Compiled, cells: Int32Array): number {
  const state = new State(c, cells);
  expect(state.hard).toBe(0);
  const ev = evaluateCurtois(inst, planToRoster(inst, toPlan(state)));
  expect(ev.violations).toEqual([]);
  expect(ev.penalty).toBeCloseTo(state.soft, 6);
  return ev.penalty;
}

describe('column-generation master', () => {
  it('converges to an LP value no higher than the optimum, and dives to a valid roster never below it', async () => {
    // Instance 2: optimum 828 (README; HiGHS proves it in about a second).
    const inst = loadCurtois(2);
    const c = compiled(inst);
    const master = new ColumnMaster(await highs(), c);
    try {
      master.seed();
      let lp = Number.NaN;
      for (let round = 0; round < 500; round++) {
        const g = master.generate();
        lp = g.lp;
        if (g.added === 0) break;
      }
      expect(lp).toBeLessThanOrEqual(828 + 1e-6);
      const cells = master.dive(Number.POSITIVE_INFINITY);
      expect(cells).not.toBeNull();
      expect(checked(inst, c, cells ?? new Int32Array(0))).toBeGreaterThanOrEqual(828);
    } finally {
      master.dispose();
    }
  });

  it('solves the integer master over a pool started from a roster, never worse than that roster', async () => {
    const inst = loadCurtois(3);
    const c = compiled(inst);
    // The start: a quick dive of a separate master (few pricing rounds, so it is not optimal).
    const quick = new ColumnMaster(await highs(), c);
    quick.seed();
    const cells = quick.dive(Number.POSITIVE_INFINITY);
    quick.dispose();
    const start = new State(c, cells ?? new Int32Array(0));
    expect(start.hard).toBe(0);
    const master = new ColumnMaster(await highs(), c);
    try {
      master.seed();
      master.addRoster(start.cells);
      for (let round = 0; round < 20; round++) if (master.generate().added === 0) break;
      const out = master.solveInteger(10, start.cells);
      expect(out).not.toBeNull();
      const penalty = checked(inst, c, out?.cells ?? new Int32Array(0));
      expect(penalty).toBeLessThanOrEqual(start.soft + 1e-9);
      expect(penalty).toBeGreaterThanOrEqual(1001);
    } finally {
      master.dispose();
    }
  });
});
