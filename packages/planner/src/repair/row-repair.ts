import { allowedSlots, NONE, OFF, type Compiled } from '../compile';
import { coverCost, rowCost, type RowCost } from '../row';
import type { State } from '../state';

/** Horizons up to this many days are searched exhaustively (with bounds) per officer. */
export const ROW_REPAIR_MAX_DAYS = 14;

const EPS = 1e-9;

/**
 * Exact re-optimisation of one officer's whole row with everyone else fixed: the
 * officer leaves every free cell, then a branch and bound over the days picks, per
 * day, off or the most valuable open slot of a shift type, under the row's hard rules.
 * Annealing needs several coordinated single-day moves to turn, say, a run of late
 * shifts into day shifts (minimum rest between them); this finds such a row at once.
 * Kept when the score does not get worse; true when it improved.
 */
export function repairRow(state: State, o: number): boolean {
  const c = state.c;
  if (c.days > ROW_REPAIR_MAX_DAYS) return false;
  const before = state.score;
  for (let d = 0; d < c.days; d++) if (!c.fixed[o * c.days + d]) state.set(o, d, OFF);
  const options = rowOptions(state, o);
  const best = bestRow(c, o, options);
  if (!best) {
    state.undo();
    return false;
  }
  return tryRow(state, o, best, before);
}

/**
 * Put `cells` into officer o's free cells (fixed cells stay) and keep the change when the
 * score is not worse than `before`, the score before the row was cleared; true when it improved.
 */
export function tryRow(state: State, o: number, cells: ArrayLike<number>, before: number): boolean {
  const c = state.c;
  for (let d = 0; d < c.days; d++) if (!c.fixed[o * c.days + d]) state.set(o, d, cells[d] ?? OFF);
  return state.keepIfNotWorse(before);
}

/** Per day, the choices (OFF or one slot per shift type) and their value for this officer. */
export interface DayOptions {
  slots: number[];
  values: number[];
}

/** Per day of officer o: a fixed cell's own slot, or what `free` offers for a free cell. */
export function perDay(state: State, o: number, free: (cell: number) => DayOptions): DayOptions[] {
  const c = state.c;
  const out: DayOptions[] = [];
  for (let d = 0; d < c.days; d++) {
    const cell = o * c.days + d;
    out.push(c.fixed[cell] ? { slots: [state.cells[cell] ?? OFF], values: [0] } : free(cell));
  }
  return out;
}

/** Per free day: off, or per shift type the slot that gains most. */
function rowOptions(state: State, o: number): DayOptions[] {
  const c = state.c;
  const T = c.types;
  return perDay(state, o, (cell) => {
    const base = cell * (T + 1);
    const b = c.baseline[cell] ?? NONE;
    const dis = (s: number) => (b !== NONE && b !== s ? c.disruptionWeight : 0);
    const bestOfType = new Array<number>(T).fill(OFF);
    const bestGain = new Array<number>(T).fill(Number.NEGATIVE_INFINITY);
    for (const s of allowedSlots(c, cell)) {
      const n = state.count[s] ?? 0;
      const t = c.slotType[s] ?? 0;
      const gain = coverCost(c, s, n) - coverCost(c, s, n + 1) - dis(s);
      if (gain > (bestGain[t] ?? 0) + EPS) {
        bestGain[t] = gain;
        bestOfType[t] = s;
      }
    }
    const slots = [OFF];
    const values = [-(c.pref[base + T] ?? 0) - dis(OFF)];
    for (let t = 0; t < T; t++) {
      const s = bestOfType[t] ?? OFF;
      if (s === OFF) continue;
      slots.push(s);
      values.push((bestGain[t] ?? 0) - (c.pref[base + t] ?? 0));
    }
    return { slots, values };
  });
}

const scratch: RowCost = { hard: 0, requests: 0, disruption: 0 };
const scratchRows = new WeakMap<Compiled, Int32Array>();

/** A roster-sized buffer per problem; `rowCost` reads only the officer's own row of it. */
function scratchCells(c: Compiled): Int32Array {
  let cells = scratchRows.get(c);
  if (!cells) {
    cells = new Int32Array(c.officers * c.days).fill(OFF);
    scratchRows.set(c, cells);
  }
  return cells;
}

