import { describe, expect, it } from 'vitest';
import { allowedSlots, compile, OFF } from '../compile';
import { construct } from '../search/construct';
import { generateLccWeek } from '../lcc/generate';
import { Rng } from '../rng';
import { repairRow, repairRows } from './row-repair';
import { State } from '../state';

function constructed(seed: number, pinDay?: number) {
  const problem = generateLccWeek({ seed, protectedPersons: 20, officerScale: 0.08 });
  const first = compile(problem);
  if (!first.ok) throw new Error(first.error.message);
  const state = new State(first.value);
  construct(state, new Rng(seed), 16);
  if (pinDay === undefined) return state;
  // Pin one day of the constructed roster, as a replan would.
  const assignments = [];
  for (let o = 0; o < state.c.officers; o++) {
    const s = state.cell(o, pinDay);
    if (s === OFF) continue;
    const post = problem.posts[state.c.slotPost[s] ?? 0];
    assignments.push({ officerId: problem.officers[o]?.id ?? '', day: pinDay, postId: post?.id ?? '', needIndex: state.c.slotNeed[s] ?? 0, pinned: true });
  }
  const pinned = compile(problem, { assignments, weight: 0 });
  if (!pinned.ok) throw new Error(pinned.error.message);
  return new State(pinned.value, state.cells);
}

describe('exact row repair', () => {
  it('never worsens the score or breaks a hard rule, and keeps the incremental score exact', () => {
    const state = constructed(21);
    const start = state.score;
    let improved = 0;
    for (let o = 0; o < state.c.officers; o++) {
      const before = state.score;
      if (repairRow(state, o)) improved++;
      expect(state.score).toBeLessThanOrEqual(before + 1e-9);
      expect(state.hard).toBeLessThan(1e-9);
    }
    expect(improved).toBeGreaterThan(0);
    expect(state.score).toBeLessThan(start);
    const fresh = new State(state.c, state.cells);
    expect(state.soft).toBeCloseTo(fresh.soft, 6);
    expect(state.hard).toBeCloseTo(fresh.hard, 6);
  });

  it('leaves no single-day change of the repaired row that is feasible and better', () => {
    const state = constructed(24);
    const c = state.c;
    for (const o of [0, 7, 19, 33, 50]) {
      repairRow(state, o);
      const best = state.score;
      for (let d = 0; d < c.days; d++) {
        for (const v of [OFF, ...allowedSlots(c, o * c.days + d)]) {
          state.set(o, d, v);
          state.finish();
          const feasibleAndBetter = state.hard < 1e-9 && state.score < best - 1e-9;
          state.undo();
          expect(feasibleAndBetter).toBe(false);
        }
      }
    }
  });

  it('leaves pinned cells alone', () => {
    const state = constructed(22, 2);
    const pinned = Array.from({ length: state.c.officers }, (_, o) => o).filter((o) => state.c.fixed[o * state.c.days + 2]);
    expect(pinned.length).toBeGreaterThan(0);
    const before = pinned.map((o) => state.cell(o, 2));
    expect(repairRows(state, Int32Array.from({ length: state.c.officers }, (_, o) => o))).toBeGreaterThan(0);
    expect(pinned.map((o) => state.cell(o, 2))).toEqual(before);
  });

  it('reaches a fixed point: a second pass right after convergence changes nothing', () => {
    const state = constructed(23);
    const order = Int32Array.from({ length: state.c.officers }, (_, o) => o);
    for (let i = 0; i < 10 && repairRows(state, order) > 0; i++);
    const cells = state.cells.slice();
    expect(repairRows(state, order)).toBe(0);
    expect(state.score).toBeGreaterThan(0);
    expect(Array.from(state.cells)).toEqual(Array.from(cells));
  });
});
