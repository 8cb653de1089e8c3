import { allowedSlots, NONE, OFF, officersFor, type Compiled } from '../compile';
import type { Rng } from '../rng';
import { coverCost, rowCost, type RowCost } from '../row';
import type { State } from '../state';
import type { MipSolver } from './lns';
import { bestRow, perDay, ROW_REPAIR_MAX_DAYS, type DayOptions } from './row-repair';

/**
 * Exact exchange between the rows of a set of officers (ADR 0041). The day sweep is exact for
 * one day, the row sweep for one officer; what a national week still leaves open needs several
 * officers to change several days at once: one gives up five early transports for four work
 * days while another takes the transports over, which neither sweep can reach because every
 * intermediate step breaks the working-time limit. Here a set of officers leaves its rows; for
 * each, candidate rows are made by the exact row search (the best row, and the best row with
 * each of the day's most valuable choices forced), and a small MIP picks one row per officer
 * against the open needs per slot class. Kept when the roster's score does not get worse.
 */
export function repairRowSet(state: State, solver: MipSolver, officers: number[], seconds: number): boolean {
  const c = state.c;
  if (c.days > ROW_REPAIR_MAX_DAYS || officers.length === 0) return false;
  const before = state.score;
  const old = officers.map((o) => state.cells.slice(o * c.days, (o + 1) * c.days));
  for (const o of officers) for (let d = 0; d < c.days; d++) if (!c.fixed[o * c.days + d]) state.set(o, d, OFF);
  const classes = new SlotClasses(state);
  const columns = officers.map((o, i) => candidateRows(state, o, old[i] ?? new Int32Array(0)));
  const result = solver.solve(model(state, classes, officers, columns), seconds, officers.map((_, i) => `x_${i}_0`));
  if (!result) {
    state.undo();
    return false;
  }
  const chosen = officers.map((_, i) => Math.max(0, (columns[i] ?? []).findIndex((_, j) => result.primal(`x_${i}_${j}`) > 0.5)));
  officers.forEach((o, i) => {
    const row = columns[i]?.[chosen[i] ?? 0] ?? [];
    for (let d = 0; d < c.days; d++) if (!c.fixed[o * c.days + d]) state.set(o, d, classes.take(row[d] ?? OFF));
  });
  return state.keepIfNotWorse(before);
}

/** Seconds per exchange at most; the set shrinks when exchanges get slower than `SLOW_MS`. */
const EXCHANGE_SECONDS = 1;
const SLOW_MS = 150;

/**
 * Exchanges between row sets for `timeMs` of the engine's clock; the set grows while exchanges
 * are fast and shrinks when they are slow. Returns how many improved the roster.
 */
export function rowSetRounds(state: State, rng: Rng, solver: MipSolver, now: () => number, timeMs: number): number {
  const end = now() + timeMs;
  let size = 30;
  let improved = 0;
  while (end - now() > 50) {
    const t = now();
    if (repairRowSet(state, solver, rowSetAround(state, rng, size), Math.min(EXCHANGE_SECONDS, (end - t) / 1000))) improved++;
    size = now() - t < SLOW_MS ? Math.min(60, size + 5) : Math.max(10, size - 5);
  }
  return improved;
}

/**
 * Officers for one exchange: qualified for a heavy open slot (sampled), so that rows which could
 * take it, and rows which could take over what those drop, meet in one model.
 */
export function rowSetAround(state: State, rng: Rng, size: number): number[] {
  const c = state.c;
  let s = -1;
  for (let tries = 0; tries < 64; tries++) {
    const x = rng.int(c.slots);
    if ((state.count[x] ?? 0) >= (c.slotCount[x] ?? 0)) continue;
    if (s < 0 || (c.slotUnder[x] ?? 0) > (c.slotUnder[s] ?? 0)) s = x;
    if (tries > 8) break;
  }
  if (s < 0) return [];
  const pool = officersFor(c, s);
  const picked = new Set<number>();
  const half = Math.ceil(size / 2);
  for (let k = 0; k < size * 3 && picked.size < Math.min(half, pool.length); k++) picked.add(rng.pick(pool));
  // The other half could take over what the first half holds: often officers of another qualification.
  const first = [...picked];
  for (let k = 0; k < size * 3 && picked.size < size && first.length > 0; k++) {
    const o = rng.pick(first);
    const held = state.cell(o, rng.int(c.days));
    if (held === OFF) continue;
    const others = officersFor(c, held);
    if (others.length > 0) picked.add(rng.pick(others));
  }
  return [...picked];
}

/** Slots of one day, type, qualification, unit kinds, tasking and weights are interchangeable. */
class SlotClasses {
  readonly classOf = new Map<number, number>();
  readonly slots: number[][] = [];
  readonly open: number[] = [];
  private readonly left: Int32Array;

  constructor(private readonly state: State) {
    const c = state.c;
    this.left = new Int32Array(c.slots);
    for (let s = 0; s < c.slots; s++) this.left[s] = Math.max(0, (c.slotCount[s] ?? 0) - (state.count[s] ?? 0));
  }

  /** The class of a slot, registering its whole day's class on first use. */
  of(s: number): number {
    const k = this.classOf.get(s);
    if (k !== undefined) return k;
    const c = this.state.c;
    const key = (x: number) => `${c.slotType[x]}|${c.slotQualBit[x]}|${c.slotKindMask[x]}|${c.slotTasking[x]}|${c.slotUnder[x]}|${c.slotOver[x]}`;
    const mine = key(s);
    const id = this.slots.length;
    const members: number[] = [];
    let open = 0;
    for (const x of c.daySlots[c.slotDay[s] ?? 0] ?? []) {
      if (key(x) !== mine) continue;
      members.push(x);
      open += this.left[x] ?? 0;
      this.classOf.set(x, id);
    }
    this.slots.push(members);
    this.open.push(open);
    return id;
  }

