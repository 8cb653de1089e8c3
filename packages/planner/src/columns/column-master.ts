import { OFF, type Compiled } from '../compile';
import { priceRow } from './pricing';
import type { Rng } from '../rng';
import { rowCost, type RowCost } from '../row';
import type { highs } from '../mip/highs';

/** A dive fixes every officer whose row is at least this decided in the LP. */
const FIX_AT = 0.99;

type Highs = Awaited<ReturnType<typeof highs>>;
type Model = ReturnType<Highs['createModel']>;

/**
 * The roster as a set-partitioning master: each officer takes exactly one row from a
 * pool of valid rows; cover deviations are continuous. Its LP relaxation is far
 * tighter than the cell formulation's (run rules live inside the rows), and rows
 * from several rosters recombine. Column generation prices new rows with the
 * labelling DP of `columns/pricing.ts`; the integer master is then solved by HiGHS
 * over the pool (price-and-branch), so the result is a heuristic, not a proof.
 */
export class ColumnMaster {
  private readonly model: Model;
  /** Pool: per column, its officer and cells. */
  readonly rows: { officer: number; cells: Int32Array }[] = [];
  /** Pool index per row key (`rowKey`), so a known row is neither added twice nor searched for. */
  private readonly index = new Map<string, number>();
  /** One roster-sized buffer for scoring a single row with the engine's `rowCost`. */
  private readonly rowBuffer: Int32Array;
  private readonly firstPattern: number;
  /** Column values of the last LP (new columns, added after it, count as 0). */
  private lastValues: Float64Array = new Float64Array(0);
  /** Whether the pattern columns are currently integer (after `solveInteger`). */
  private integral = false;
  private readonly scratch: RowCost = { hard: 0, requests: 0, disruption: 0 };

  constructor(private readonly h: Highs, readonly c: Compiled) {
    const O = c.officers;
    this.model = h.createModel();
    this.model.options.set({ output_flag: false } as never);
    for (let o = 0; o < O; o++) this.model.addRow(1, 1, { indices: [], values: [] });
    for (let s = 0; s < c.slots; s++) {
      const n = c.slotCount[s] ?? 0;
      this.model.addRow(n, n, { indices: [], values: [] });
    }
    for (let s = 0; s < c.slots; s++) {
      this.model.addCol(c.slotUnder[s] ?? 0, 0, Number.POSITIVE_INFINITY, { indices: [O + s], values: [1] });
      this.model.addCol(c.slotOver[s] ?? 0, 0, Number.POSITIVE_INFINITY, { indices: [O + s], values: [-1] });
    }
    this.firstPattern = 2 * c.slots;
    this.rowBuffer = new Int32Array(O * c.days).fill(OFF);
  }

  /** Add a valid row to the pool; false when it breaks a hard rule or is known. */
  add(officer: number, cells: Int32Array): boolean {
    const key = rowKey(officer, cells);
    if (this.index.has(key)) return false;
    // rowCost reads only the officer's own row of the buffer.
    this.rowBuffer.set(cells, officer * this.c.days);
    const cost = rowCost(this.c, this.rowBuffer, officer, this.scratch);
    if (cost.hard > 0) return false;
    this.index.set(key, this.rows.length);
    const indices = [officer];
    for (const s of cells) if (s !== OFF) indices.push(this.c.officers + s);
    this.model.addCol(cost.requests + cost.disruption, 0, 1, { indices, values: indices.map(() => 1) });
    this.rows.push({ officer, cells: cells.slice() });
    return true;
  }

  /** A first row per officer (the cheapest valid one), so every convexity row has a column. */
  seed(): void {
    const zero = new Float64Array(this.c.slots);
    for (let o = 0; o < this.c.officers; o++) {
      const row = priceRow(this.c, o, zero);
      if (row) this.add(o, row.cells);
    }
  }

  /** Every row of a roster into the pool. */
  addRoster(cells: Int32Array): void {
    const D = this.c.days;
    for (let o = 0; o < this.c.officers; o++) this.add(o, cells.subarray(o * D, (o + 1) * D));
  }

  /**
   * Price-and-dive: column generation to the LP optimum, then fix the officers whose
   * row is (nearly) integral plus the most decided fractional one, and repeat until
   * every officer has a row. The pattern LP is close to integral on rosters, so a
   * dive lands near the LP value where the integer master over a fixed pool does not.
   */
  dive(deadlineMs: number, now: () => number = () => performance.now(), rng?: Rng): Int32Array | null {
    const O = this.c.officers;
    const chosen = new Int32Array(O).fill(-1);
    let left = O;
    let rounds = 0;
    let stepRounds = 0;
    const t0 = now();
    // Past the deadline no more pricing, but the dive still completes (all the rest in one step).
    for (let step = 0; left > 0; step++) {
      // Each LP is re-optimised to the end (bounded), as long as time allows.
      for (let i = 0; i < 500 && now() < deadlineMs; i++) {
        rounds++;
        if (step > 0) stepRounds++;
        if (this.generate(chosen).added === 0) break;
      }
      // As careful (one officer per step) as the time left allows, judged by the steps so far.
      const perRound = (now() - t0) / Math.max(1, rounds);
      const perStep = perRound * (step > 0 ? stepRounds / step : 5);
      const steps = Math.max(1, (deadlineMs - now()) / perStep);
      const before = left;
      left -= this.fixDecided(chosen, Math.max(1, Math.ceil(left / steps)), rng);
      if (left === before) break;
    }
    const cells = new Int32Array(O * this.c.days).fill(OFF);
    for (let o = 0; o < O; o++) {
      const r = this.rows[chosen[o] ?? -1];
      if (r) cells.set(r.cells, o * this.c.days);
    }
    this.model.changeColsBounds({ kind: 'range', from: this.firstPattern, to: this.firstPattern + this.rows.length - 1 },
      new Float64Array(this.rows.length), new Float64Array(this.rows.length).fill(1));
    return left === 0 ? cells : null;
  }

