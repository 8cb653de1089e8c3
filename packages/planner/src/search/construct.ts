import { allowedSlots, OFF, officersFor } from '../compile';
import type { Rng } from '../rng';
import type { State } from '../state';

/**
 * Greedy construction: slots in order of their under-coverage weight (work before
 * private), each missing officer filled by the free candidate whose addition
 * improves the score most. Only improving insertions are made, so the greedy never
 * trades a hard violation for coverage.
 */
export function construct(state: State, rng: Rng, candidateLimit = 64, posts?: ReadonlySet<string>): void {
  const c = state.c;
  const order = Array.from({ length: c.slots }, (_, s) => s)
    .filter((s) => !posts || posts.has(c.problem.posts[c.slotPost[s] ?? 0]?.id ?? ''));
  // Within a weight class, the slots with the fewest candidates go first.
  const scarcity = Float64Array.from(order, (s) => officersFor(c, s).length + rng.next());
  order.sort((a, b) => (c.slotUnder[b] ?? 0) - (c.slotUnder[a] ?? 0) || (scarcity[a] ?? 0) - (scarcity[b] ?? 0));
  for (const s of order) {
    while ((state.count[s] ?? 0) < (c.slotCount[s] ?? 0)) {
      if (!fillOne(state, s, rng, candidateLimit)) break;
    }
  }
}

/** Put the best free officer on slot `s`; false when no insertion improves the score. */
export function fillOne(state: State, s: number, rng: Rng, candidateLimit: number): boolean {
  const c = state.c;
  const d = c.slotDay[s] ?? 0;
  const officers = officersFor(c, s);
  if (officers.length === 0) return false;
  const before = state.score;
  let best = -1;
  let bestDelta = -1e-9;
  // Sampling a window of candidates keeps construction linear on national instances.
  const n = officers.length;
  const tries = Math.min(n, candidateLimit);
  const offset = rng.int(n);
  for (let i = 0; i < tries; i++) {
    const o = officers[(offset + i) % n] ?? 0;
    const cell = o * c.days + d;
    if (c.fixed[cell] || (state.cells[cell] ?? OFF) !== OFF) continue;
    state.set(o, d, s);
    state.finish();
    // Tie-break towards officers with fewer qualifications: keep versatile ones for scarce needs.
    const delta = state.score - before + 0.5 * bitCount(c.officerQualMask[o] ?? 0);
    state.undo();
    if (delta < bestDelta) {
      bestDelta = delta;
      best = o;
    }
  }
  if (best < 0) return false;
  state.set(best, d, s);
  state.finish();
  state.accept();
  return true;
}

/**
 * Steepest descent on the rows that break a hard rule, one cell at a time. A change
 * (a removed post, a sick colleague) can leave a row with, say, a one-day break that
 * violates the minimum days off; this repairs it before the annealing starts.
 */
export function repairHard(state: State, passes = 3): void {
  const c = state.c;
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let o = 0; o < c.officers; o++) {
      if ((state.rowHard[o] ?? 0) <= 1e-9) continue;
      if (bestCellChange(state, o)) improved = true;
    }
    if (!improved) return;
  }
}

function bestCellChange(state: State, o: number): boolean {
  const c = state.c;
  const before = state.score;
  let best: [number, number] | null = null;
  let bestDelta = -1e-9;
  for (let d = 0; d < c.days; d++) {
    if (c.fixed[o * c.days + d]) continue;
    const current = state.cell(o, d);
    for (const v of [OFF, ...allowedSlots(c, o * c.days + d)]) {
      if (v === current) continue;
      state.set(o, d, v);
      state.finish();
      const delta = state.score - before;
      state.undo();
      if (delta < bestDelta) {
        bestDelta = delta;
        best = [d, v];
      }
    }
  }
  if (!best) return false;
  state.set(o, best[0], best[1]);
  state.finish();
  state.accept();
  return true;
}

function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}
