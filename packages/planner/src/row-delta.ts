import { NONE, OFF, type Compiled } from './compile';

/** Rows with more changed days than this in one step are re-scored whole. */
const MAX_CHANGES = 16;

/**
 * Per-row aggregates of the rules in `row.ts` (`rowCost` stays the reference), so a
 * move is scored from the days it changed: sums (requests, disruption, shifts per
 * type, minutes, weekends) by their deltas, and the run and succession rules only
 * over the runs that touch the changed days. A move then costs the same on a year
 * as on four weeks; `rowCost` scans the whole row (O(days)).
 */
export class RowScorer {
  readonly hard: Float64Array;
  readonly req: Float64Array;
  readonly dis: Float64Array;
  /** Hard units of successions and run lengths (the rules local in time). */
  private readonly local: Float64Array;
  private readonly minutes: Float64Array;
  private readonly weekends: Int32Array;
  /** Shifts per (officer, type). */
  private readonly perType: Int32Array;
  /** Changes per touched row during `update`: day and value before. */
  private readonly chDay: Int32Array;
  private readonly chOld: Int32Array;
  private readonly chNew: Int32Array;
  private readonly chN: Int32Array;
  /** Fields saved per row for undo, after the officer index. */
  readonly stride: number;

  constructor(private readonly c: Compiled, private readonly cells: Int32Array) {
    const O = c.officers;
    this.hard = new Float64Array(O);
    this.req = new Float64Array(O);
    this.dis = new Float64Array(O);
    this.local = new Float64Array(O);
    this.minutes = new Float64Array(O);
    this.weekends = new Int32Array(O);
    this.perType = new Int32Array(O * c.types);
    this.chDay = new Int32Array(O * MAX_CHANGES);
    this.chOld = new Int32Array(O * MAX_CHANGES);
    this.chNew = new Int32Array(MAX_CHANGES);
    this.chN = new Int32Array(O);
    this.stride = 1 + 6 + c.types;
  }

  /** Score row o from scratch. */
  full(o: number): void {
    const { days: D, types: T } = this.c;
    const base = o * D;
    this.perType.fill(0, o * T, (o + 1) * T);
    let req = 0;
    let dis = 0;
    let minutes = 0;
    for (let d = 0; d < D; d++) {
      const s = this.cells[base + d] ?? OFF;
      req += this.pref(o, d, s);
      dis += this.disruption(o, d, s);
      const t = this.type(s);
      if (t >= 0) {
        this.perType[o * T + t] = (this.perType[o * T + t] ?? 0) + 1;
        minutes += this.c.typeMinutes[t] ?? 0;
      }
    }
    this.req[o] = req;
    this.dis[o] = dis;
    this.minutes[o] = minutes;
    this.weekends[o] = this.weekendsWorked(o, 0, D - 1);
    this.local[o] = this.localHard(o, 0, D - 1);
    this.hard[o] = this.local[o] + this.globalHard(o);
  }

  /** Re-score the touched rows from the journal entries (cell, value before) from `from` on. */
  update(journal: number[], from: number, touched: number[]): void {
    const D = this.c.days;
    for (let i = from; i < journal.length; i += 2) {
      const cell = journal[i] ?? 0;
      const o = Math.floor(cell / D);
      const n = this.chN[o] ?? 0;
      if (n > MAX_CHANGES) continue;
      const d = cell - o * D;
      let seen = false;
      for (let k = 0; k < n && !seen; k++) seen = this.chDay[o * MAX_CHANGES + k] === d;
      if (seen) continue;
      if (n === MAX_CHANGES) {
        this.chN[o] = MAX_CHANGES + 1;
        continue;
      }
      this.chDay[o * MAX_CHANGES + n] = d;
      this.chOld[o * MAX_CHANGES + n] = journal[i + 1] ?? OFF;
      this.chN[o] = n + 1;
    }
    for (const o of touched) {
      const n = this.chN[o] ?? 0;
      if (n > MAX_CHANGES) this.full(o);
      else if (n > 0) this.delta(o, n);
      this.chN[o] = 0;
    }
  }

  private delta(o: number, n: number): void {
    const { days: D, types: T } = this.c;
    const base = o * D;
    const k0 = o * MAX_CHANGES;
    let lo = D;
    let hi = -1;
    for (let k = 0; k < n; k++) {
      const d = this.chDay[k0 + k] ?? 0;
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
      this.chNew[k] = this.cells[base + d] ?? OFF;
      this.cells[base + d] = this.chOld[k0 + k] ?? OFF;
    }
    // The same window before and after: runs and weekends outside it did not change.
    const localBefore = this.localHard(o, lo, hi);
    const weekendsBefore = this.weekendsWorked(o, lo, hi);
    for (let k = 0; k < n; k++) this.cells[base + (this.chDay[k0 + k] ?? 0)] = this.chNew[k] ?? OFF;
    this.local[o] = (this.local[o] ?? 0) + this.localHard(o, lo, hi) - localBefore;
    this.weekends[o] = (this.weekends[o] ?? 0) + this.weekendsWorked(o, lo, hi) - weekendsBefore;
    for (let k = 0; k < n; k++) {
      const d = this.chDay[k0 + k] ?? 0;
      const old = this.chOld[k0 + k] ?? OFF;
      const now = this.chNew[k] ?? OFF;
      this.req[o] = (this.req[o] ?? 0) + this.pref(o, d, now) - this.pref(o, d, old);
      this.dis[o] = (this.dis[o] ?? 0) + this.disruption(o, d, now) - this.disruption(o, d, old);
      const to = this.type(old);
      const tn = this.type(now);
      if (to >= 0) {
        this.perType[o * T + to] = (this.perType[o * T + to] ?? 0) - 1;
        this.minutes[o] = (this.minutes[o] ?? 0) - (this.c.typeMinutes[to] ?? 0);
      }
      if (tn >= 0) {
        this.perType[o * T + tn] = (this.perType[o * T + tn] ?? 0) + 1;
        this.minutes[o] = (this.minutes[o] ?? 0) + (this.c.typeMinutes[tn] ?? 0);
      }
    }
    this.hard[o] = (this.local[o] ?? 0) + this.globalHard(o);
  }