  /** A slot of the same class that is still open (or the slot itself), taken. */
  take(s: number): number {
    if (s === OFF) return OFF;
    const members = this.slots[this.of(s)] ?? [];
    const x = members.find((m) => (this.left[m] ?? 0) > 0) ?? s;
    this.left[x] = (this.left[x] ?? 0) - 1;
    return x;
  }
}

const scratch: RowCost = { hard: 0, requests: 0, disruption: 0 };

/** Candidate rows of officer o (its old row first): the best row, and the best row with each day's choice forced. */
function candidateRows(state: State, o: number, old: Int32Array): number[][] {
  const c = state.c;
  const options = choices(state, o);
  const rows: number[][] = [Array.from(old)];
  const seen = new Set([rows[0]?.join(',')]);
  const add = (row: number[] | null) => {
    const key = row?.join(',');
    if (!row || seen.has(key)) return;
    seen.add(key);
    rows.push(row);
  };
  add(bestRow(c, o, options));
  for (let d = 0; d < c.days; d++) {
    const day = options[d];
    if (!day || day.slots.length < 2) continue;
    for (let i = 0; i < day.slots.length; i++) {
      const forced = options.slice();
      forced[d] = { slots: [day.slots[i] ?? OFF], values: [day.values[i] ?? 0] };
      add(bestRow(c, o, forced));
    }
  }
  return rows;
}

/** Per day: off, and per shift type the two most valuable slots of different classes (counts as they are). */
function choices(state: State, o: number): DayOptions[] {
  const c = state.c;
  const T = c.types;
  return perDay(state, o, (cell) => {
    const slots = [OFF];
    const values = [value(c, state, cell, OFF)];
    const top: { s: number; v: number; key: string }[][] = Array.from({ length: T }, () => []);
    for (const s of allowedSlots(c, cell)) {
      const v = value(c, state, cell, s);
      const list = top[c.slotType[s] ?? 0] ?? [];
      const key = `${c.slotQualBit[s]}|${c.slotKindMask[s]}|${c.slotTasking[s]}|${c.slotUnder[s]}`;
      const same = list.findIndex((e) => e.key === key);
      if (same >= 0) {
        if (v > (list[same]?.v ?? 0)) list[same] = { s, v, key };
      } else list.push({ s, v, key });
      list.sort((a, b) => b.v - a.v);
      if (list.length > 2) list.length = 2;
    }
    for (const list of top) for (const e of list) if (e.v > 0) {
      slots.push(e.s);
      values.push(e.v);
    }
    return { slots, values };
  });
}

function value(c: Compiled, state: State, cell: number, s: number): number {
  const b = c.baseline[cell] ?? NONE;
  const dis = b !== NONE && b !== s ? c.disruptionWeight : 0;
  const pref = c.pref[cell * (c.types + 1) + (s === OFF ? c.types : (c.slotType[s] ?? 0))] ?? 0;
  if (s === OFF) return -pref - dis;
  const n = state.count[s] ?? 0;
  return coverCost(c, s, n) - coverCost(c, s, n + 1) - pref - dis;
}

const term = (coef: number, name: string) => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;

/** One row per officer (x_i_j), cover per class y_k ≤ open; maximise weight covered less over-cover and row penalties. */
function model(state: State, classes: SlotClasses, officers: number[], columns: number[][][]): string {
  const c = state.c;
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const coverTerms = new Map<number, string[]>();
  const cells = state.cells.slice();
  officers.forEach((o, i) => {
    const names: string[] = [];
    (columns[i] ?? []).forEach((row, j) => {
      const name = `x_${i}_${j}`;
      names.push(name);
      binaries.push(name);
      for (let d = 0; d < c.days; d++) cells[o * c.days + d] = row[d] ?? OFF;
      const cost = rowCost(c, cells, o, scratch);
      let v = -(cost.requests + cost.disruption + cost.hard * state.hardWeight);
      for (let d = 0; d < c.days; d++) {
        const s = row[d] ?? OFF;
        if (s === OFF || c.fixed[o * c.days + d]) continue;
        const k = classes.of(s);
        v -= c.slotOver[s] ?? 0;
        const list = coverTerms.get(k) ?? [];
        list.push(name);
        coverTerms.set(k, list);
      }
      if (v !== 0) objective.push(term(v, name));
    });
    rows.push(`${names.join(' + ')} = 1`);
  });
  const bounds: string[] = [];
  for (const [k, names] of coverTerms) {
    const s = classes.slots[k]?.[0] ?? 0;
    objective.push(term((c.slotUnder[s] ?? 0) + (c.slotOver[s] ?? 0), `y_${k}`));
    rows.push(`y_${k} - ${names.join(' - ')} <= 0`);
    bounds.push(`0 <= y_${k} <= ${classes.open[k] ?? 0}`);
  }
  return ['Maximize', ` obj: ${objective.join(' ') || '0 y_none'}`, 'Subject To', ...rows.map((r, i) => ` c${i}: ${r}`),
    'Bounds', ...bounds.map((b) => ` ${b}`), 'Binaries', ...binaries.map((b) => ` ${b}`), 'End'].join('\n');
}