  /**
   * Fix each free officer's row at ≥ FIX_AT, and at least `k` officers: the most decided,
   * or with `rng` each drawn from the three most decided (later dives explore).
   */
  private fixDecided(chosen: Int32Array, k: number, rng?: Rng): number {
    const O = this.c.officers;
    const best = new Int32Array(O).fill(-1);
    const value = new Float64Array(O);
    for (const [j, r] of this.rows.entries()) {
      const v = this.lastValues[this.firstPattern + j] ?? 0;
      if (chosen[r.officer] === -1 && v > (value[r.officer] ?? 0)) {
        value[r.officer] = v;
        best[r.officer] = j;
      }
    }
    const free: number[] = [];
    for (let o = 0; o < O; o++) if (chosen[o] === -1 && best[o] !== -1) free.push(o);
    free.sort((a, b) => (value[b] ?? 0) - (value[a] ?? 0));
    let fixed = 0;
    while (free.length > 0 && (fixed < k || (value[free[0] ?? 0] ?? 0) >= FIX_AT)) {
      const decided = (value[free[0] ?? 0] ?? 0) >= FIX_AT;
      const i = decided || !rng ? 0 : rng.int(Math.min(3, free.length));
      const [o] = free.splice(i, 1);
      if (o === undefined) break;
      this.fix(chosen, o, best[o] ?? 0);
      fixed++;
    }
    return fixed;
  }

  private fix(chosen: Int32Array, o: number, j: number): void {
    chosen[o] = j;
    this.model.changeColBounds(this.firstPattern + j, 1, 1);
  }

  /** Solve the LP and add a priced row per officer whose reduced cost is negative; returns the LP value and rows added. */
  generate(chosen?: Int32Array): { lp: number; added: number } {
    this.relax();
    const status = this.model.run().modelStatus;
    const sol = this.model.getSolution();
    this.lastValues = sol.colValue;
    const lp = status === this.h.constants.modelStatus.optimal ? this.model.getObjectiveValue() : Number.NaN;
    const O = this.c.officers;
    const dual = sol.rowDual.slice(O, O + this.c.slots);
    let added = 0;
    for (let o = 0; o < O; o++) {
      if (chosen && chosen[o] !== -1) continue;
      const mu = sol.rowDual[o] ?? 0;
      const row = priceRow(this.c, o, dual, mu - 1e-6);
      if (row && row.reduced - mu < -1e-6 && this.add(o, row.cells)) added++;
    }
    return { lp, added };
  }

  /** The integer master over the pool, started from `start` (a roster whose rows are in the pool). */
  solveInteger(seconds: number, start?: Int32Array): { cells: Int32Array } | null {
    const n = this.rows.length;
    const types = new Int32Array(this.firstPattern + n);
    types.fill(1, this.firstPattern);
    this.model.changeColsIntegrality({ kind: 'range', from: 0, to: types.length - 1 }, types);
    this.integral = true;
    this.model.options.set({ time_limit: Math.max(0.01, seconds) } as never);
    if (start) {
      const indices = this.startColumns(start);
      if (indices.length === this.c.officers) this.model.setSolution({ indices, values: indices.map(() => 1) });
    }
    this.model.run();
    const x = this.model.getSolution().colValue;
    const cells = new Int32Array(this.c.officers * this.c.days).fill(OFF);
    let found = 0;
    for (let j = 0; j < n; j++) {
      if ((x[this.firstPattern + j] ?? 0) < 0.5) continue;
      const r = this.rows[j];
      if (!r) continue;
      cells.set(r.cells, r.officer * this.c.days);
      found++;
    }
    this.relax();
    return found === this.c.officers ? { cells } : null;
  }

  private startColumns(start: Int32Array): number[] {
    const D = this.c.days;
    const out: number[] = [];
    for (let o = 0; o < this.c.officers; o++) {
      const j = this.index.get(rowKey(o, start.subarray(o * D, (o + 1) * D)));
      if (j !== undefined) out.push(this.firstPattern + j);
    }
    return out;
  }

  /** Back to the LP after an integer solve; a no-op otherwise, so HiGHS keeps its basis between pricing rounds. */
  private relax(): void {
    if (!this.integral) return;
    this.integral = false;
    const total = this.firstPattern + this.rows.length;
    this.model.changeColsIntegrality({ kind: 'range', from: 0, to: total - 1 }, new Int32Array(total));
    this.model.options.set({ time_limit: 1e9 } as never);
  }

  dispose(): void {
    this.model.dispose();
  }
}

function rowKey(officer: number, cells: Int32Array): string {
  return `${officer}:${cells.join(',')}`;
}
