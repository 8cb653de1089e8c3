import { describe, expect, it } from 'vitest';
import { compile } from '../compile';
import { construct } from '../search/construct';
import { generateLccWeek } from '../lcc/generate';
import { Rng } from '../rng';
import { State } from '../state';
import { repairDay } from './day-repair';
import { highsMipSolver } from '../mip/highs';

describe('repairDay', () => {
  it('re-solves whole days exactly: never worse, never a hard violation, usually better', async () => {
    const problem = generateLccWeek({ seed: 4, protectedPersons: 15, officerScale: 0.06 });
    const c = compile(problem);
    if (!c.ok) throw new Error(c.error.message);
    const state = new State(c.value);
    construct(state, new Rng(4), 4);
    const mip = await highsMipSolver();
    const start = state.score;
    for (let d = 0; d < 7; d++) {
      const before = state.score;
      repairDay(state, mip, d, 10);
      expect(state.score).toBeLessThanOrEqual(before + 1e-9);
      expect(state.hard).toBe(0);
    }
    const fresh = new State(c.value, state.cells);
    expect(fresh.score).toBeCloseTo(state.score, 6);
    expect(state.score).toBeLessThan(start);
  });
});
