import { allowedSlots, NONE, OFF, officersFor } from '../compile';
import { bestRow, ROW_REPAIR_MAX_DAYS, type DayOptions } from '../repair/row-repair';
import { coverCost } from '../row';
import type { Rng } from '../rng';
import type { State } from '../state';
import type { Move } from './anneal';
import { randomMove } from './moves';

/** Rows re-planned per chain move: the officer who takes the open slot, then those who take what they drop. */
const CHAIN_ROWS = 3;
/** Officers tried per link of the chain; the one whose re-planned row gains most takes the slot. */
const CANDIDATES = 4;
/** Share of a national week's moves that are row chains (each costs a few rows' branch and bound). */
export const ROW_CHAIN_SHARE = 0.05;

/**
 * Row ejection chain (ADR 0041). On a national week the last per cent of the LP bound lies in
 * work-day posts left open while officers staff lower-weight private evening posts: the working-
 * time limit blocks a one-cell swap, and the day and row sweeps are each optimal for one day or
 * one row only. This move gives an open slot to the best of a few qualified officers, whose
 * whole row is re-planned around it by the exact row search (dropping whatever makes room under
 * the working-time and rest rules); each slot that officer drops and leaves open is handed on
 * the same way, up to three rows. The annealing acceptance judges the chain as a whole.
 */
export function rowChainMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const s = sampleOpen(state, rng);
  if (s < 0) return false;
  const queue = [s];
  const taken: number[] = [];
  for (let rows = 0; queue.length > 0 && rows < CHAIN_ROWS; rows++) {
    const f = queue.shift() ?? 0;
    if ((state.count[f] ?? 0) >= (c.slotCount[f] ?? 0)) continue;
    const link = bestLink(state, rng, f, taken);
    if (!link) continue;
    const base = link.o * c.days;
    const before = state.cells.slice(base, base + c.days);
    for (let e = 0; e < c.days; e++) state.set(link.o, e, link.row[e] ?? OFF);
    taken.push(link.o);
    for (let e = 0; e < c.days; e++) {
      const prev = before[e] ?? OFF;
      if (prev !== OFF && prev !== link.row[e] && (state.count[prev] ?? 0) < (c.slotCount[prev] ?? 0)) queue.push(prev);
    }
    queue.sort((a, b) => (c.slotUnder[b] ?? 0) - (c.slotUnder[a] ?? 0));
  }
  return taken.length > 0;
}

/** A national week's move mix: mostly the cheap moves, a share of row chains. */
export function nationalMove(share = ROW_CHAIN_SHARE): Move {
  return (state, rng) => {
    // Longer horizons: the row search is exhaustive only up to two weeks.
    if (state.c.days > ROW_REPAIR_MAX_DAYS || rng.next() >= share) return randomMove(state, rng);
    return rowChainMove(state, rng);
  };
}

interface Link { o: number; row: number[]; gain: number }

/** Of a few qualified officers, the one whose best row holding slot f gains most over their current row. */
function bestLink(state: State, rng: Rng, f: number, taken: number[]): Link | null {
  const c = state.c;
  const officers = officersFor(c, f);
  if (officers.length === 0) return null;
  const d = c.slotDay[f] ?? 0;
  let best = null as Link | null;
  const out = { value: 0 };
  for (let k = 0; k < CANDIDATES; k++) {
    const o = rng.pick(officers);
    if (taken.includes(o) || best?.o === o || c.fixed[o * c.days + d] || state.cell(o, d) === f) continue;
    const { options, current } = rowChoices(state, o);
    options[d] = { slots: [f], values: [valueOf(state, o, d, f)] };
    const row = bestRow(c, o, options, out);
    if (!row) continue;
    const gain = out.value - current;
    if (!best || gain > best.gain) best = { o, row, gain };
  }
  return best;
}

/**
 * Per day, off or the most valuable slot of each shift type for officer o, valued as if o
 * were not on it (the others' cover as it is), and the value of o's current row on the same scale.
 */
function rowChoices(state: State, o: number): { options: DayOptions[]; current: number } {
  const c = state.c;
  const T = c.types;
  const options: DayOptions[] = [];
  let current = 0;
  for (let d = 0; d < c.days; d++) {
    const cell = o * c.days + d;
    const cur = state.cells[cell] ?? OFF;
    if (c.fixed[cell]) {
      options.push({ slots: [cur], values: [0] });
      continue;
    }
    current += valueOf(state, o, d, cur);
    const slots = [OFF];
    const values = [valueOf(state, o, d, OFF)];
    const bestOfType = new Array<number>(T).fill(OFF);
    const bestValue = new Array<number>(T).fill(Number.NEGATIVE_INFINITY);
    for (const s of allowedSlots(c, cell)) {
      const t = c.slotType[s] ?? 0;
      const v = valueOf(state, o, d, s);
      if (v > (bestValue[t] ?? 0)) {
        bestValue[t] = v;
        bestOfType[t] = s;
      }
    }
    for (let t = 0; t < T; t++) {
      if ((bestOfType[t] ?? OFF) === OFF) continue;
      slots.push(bestOfType[t] ?? OFF);
      values.push(bestValue[t] ?? 0);
    }
    options.push({ slots, values });
  }
  return { options, current };
}

/** Value of officer o holding s (or off) on day d: the cover it adds, less the request and disruption penalties. */
function valueOf(state: State, o: number, d: number, s: number): number {
  const c = state.c;
  const cell = o * c.days + d;
  const b = c.baseline[cell] ?? NONE;
  const dis = b !== NONE && b !== s ? c.disruptionWeight : 0;
  const pref = c.pref[cell * (c.types + 1) + (s === OFF ? c.types : (c.slotType[s] ?? 0))] ?? 0;
  if (s === OFF) return -pref - dis;
  const n = (state.count[s] ?? 0) - (state.cells[cell] === s ? 1 : 0);
  return coverCost(c, s, n) - coverCost(c, s, n + 1) - pref - dis;
}

/** An under-covered slot, the heaviest of a few sampled ones; -1 when none is found. */
function sampleOpen(state: State, rng: Rng): number {
  const c = state.c;
  let best = -1;
  let found = 0;
  for (let tries = 0; tries < 32 && found < 3; tries++) {
    const s = rng.int(c.slots);
    if ((state.count[s] ?? 0) >= (c.slotCount[s] ?? 0)) continue;
    found++;
    if (best < 0 || (c.slotUnder[s] ?? 0) > (c.slotUnder[best] ?? 0)) best = s;
  }
  return best;
}
