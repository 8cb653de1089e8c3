import { OFF, officersFor } from '../compile';
import type { Rng } from '../rng';
import type { State } from '../state';

/** Days of the officer's row scanned for a shift to give up (bounded, so a move's cost stays flat in the horizon). */
const SCAN_DAYS = 28;

/**
 * Transfer one of an officer's shifts from a slot with a surplus to a short slot on
 * another day the officer is off: the officer's workload (minutes, shift count) stays
 * about the same and the cover improves at both ends. On long Curtois horizons
 * annealing ended with dozens of short slots *and* dozens of surplus ones (instance 15:
 * 61 and 82), because the rows are near their minute limits, so filling a short slot
 * needs a shift given up elsewhere in the same move. Returns false when it found none.
 */
export function transferMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const D = c.days;
  const s = sampleShort(state, rng);
  if (s < 0) return false;
  const d = c.slotDay[s] ?? 0;
  const officers = officersFor(c, s);
  if (officers.length === 0) return false;
  for (let k = 0; k < 4; k++) {
    const o = rng.pick(officers);
    if (state.cell(o, d) !== OFF || c.fixed[o * D + d]) continue;
    const from = surplusDay(state, rng, o, d, c.slotType[s] ?? 0);
    if (from < 0) continue;
    state.set(o, d, s);
    state.set(o, from, OFF);
    return true;
  }
  return false;
}

/** A day of officer `o` (not `skip`) on a slot with more officers than needed, preferring shift type `type`. */
function surplusDay(state: State, rng: Rng, o: number, skip: number, type: number): number {
  const c = state.c;
  const D = c.days;
  const n = Math.min(D, SCAN_DAYS);
  const first = rng.int(D);
  let found = -1;
  for (let i = 0; i < n; i++) {
    const day = (first + i) % D;
    const x = state.cell(o, day);
    if (x === OFF || day === skip || c.fixed[o * D + day]) continue;
    if ((state.count[x] ?? 0) <= (c.slotCount[x] ?? 0)) continue;
    found = day;
    if (c.slotType[x] === type) break;
  }
  return found;
}

function sampleShort(state: State, rng: Rng): number {
  const c = state.c;
  for (let tries = 0; tries < 16; tries++) {
    const s = rng.int(c.slots);
    if ((state.count[s] ?? 0) < (c.slotCount[s] ?? 0)) return s;
  }
  return -1;
}
