import { OFF, type Compiled } from './compile';
import { coverCost, rowCost, type RowCost } from './row';

/** Weight of one hard-violation unit inside the search's scalar score. */
export const HARD_WEIGHT = 1000;
/** Ceiling for the raised weight (five raises of ×4): large enough to leave the infeasible region, small enough for LP coefficients. */
export const MAX_HARD_WEIGHT = HARD_WEIGHT * 4 ** 5;

/**
 * A mutable roster with incrementally maintained score. Moves are applied with
 * `set`, scored with `commitDelta`-style bookkeeping by the caller through
 * `applyMove`/`undo`: apply, read the delta, and undo if rejected.
 */
export class State {
  readonly cells: Int32Array;
  readonly count: Int32Array;
  readonly rowHard: Float64Array;
  readonly rowSoft: Float64Array;
  hard = 0;
  /** Raised by the search while it cannot leave the infeasible region. */
  hardWeight = HARD_WEIGHT;
  requests = 0;
  disruption = 0;
  cover = 0;
  private readonly scratch: RowCost = { hard: 0, requests: 0, disruption: 0 };
  private readonly rowReq: Float64Array;
  private readonly rowDis: Float64Array;
  private readonly journal: number[] = [];
  private readonly touchedRows: number[] = [];
  private readonly savedRows: number[] = [];

  constructor(readonly c: Compiled, cells?: Int32Array) {
    this.cells = cells ? cells.slice() : new Int32Array(c.officers * c.days).fill(OFF);
    this.count = new Int32Array(c.slots);
    this.rowHard = new Float64Array(c.officers);
    this.rowSoft = new Float64Array(c.officers);
    this.rowReq = new Float64Array(c.officers);
    this.rowDis = new Float64Array(c.officers);
    this.recompute();
  }

  get score(): number {
    return this.hard * this.hardWeight + this.requests + this.disruption + this.cover;
  }

  get soft(): number {
    return this.requests + this.disruption + this.cover;
  }

  recompute(): void {
    this.count.fill(0);
    for (const s of this.cells) if (s !== OFF) this.count[s] = (this.count[s] ?? 0) + 1;
    this.cover = 0;
    for (let s = 0; s < this.c.slots; s++) this.cover += coverCost(this.c, s, this.count[s] ?? 0);
    this.hard = this.requests = this.disruption = 0;
    for (let o = 0; o < this.c.officers; o++) {
      rowCost(this.c, this.cells, o, this.scratch);
      this.storeRow(o);
      this.hard += this.scratch.hard;
      this.requests += this.scratch.requests;
      this.disruption += this.scratch.disruption;
    }
  }

  private storeRow(o: number): void {
    this.rowHard[o] = this.scratch.hard;
    this.rowReq[o] = this.scratch.requests;
    this.rowDis[o] = this.scratch.disruption;
    this.rowSoft[o] = this.scratch.requests + this.scratch.disruption;
  }

  /** Change one cell; cover is updated now, rows when `finish` is called. */
  set(o: number, d: number, s: number): void {
    const cell = o * this.c.days + d;
    const old = this.cells[cell] ?? OFF;
    if (old === s) return;
    this.journal.push(cell, old);
    this.moveCover(old, -1);
    this.moveCover(s, 1);
    this.cells[cell] = s;
    if (!this.touchedRows.includes(o)) this.touchedRows.push(o);
  }

  private moveCover(s: number, delta: number): void {
    if (s === OFF) return;
    const n = this.count[s] ?? 0;
    this.cover += coverCost(this.c, s, n + delta) - coverCost(this.c, s, n);
    this.count[s] = n + delta;
  }

  /** Re-evaluate the rows touched since the last accept/undo. */
  finish(): void {
    for (const o of this.touchedRows) {
      this.savedRows.push(o, this.rowHard[o] ?? 0, this.rowReq[o] ?? 0, this.rowDis[o] ?? 0);
      this.hard -= this.rowHard[o] ?? 0;
      this.requests -= this.rowReq[o] ?? 0;
      this.disruption -= this.rowDis[o] ?? 0;
      rowCost(this.c, this.cells, o, this.scratch);
      this.storeRow(o);
      this.hard += this.scratch.hard;
      this.requests += this.scratch.requests;
      this.disruption += this.scratch.disruption;
    }
    this.touchedRows.length = 0;
  }

  accept(): void {
    this.journal.length = 0;
    this.savedRows.length = 0;
    this.touchedRows.length = 0;
  }

  undo(): void {
    const j = this.journal;
    for (let i = j.length - 2; i >= 0; i -= 2) {
      const cell = j[i] ?? 0;
      const old = j[i + 1] ?? OFF;
      this.moveCover(this.cells[cell] ?? OFF, -1);
      this.moveCover(old, 1);
      this.cells[cell] = old;
    }
    const r = this.savedRows;
    for (let i = r.length - 4; i >= 0; i -= 4) {
      const o = r[i] ?? 0;
      this.hard += (r[i + 1] ?? 0) - (this.rowHard[o] ?? 0);
      this.requests += (r[i + 2] ?? 0) - (this.rowReq[o] ?? 0);
      this.disruption += (r[i + 3] ?? 0) - (this.rowDis[o] ?? 0);
      this.rowHard[o] = r[i + 1] ?? 0;
      this.rowReq[o] = r[i + 2] ?? 0;
      this.rowDis[o] = r[i + 3] ?? 0;
      this.rowSoft[o] = (this.rowReq[o] ?? 0) + (this.rowDis[o] ?? 0);
    }
    this.journal.length = 0;
    this.savedRows.length = 0;
    this.touchedRows.length = 0;
  }

  cell(o: number, d: number): number {
    return this.cells[o * this.c.days + d] ?? OFF;
  }
}
