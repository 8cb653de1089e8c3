import { describe, expect, it } from 'vitest';
import { compile, OFF } from '../compile';
import { generateLccWeek } from '../lcc/generate';
import { highsMipSolver } from '../mip/highs';
import { Rng } from '../rng';
import { construct } from '../search/construct';
import { State } from '../state';
import { repairDay } from './day-repair';
import { repairRowSet, rowSetAround } from './row-columns';
import { repairRows } from './row-repair';
import { lightWeight, ruinLight } from './ruin-light';

function constructed(seed: number) {
  const problem = generateLccWeek({ seed, protectedPersons: 20, officerScale: 0.08 });
  const c = compile(problem);
  if (!c.ok) throw new Error(c.error.message);
  const state = new State(c.value);
  construct(state, new Rng(seed), 16);
  return state;
}

describe('ruin the light posts (ADR 0041)', () => {
  it('takes officers off the private posts only, and keeps the incremental score exact', () => {
    const state = constructed(5);
    const c = state.c;
    expect(lightWeight(c)).toBeGreaterThanOrEqual(40);
    expect(lightWeight(c)).toBeLessThan(100);
    const before = state.cells.slice();
    const light = (s: number) => s !== OFF && c.problem.posts[c.slotPost[s] ?? 0]?.priority === 'private';
    expect(before.some(light)).toBe(true);
    ruinLight(state);
    state.cells.forEach((s, i) => expect(s).toBe(light(before[i] ?? OFF) ? OFF : before[i]));
    expect(new State(c, state.cells).score).toBeCloseTo(state.score, 6);
  });

  it('a ruin and two sweeps refill the roster without a hard violation', async () => {
    const state = constructed(6);
    const mip = await highsMipSolver();
    ruinLight(state);
    const ruined = state.score;
    for (let pass = 0; pass < 2; pass++) {
      for (let d = 0; d < state.c.days; d++) repairDay(state, mip, d, 10);
      repairRows(state, Int32Array.from({ length: state.c.officers }, (_, o) => o));
    }
    expect(state.hard).toBe(0);
    expect(state.score).toBeLessThan(ruined);
  });
});

describe('row-set exchange (ADR 0041)', () => {
  it('never worsens the score or breaks a hard rule, and improves a constructed roster', async () => {
    const state = constructed(7);
    const mip = await highsMipSolver();
    const rng = new Rng(7);
    const start = state.score;
    for (let round = 0; round < 8; round++) {
      const before = state.score;
      repairRowSet(state, mip, rowSetAround(state, rng, 12), 10);
      expect(state.score).toBeLessThanOrEqual(before + 1e-9);
      expect(state.hard).toBe(0);
    }
    expect(new State(state.c, state.cells).score).toBeCloseTo(state.score, 6);
    expect(state.score).toBeLessThan(start);
  });
});