/** Search nodes per row before giving up on it (rows are then left as they are). */
const NODE_BUDGET = 200_000;

/**
 * Branch and bound over the days. Partial rows are pruned on every rule `rowCost` checks
 * (minimum rest, per-type, minute and weekend maxima, run lengths once a run has ended,
 * minutes still reachable); complete rows are checked with `rowCost` itself, so the result
 * never has a hard violation the search would not also see.
 */
export function bestRow(c: Compiled, o: number, options: DayOptions[], out?: { value: number }): number[] | null {
  const D = c.days;
  const T = c.types;
  const rest = new Float64Array(D + 1);
  for (let d = D - 1; d >= 0; d--) rest[d] = (rest[d + 1] ?? 0) + Math.max(0, ...(options[d]?.values ?? [0]));
  const cells = scratchCells(c);
  const row = new Int32Array(D);
  const perType = new Int32Array(T);
  const maxCons = c.maxCons[o] ?? D;
  const minCons = c.minCons[o] ?? 0;
  const minOff = c.minOff[o] ?? 0;
  const maxWeekends = c.maxWeekends[o] ?? D;
  const maxMinutes = c.maxMinutes[o] ?? Number.MAX_SAFE_INTEGER;
  const minMinutes = c.minMinutes[o] ?? 0;
  const longest = Math.max(0, ...Array.from(c.typeMinutes));
  let bestValue = Number.NEGATIVE_INFINITY;
  let best: number[] | null = null;
  let nodes = 0;
  // run: length of the current run of work (prev >= 0) or off (prev < 0); fromStart: it began on day 0.
  const walk = (d: number, value: number, prev: number, run: number, fromStart: boolean, minutes: number, weekends: number): void => {
    if (++nodes > NODE_BUDGET || value + (rest[d] ?? 0) <= bestValue + EPS) return;
    if (minutes + (D - d) * longest < minMinutes) return;
    if (d === D) {
      cells.set(row, o * D);
      if (rowCost(c, cells, o, scratch).hard > EPS) return;
      bestValue = value;
      best = Array.from(row);
      return;
    }
    const opt = options[d];
    if (!opt) return;
    for (let i = 0; i < opt.slots.length; i++) {
      const s = opt.slots[i] ?? OFF;
      const t = s === OFF ? -1 : (c.slotType[s] ?? 0);
      const same = d > 0 && (t >= 0) === (prev >= 0);
      if (d > 0 && !same && !fromStart && run < (prev >= 0 ? minCons : minOff)) continue;
      const we = weekends + (d % 7 === 6 && (t >= 0 || prev >= 0) ? 1 : 0);
      if (we > maxWeekends) continue;
      const nextRun = same ? run + 1 : 1;
      const nextFromStart = d === 0 || (same && fromStart);
      row[d] = s;
      if (t < 0) {
        walk(d + 1, value + (opt.values[i] ?? 0), -1, nextRun, nextFromStart, minutes, we);
        continue;
      }
      const m = minutes + (c.typeMinutes[t] ?? 0);
      if (prev >= 0 && c.forbid[prev * T + t]) continue;
      if (nextRun > maxCons || m > maxMinutes || (perType[t] ?? 0) + 1 > (c.maxPerType[o * T + t] ?? D)) continue;
      perType[t] = (perType[t] ?? 0) + 1;
      walk(d + 1, value + (opt.values[i] ?? 0), t, nextRun, nextFromStart, m, we);
      perType[t] = (perType[t] ?? 0) - 1;
    }
  };
  walk(0, 0, -1, 0, true, 0, 0);
  if (out) out.value = bestValue;
  return nodes > NODE_BUDGET ? null : best;
}

/** One pass of `repairRow` over the officers in the given order; returns how many rows improved. */
export function repairRows(state: State, order: ArrayLike<number>, stop: () => boolean = () => false): number {
  let improved = 0;
  for (let i = 0; i < order.length; i++) {
    if ((i & 63) === 0 && stop()) break;
    if (repairRow(state, order[i] ?? 0)) improved++;
  }
  return improved;
}