  save(o: number, out: number[]): void {
    out.push(this.hard[o] ?? 0, this.req[o] ?? 0, this.dis[o] ?? 0, this.local[o] ?? 0, this.minutes[o] ?? 0, this.weekends[o] ?? 0);
    const T = this.c.types;
    for (let t = 0; t < T; t++) out.push(this.perType[o * T + t] ?? 0);
  }

  restore(o: number, saved: number[], at: number): void {
    this.hard[o] = saved[at] ?? 0;
    this.req[o] = saved[at + 1] ?? 0;
    this.dis[o] = saved[at + 2] ?? 0;
    this.local[o] = saved[at + 3] ?? 0;
    this.minutes[o] = saved[at + 4] ?? 0;
    this.weekends[o] = saved[at + 5] ?? 0;
    const T = this.c.types;
    for (let t = 0; t < T; t++) this.perType[o * T + t] = saved[at + 6 + t] ?? 0;
  }

  private type(s: number): number {
    return s === OFF ? -1 : (this.c.slotType[s] ?? 0);
  }

  private pref(o: number, d: number, s: number): number {
    const T = this.c.types;
    const t = this.type(s);
    return this.c.pref[(o * this.c.days + d) * (T + 1) + (t === -1 ? T : t)] ?? 0;
  }

  private disruption(o: number, d: number, s: number): number {
    const dw = this.c.disruptionWeight;
    if (dw === 0) return 0;
    const b = this.c.baseline[o * this.c.days + d] ?? NONE;
    return b !== NONE && b !== s ? dw : 0;
  }

  /** Per-type maxima, minutes and weekends: rules over the whole row, from the aggregates. */
  private globalHard(o: number): number {
    const c = this.c;
    const T = c.types;
    let hard = 0;
    for (let t = 0; t < T; t++) {
      const excess = (this.perType[o * T + t] ?? 0) - (c.maxPerType[o * T + t] ?? c.days);
      if (excess > 0) hard += excess;
    }
    const minutes = this.minutes[o] ?? 0;
    const maxM = c.maxMinutes[o] ?? 0;
    const minM = c.minMinutes[o] ?? 0;
    if (minutes > maxM) hard += (minutes - maxM) / c.shiftUnit;
    if (minutes < minM) hard += (minM - minutes) / c.shiftUnit;
    const excessWeekends = (this.weekends[o] ?? 0) - (c.maxWeekends[o] ?? c.days);
    if (excessWeekends > 0) hard += excessWeekends;
    return hard;
  }

  /** Worked weekends (Saturday or Sunday) among the complete weekends that meet days lo..hi. */
  private weekendsWorked(o: number, lo: number, hi: number): number {
    const D = this.c.days;
    const base = o * D;
    let n = 0;
    for (let w = Math.floor(lo / 7); w <= Math.floor(hi / 7); w++) {
      const sun = 7 * w + 6;
      if (sun >= D) break;
      if ((this.cells[base + sun - 1] ?? OFF) !== OFF || (this.cells[base + sun] ?? OFF) !== OFF) n++;
    }
    return n;
  }

  /**
   * Hard units of successions into days lo..hi+1 and of every run that meets lo-1..hi+1,
   * with `rowCost`'s horizon exemptions: a run from day 0 or to the last day keeps only
   * the maximum-length rule (work runs).
   */
  private localHard(o: number, lo: number, hi: number): number {
    const c = this.c;
    const D = c.days;
    const T = c.types;
    const base = o * D;
    const work = (d: number) => (this.cells[base + d] ?? OFF) !== OFF;
    let hard = 0;
    for (let d = Math.max(1, lo); d <= Math.min(D - 1, hi + 1); d++) {
      const a = this.type(this.cells[base + d - 1] ?? OFF);
      const b = this.type(this.cells[base + d] ?? OFF);
      if (a >= 0 && b >= 0 && c.forbid[a * T + b]) hard += 1;
    }
    let start = Math.max(0, lo - 1);
    while (start > 0 && work(start - 1) === work(start)) start--;
    let end = Math.min(D - 1, hi + 1);
    while (end < D - 1 && work(end + 1) === work(end)) end++;
    const maxCons = c.maxCons[o] ?? D;
    const minCons = c.minCons[o] ?? 0;
    const minOff = c.minOff[o] ?? 0;
    for (let s = start; s <= end;) {
      let e = s;
      while (e < end && work(e + 1) === work(s)) e++;
      const len = e - s + 1;
      const inner = s > 0 && e < D - 1;
      if (work(s)) {
        if (len > maxCons) hard += len - maxCons;
        if (inner && len < minCons) hard += minCons - len;
      } else if (inner && len < minOff) {
        hard += minOff - len;
      }
      s = e + 1;
    }
    return hard;
  }
}
