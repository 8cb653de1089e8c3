import { NONE, OFF, type Compiled } from '../compile';
import { priceRow } from '../columns/pricing';
import { shuffledRange, type Rng } from '../rng';
import type { State } from '../state';
import { tryRow } from './row-repair';

const EPS = 1e-9;

/**
 * Exact re-planning of one officer's whole row with everyone else fixed, for any
 * horizon: with the others fixed, the officer's cost is the requests of the row plus,
 * per slot taken, the change of that slot's cover, and one officer adds at most one
 * to a slot, so that change is a constant per slot (minus the under-cover weight while
 * the slot is short without them, plus the over-cover weight otherwise). That is the
 * column-generation pricing problem with these marginal gains as duals, so the
 * labelling DP (`columns/pricing.ts`) returns the cheapest row that keeps every hard
 * rule (a heuristic only where its buckets overflow). The branch and bound of
 * `row-repair.ts` is limited to 14 days; this one is not, and it repairs in one step a
 * row that annealing cannot make valid by single moves (a minimum of minutes that
 * needs a longer shift, runs and days off that must shift together). Kept when the
 * score (hard units weighted) does not get worse; true when it improved.
 */
export function repairRowPriced(state: State, o: number, gains: Float64Array): boolean {
  const c = state.c;
  const D = c.days;
  const before = state.score;
  const valid = (state.rowHard[o] ?? 0) <= 0;
  const old = valid ? state.cells.slice(o * D, (o + 1) * D) : null;
  for (let d = 0; d < D; d++) if (!c.fixed[o * D + d]) state.set(o, d, OFF);
  marginalGains(state, gains);
  // A valid row is replaced only by a cheaper one: labels that cannot beat it are pruned early.
  const row = priceRow(c, o, gains, old ? reducedCost(c, o, old, gains) - EPS : Number.POSITIVE_INFINITY);
  if (!row) {
    state.undo();
    return false;
  }
  return tryRow(state, o, row.cells, before);
}

/** The row's cost under the gains, as the pricing counts it: requests and disruption minus the gains of its slots. */
function reducedCost(c: Compiled, o: number, row: Int32Array, gains: Float64Array): number {
  const T = c.types;
  let cost = 0;
  for (let d = 0; d < c.days; d++) {
    const cell = o * c.days + d;
    const s = row[d] ?? OFF;
    const b = c.baseline[cell] ?? NONE;
    if (c.disruptionWeight !== 0 && b !== NONE && b !== s) cost += c.disruptionWeight;
    if (s === OFF) cost += c.pref[cell * (T + 1) + T] ?? 0;
    else cost += (c.pref[cell * (T + 1) + (c.slotType[s] ?? 0)] ?? 0) - (gains[s] ?? 0);
  }
  return cost;
}

/** Per slot, what one more officer on it saves: the under weight while short, minus the over weight otherwise. */
function marginalGains(state: State, out: Float64Array): void {
  const c = state.c;
  for (let s = 0; s < c.slots; s++) {
    const short = (state.count[s] ?? 0) < (c.slotCount[s] ?? 0);
    out[s] = short ? (c.slotUnder[s] ?? 0) : -(c.slotOver[s] ?? 0);
  }
}

/**
 * Re-plan the rows of `officers` one after the other (each sees the others' new rows),
 * until `stop` says the time is up. Returns how many rows improved.
 */
export function pricedRowSweep(state: State, officers: Iterable<number>, stop: () => boolean): number {
  const gains = new Float64Array(state.c.slots);
  let improved = 0;
  for (const o of officers) {
    if (stop()) break;
    if (repairRowPriced(state, o, gains)) improved++;
  }
  return improved;
}

/** The officers who break a hard rule, in a seeded random order. */
export function violatingOfficers(state: State, rng: Rng): number[] {
  return shuffledRange(state.c.officers, rng).filter((o) => (state.rowHard[o] ?? 0) > 0);
}
