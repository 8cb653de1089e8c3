import { OFF, type Compiled } from '../compile';
import type { State } from '../state';

const thresholds = new WeakMap<Compiled, number>();

/**
 * Light slots weigh at most half the median slot weight: on the national week the private
 * evening posts (40 against 100–150 for work, transport and home).
 */
export function lightWeight(c: Compiled): number {
  let w = thresholds.get(c);
  if (w === undefined) {
    const weights = Float64Array.from(c.slotUnder).sort();
    w = (weights[weights.length >> 1] ?? 0) / 2;
    thresholds.set(c, w);
  }
  return w;
}

/**
 * Take every officer off the light posts (free cells only), accepted at once (ADR 0041). On a
 * national week the remaining gap to the LP bound is working time spent on private evening
 * posts that work-day posts need; a day or row sweep cannot give it back, because each step
 * alone breaks the working-time limit. Emptied, the next sweeps hand the time to the heavier
 * posts first and refill the light ones with what is left; the caller keeps the better roster.
 */
export function ruinLight(state: State): void {
  const c = state.c;
  const limit = lightWeight(c);
  for (let o = 0; o < c.officers; o++) {
    for (let d = 0; d < c.days; d++) {
      const s = state.cell(o, d);
      if (s !== OFF && !c.fixed[o * c.days + d] && (c.slotUnder[s] ?? 0) <= limit) state.set(o, d, OFF);
    }
  }
  state.finish();
  state.accept();
}
