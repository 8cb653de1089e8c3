import { OFF, allowedSlots, canTake, officersFor, type Compiled } from '../compile';
import type { Rng } from '../rng';
import type { State } from '../state';
import { transferMove } from './transfer-move';

/**
 * Neighbourhood moves. Each one only calls `state.set` on cells that may change and
 * returns false when it found nothing to do; the caller scores and accepts or undoes.
 */
export function randomMove(state: State, rng: Rng): boolean {
  const r = rng.next();
  // A shift moved from a surplus slot to a short one in one row (long horizons: search/transfer-move.ts).
  if (r < 0.08) return transferMove(state, rng);
  if (r < 0.2) return changeMove(state, rng);
  if (r < 0.28) return fillUnderMove(state, rng);
  if (r < 0.35) return chainMove(state, rng);
  if (r < 0.5) return swapMove(state, rng, 1);
  if (r < 0.65) return swapMove(state, rng, 2 + rng.int(Math.min(6, state.c.days - 1)));
  if (r < 0.75) return rowSwapMove(state, rng);
  if (r < 0.88) return twoDaySwapMove(state, rng);
  return blockSetMove(state, rng);
}

function free(c: Compiled, o: number, d: number): boolean {
  return c.fixed[o * c.days + d] === 0;
}

function changeMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const o = rng.int(c.officers);
  const d = rng.int(c.days);
  if (!free(c, o, d)) return false;
  const allowed = allowedSlots(c, o * c.days + d);
  if (!allowed || allowed.length === 0) return false;
  const cur = state.cell(o, d);
  const s = cur !== OFF && rng.next() < 0.4 ? OFF : rng.pick(allowed);
  if (s === cur) return false;
  state.set(o, d, s);
  return true;
}

/** Move an officer onto an under-covered slot (sampling finds one cheaply). */
function fillUnderMove(state: State, rng: Rng): boolean {
  const c = state.c;
  for (let tries = 0; tries < 16; tries++) {
    const s = rng.int(c.slots);
    if ((state.count[s] ?? 0) >= (c.slotCount[s] ?? 0)) continue;
    const officers = officersFor(c, s);
    if (!officers || officers.length === 0) continue;
    const d = c.slotDay[s] ?? 0;
    // Prefer an officer who is off that day: taking one off another post rarely pays.
    let o = rng.pick(officers);
    for (let k = 0; k < 4 && state.cell(o, d) !== OFF; k++) o = rng.pick(officers);
    if (!free(c, o, d) || state.cell(o, d) === s) continue;
    state.set(o, d, s);
    return true;
  }
  return false;
}

/**
 * Ejection chain: put a qualified officer on an under-covered slot even if that
 * takes them off another post or breaks their rest next to it, then hand each
 * freed slot to a free colleague. Scarce specialists move to where they matter most.
 */
function chainMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const s = sampleUnder(state, rng);
  if (s < 0) return false;
  const officers = officersFor(c, s);
  if (officers.length === 0) return false;
  const o = rng.pick(officers);
  const d = c.slotDay[s] ?? 0;
  if (!free(c, o, d) || state.cell(o, d) === s) return false;
  const freed: number[] = [];
  const prev = state.cell(o, d);
  if (prev !== OFF) freed.push(prev);
  state.set(o, d, s);
  const t = c.slotType[s] ?? 0;
  for (const nd of [d - 1, d + 1]) {
    if (nd < 0 || nd >= c.days || !free(c, o, nd)) continue;
    const n = state.cell(o, nd);
    if (n === OFF) continue;
    const nt = c.slotType[n] ?? 0;
    const clash = nd < d ? c.forbid[nt * c.types + t] : c.forbid[t * c.types + nt];
    if (clash) {
      freed.push(n);
      state.set(o, nd, OFF);
    }
  }
  for (const f of freed) handOver(state, rng, f);
  return true;
}

function sampleUnder(state: State, rng: Rng): number {
  const c = state.c;
  for (let tries = 0; tries < 16; tries++) {
    const s = rng.int(c.slots);
    if ((state.count[s] ?? 0) < (c.slotCount[s] ?? 0)) return s;
  }
  return -1;
}

