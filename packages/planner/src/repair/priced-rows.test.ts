import { describe, expect, it } from 'vitest';
import { compile, OFF } from '../compile';
import { curtoisToProblem } from '../curtois/convert';
import { parseCurtois } from '../curtois/parse';
import { Rng, shuffledRange } from '../rng';
import { State } from '../state';
import { ROW_REPAIR_MAX_DAYS } from './row-repair';
import { pricedRowSweep, repairRowPriced, violatingOfficers } from './priced-rows';

/**
 * Four weeks (beyond the 14 days of the branch-and-bound row repair), two shift lengths
 * and a minutes window narrower than the longer shift: as in Curtois 14 and 15, a row
 * half a shift short of its minimum needs a longer shift on some day and its runs and
 * days off moved with it, which single annealing moves rarely find.
 */
const DAYS = 28;
const FOUR_WEEKS = [
  'SECTION_HORIZON', String(DAYS), '',
  'SECTION_SHIFTS', 'D,480,', 'L,720,D', '',
  'SECTION_STAFF',
  ...['A', 'B', 'C', 'E'].map((id) => `${id},D=28|L=6,9840,9360,5,2,2,2`), '',
  'SECTION_DAYS_OFF', 'A,3', 'B,10', 'C', 'E,20', '',
  'SECTION_SHIFT_ON_REQUESTS', 'A,4,D,2', 'B,11,L,1', '',
  'SECTION_COVER',
  ...Array.from({ length: DAYS }, (_, d) => [`${d},D,2,100,1`, `${d},L,1,100,1`]).flat(),
].join('\r\n');

function fourWeeks(): State {
  const inst = parseCurtois(FOUR_WEEKS);
  if (!inst.ok) throw new Error(inst.error.message);
  const c = compile(curtoisToProblem(inst.value, 'four-weeks'));
  if (!c.ok) throw new Error(c.error.message);
  return new State(c.value);
}

describe('whole-row repair by pricing (any horizon)', () => {
  it('makes every broken row of a four-week roster valid, where the 14-day row repair does not apply', () => {
    const state = fourWeeks();
    expect(state.c.days).toBeGreaterThan(ROW_REPAIR_MAX_DAYS);
    // An empty roster: every officer is short of the minimum minutes.
    expect(state.hard).toBeGreaterThan(0);
    const broken = violatingOfficers(state, new Rng(1));
    expect(broken).toHaveLength(4);
    const before = state.score;
    pricedRowSweep(state, broken, () => false);
    expect(state.hard).toBe(0);
    expect(state.score).toBeLessThan(before);
    const fresh = new State(state.c, state.cells);
    expect(state.soft).toBeCloseTo(fresh.soft, 9);
    expect(fresh.hard).toBe(0);
  });

  it('never makes a valid roster worse, and a second sweep after convergence changes nothing', () => {
    const state = fourWeeks();
    const rng = new Rng(2);
    pricedRowSweep(state, shuffledRange(state.c.officers, rng), () => false);
    const gains = new Float64Array(state.c.slots);
    for (let pass = 0; pass < 10; pass++) {
      let changed = false;
      for (const o of shuffledRange(state.c.officers, rng)) {
        const before = state.score;
        if (repairRowPriced(state, o, gains)) changed = true;
        expect(state.score).toBeLessThanOrEqual(before + 1e-9);
        expect(state.hard).toBe(0);
      }
      if (!changed) break;
    }
    const cells = state.cells.slice();
    expect(pricedRowSweep(state, shuffledRange(state.c.officers, rng), () => false)).toBe(0);
    expect(Array.from(state.cells)).toEqual(Array.from(cells));
    // Leave and requests are respected: A is off on day 3, E on day 20.
    expect(state.cell(0, 3)).toBe(OFF);
    expect(state.cell(3, 20)).toBe(OFF);
  });

  it('stops when told to', () => {
    const state = fourWeeks();
    let calls = 0;
    expect(pricedRowSweep(state, [0, 1, 2, 3], () => calls++ >= 1)).toBeLessThanOrEqual(1);
    expect(violatingOfficers(state, new Rng(3)).length).toBeGreaterThanOrEqual(3);
  });
});
