import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { curtoisToProblem } from './curtois/convert';
import { generateLccWeek } from './lcc/generate';
import type { PlanningProblem } from './model';
import { randomMove } from './search/moves';
import { Rng } from './rng';
import { rowCost } from './row';
import { State } from './state';
import { loadCurtois } from './testing/fixtures';

function checkIncremental(problem: PlanningProblem, moves: number): void {
  const c = compile(problem);
  if (!c.ok) throw new Error(c.error.message);
  const rng = new Rng(7);
  const state = new State(c.value);
  for (let i = 0; i < moves; i++) {
    const before = state.score;
    if (randomMove(state, rng)) state.finish();
    if (rng.next() < 0.5) state.accept();
    else {
      state.undo();
      expect(state.score).toBeCloseTo(before, 6);
    }
  }
  const fresh = new State(c.value, state.cells);
  expect(state.hard).toBeCloseTo(fresh.hard, 6);
  expect(state.soft).toBeCloseTo(fresh.soft, 6);
  // Every row's incremental score agrees with the reference scan of row.ts.
  const ref = { hard: 0, requests: 0, disruption: 0 };
  for (let o = 0; o < c.value.officers; o++) {
    rowCost(c.value, state.cells, o, ref);
    expect(state.rowHard[o]).toBeCloseTo(ref.hard, 6);
    expect(state.rowSoft[o]).toBeCloseTo(ref.requests + ref.disruption, 6);
  }
}

describe('State (delta evaluation)', () => {
  it('keeps the incremental score equal to a full recomputation (Curtois)', () => {
    checkIncremental(curtoisToProblem(loadCurtois(6), 'i6'), 20_000);
  });

  it.each([18, 19])('keeps the incremental score equal to a full recomputation on a long horizon (Curtois %i, 84 days)', (n) => {
    checkIncremental(curtoisToProblem(loadCurtois(n), `i${n}`), 20_000);
  });

  it('keeps the incremental score equal to a full recomputation (LCC)', () => {
    checkIncremental(generateLccWeek({ seed: 3, protectedPersons: 12, officerScale: 0.05 }), 20_000);
  });
});