function handOver(state: State, rng: Rng, f: number): void {
  const c = state.c;
  const candidates = officersFor(c, f);
  const df = c.slotDay[f] ?? 0;
  for (let k = 0; k < 8 && candidates.length; k++) {
    const r = rng.pick(candidates);
    if (state.cell(r, df) === OFF && free(c, r, df)) {
      state.set(r, df, f);
      return;
    }
  }
}

/** Swap the cells of two officers over `len` consecutive days (coverage is unchanged). */
function swapMove(state: State, rng: Rng, len: number): boolean {
  const c = state.c;
  const o1 = rng.int(c.officers);
  const o2 = rng.int(c.officers);
  if (o1 === o2) return false;
  const start = rng.int(c.days - len + 1);
  let changed = false;
  for (let d = start; d < start + len; d++) {
    const a = state.cell(o1, d);
    const b = state.cell(o2, d);
    if (a === b) continue;
    if (!free(c, o1, d) || !free(c, o2, d)) return false;
    if ((b !== OFF && !canTake(c, o1, b)) || (a !== OFF && !canTake(c, o2, a))) return false;
  }
  for (let d = start; d < start + len; d++) {
    const a = state.cell(o1, d);
    const b = state.cell(o2, d);
    if (a === b) continue;
    state.set(o1, d, b);
    state.set(o2, d, a);
    changed = true;
  }
  return changed;
}

/** Exchange two days within one officer's row: keeps the officer's minutes and counts. */
function rowSwapMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const o = rng.int(c.officers);
  const d1 = rng.int(c.days);
  const d2 = rng.int(c.days);
  const a = state.cell(o, d1);
  const b = state.cell(o, d2);
  if (a === b || !free(c, o, d1) || !free(c, o, d2)) return false;
  const t1 = b === OFF ? OFF : pickOfType(state, o, d1, c.slotType[b] ?? 0, rng);
  const t2 = a === OFF ? OFF : pickOfType(state, o, d2, c.slotType[a] ?? 0, rng);
  if (t1 === null || t2 === null) return false;
  state.set(o, d1, t1);
  state.set(o, d2, t2);
  return true;
}

/** Swap two officers' cells on two unrelated days, so both can keep their totals. */
function twoDaySwapMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const o1 = rng.int(c.officers);
  const o2 = rng.int(c.officers);
  const d1 = rng.int(c.days);
  const d2 = rng.int(c.days);
  if (o1 === o2 || d1 === d2) return false;
  for (const d of [d1, d2]) {
    const a = state.cell(o1, d);
    const b = state.cell(o2, d);
    if (a === b) continue;
    if (!free(c, o1, d) || !free(c, o2, d)) return false;
    if ((b !== OFF && !canTake(c, o1, b)) || (a !== OFF && !canTake(c, o2, a))) return false;
  }
  for (const d of [d1, d2]) {
    const a = state.cell(o1, d);
    const b = state.cell(o2, d);
    state.set(o1, d, b);
    state.set(o2, d, a);
  }
  return true;
}

/** Set a run of days of one officer to off, or to slots of a single shift type. */
function blockSetMove(state: State, rng: Rng): boolean {
  const c = state.c;
  const o = rng.int(c.officers);
  const len = 1 + rng.int(Math.min(5, c.days));
  const start = rng.int(c.days - len + 1);
  const type = rng.next() < 0.3 ? -1 : rng.int(c.types);
  let changed = false;
  for (let d = start; d < start + len; d++) {
    if (!free(c, o, d)) continue;
    const s = type < 0 ? OFF : pickOfType(state, o, d, type, rng);
    if (s === null || s === state.cell(o, d)) continue;
    state.set(o, d, s);
    changed = true;
  }
  return changed;
}

function pickOfType(state: State, o: number, d: number, type: number, rng: Rng): number | null {
  const c = state.c;
  const allowed = allowedSlots(c, o * c.days + d);
  if (!allowed || allowed.length === 0) return null;
  let fallback: number | null = null;
  const n = allowed.length;
  const offset = rng.int(n);
  for (let i = 0; i < n; i++) {
    const s = allowed[(offset + i) % n] ?? 0;
    if (c.slotType[s] !== type) continue;
    if ((state.count[s] ?? 0) < (c.slotCount[s] ?? 0)) return s;
    fallback ??= s;
  }
  return fallback;
}
