import { OFF, type Compiled } from './compile';
import { coverCost } from './row';
import { RowScorer } from './row-delta';

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
  /** Per-row aggregates, so a move re-scores only the days around its changes (flat in the horizon). */
  private readonly rows: RowScorer;
  private readonly journal: number[] = [];
  /** Journal entries already scored by `finish`. */
  private finished = 0;
  private readonly touchedRows: number[] = [];
  private readonly savedRows: number[] = [];

  constructor(readonly c: Compiled, cells?: Int32Array) {
    this.cells = cells ? cells.slice() : new Int32Array(c.officers * c.days).fill(OFF);
    this.count = new Int32Array(c.slots);
    this.rowHard = new Float64Array(c.officers);
    this.rowSoft = new Float64Array(c.officers);
    this.rows = new RowScorer(c, this.cells);
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
      this.rows.full(o);
      this.storeRow(o);
      this.hard += this.rows.hard[o] ?? 0;
      this.requests += this.rows.req[o] ?? 0;
      this.disruption += this.rows.dis[o] ?? 0;
    }
  }

  private storeRow(o: number): void {
    this.rowHard[o] = this.rows.hard[o] ?? 0;
    this.rowSoft[o] = (this.rows.req[o] ?? 0) + (this.rows.dis[o] ?? 0);
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

  /** Re-score the rows touched since the last finish/accept/undo, from the days that changed. */
  finish(): void {
    const r = this.rows;
    for (const o of this.touchedRows) {
      this.savedRows.push(o);
      r.save(o, this.savedRows);
      this.hard -= r.hard[o] ?? 0;
      this.requests -= r.req[o] ?? 0;
      this.disruption -= r.dis[o] ?? 0;
    }
    r.update(this.journal, this.finished, this.touchedRows);
    for (const o of this.touchedRows) {
      this.storeRow(o);
      this.hard += r.hard[o] ?? 0;
      this.requests += r.req[o] ?? 0;
      this.disruption += r.dis[o] ?? 0;
    }
    this.finished = this.journal.length;
    this.touchedRows.length = 0;
  }

  /** A copy of the cells as they were before the pending move (the journal undone in the copy). */
  copyBeforeMove(): Int32Array {
    const out = this.cells.slice();
    const j = this.journal;
    for (let i = j.length - 2; i >= 0; i -= 2) out[j[i] ?? 0] = j[i + 1] ?? OFF;
    return out;
  }

  accept(): void {
    this.journal.length = 0;
    this.savedRows.length = 0;
    this.touchedRows.length = 0;
    this.finished = 0;
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
    // Saved rows are restored newest first, so a row saved twice ends at its oldest state.
    const saved = this.savedRows;
    const r = this.rows;
    for (let end = saved.length; end > 0;) {
      const start = end - r.stride;
      const o = saved[start] ?? 0;
      this.hard -= r.hard[o] ?? 0;
      this.requests -= r.req[o] ?? 0;
      this.disruption -= r.dis[o] ?? 0;
      r.restore(o, saved, start + 1);
      this.storeRow(o);
      this.hard += r.hard[o] ?? 0;
      this.requests += r.req[o] ?? 0;
      this.disruption += r.dis[o] ?? 0;
      end = start;
    }
    this.journal.length = 0;
    this.savedRows.length = 0;
    this.touchedRows.length = 0;
    this.finished = 0;
  }

  /**
   * Score the pending move and keep it when the score is not worse than `before` (the
   * score taken before the move began); true when it improved.
   */
  keepIfNotWorse(before: number): boolean {
    this.finish();
    if (this.score <= before + 1e-9) {
      this.accept();
      return this.score < before - 1e-9;
    }
    this.undo();
    return false;
  }

  cell(o: number, d: number): number {
    return this.cells[o * this.c.days + d] ?? OFF;
  }
}
