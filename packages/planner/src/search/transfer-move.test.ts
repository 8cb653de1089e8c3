import { describe, expect, it } from 'vitest';
import { compile, OFF } from '../compile';
import { curtoisToProblem } from '../curtois/convert';
import { parseCurtois } from '../curtois/parse';
import { Rng } from '../rng';
import { State } from '../state';
import { transferMove } from './transfer-move';

// One nurse, one shift type: day 0 needs nobody, day 1 needs one nurse.
const WEEK = [
  'SECTION_HORIZON', '7', '',
  'SECTION_SHIFTS', 'D,480,', '',
  'SECTION_STAFF', 'A,D=7,3360,0,7,1,1,2', '',
  'SECTION_COVER', '0,D,0,100,1', '1,D,1,100,1', ...[2, 3, 4, 5, 6].map((d) => `${d},D,0,100,1`),
].join('\r\n');

function week(): State {
  const inst = parseCurtois(WEEK);
  if (!inst.ok) throw new Error(inst.error.message);
  const c = compile(curtoisToProblem(inst.value, 'week'));
  if (!c.ok) throw new Error(c.error.message);
  return new State(c.value);
}

const slotOn = (state: State, day: number) => Array.from({ length: state.c.slots }, (_, s) => s).find((s) => state.c.slotDay[s] === day) ?? -1;

describe('transfer move', () => {
  it('moves a shift from a surplus slot to a short one on another day, keeping the workload', () => {
    const state = week();
    state.set(0, 0, slotOn(state, 0));
    state.finish();
    state.accept();
    const before = state.score;
    const rng = new Rng(5);
    let moved = false;
    for (let k = 0; k < 200 && !moved; k++) moved = transferMove(state, rng);
    expect(moved).toBe(true);
    state.finish();
    expect(state.cell(0, 0)).toBe(OFF);
    expect(state.cell(0, 1)).toBe(slotOn(state, 1));
    // Under-cover 100 and over-cover 1 both gone.
    expect(state.score).toBe(before - 101);
  });

  it('finds nothing when no slot is short', () => {
    const state = week();
    state.set(0, 1, slotOn(state, 1));
    state.finish();
    state.accept();
    const rng = new Rng(6);
    for (let k = 0; k < 50; k++) expect(transferMove(state, rng)).toBe(false);
  });
});
