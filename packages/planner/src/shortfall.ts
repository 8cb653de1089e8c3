import { OFF, officersFor, qualifiedFor, tasked, type Compiled } from './compile';
import type { Shortfall, ShortfallReason } from './model';
import type { State } from './state';

/**
 * Explain every under-covered need: scarcity must be visible. The reason is the
 * first that applies in the order no qualified officer → none in a tasked unit → all on leave → all busy →
 * a hard working-time rule blocks every free one → soft trade-off → search budget.
 */
export function explainShortfalls(state: State): Shortfall[] {
  const c = state.c;
  const out: Shortfall[] = [];
  const cache = new Map<number, [number, number]>();
  for (let s = 0; s < c.slots; s++) {
    const missing = (c.slotCount[s] ?? 0) - (state.count[s] ?? 0);
    if (missing <= 0) continue;
    const post = c.problem.posts[c.slotPost[s] ?? 0];
    const needIndex = c.slotNeed[s] ?? 0;
    const { reason, detail } = diagnose(state, s, cache);
    out.push({
      postId: post?.id ?? '',
      day: c.slotDay[s] ?? 0,
      needIndex,
      qualification: post?.needs[needIndex]?.qualification ?? null,
      missing,
      reason,
      detail,
    });
  }
  return out;
}

/** Officers qualified for a slot (leave aside): all of them, and those in a unit tasked with it. */
function qualifiedIgnoringLeave(c: Compiled, s: number): { qualified: number; inTaskedUnit: number } {
  let qualified = 0;
  let inTaskedUnit = 0;
  for (let o = 0; o < c.officers; o++) {
    if (!qualifiedFor(c, o, s)) continue;
    qualified++;
    if (tasked(c, o, s)) inTaskedUnit++;
  }
  return { qualified, inTaskedUnit };
}

/** Why the tasked units cannot staff a post: none tasked, or none of them has a fitting officer. */
function taskingDetail(c: Compiled, s: number, qualified: number): string {
  const ids = c.problem.posts[c.slotPost[s] ?? 0]?.allowedUnitIds ?? [];
  if (ids.length === 0) return `no unit is tasked with this post; ${qualified} qualified officers in other units`;
  return `none of the ${ids.length} tasked units (${ids.join(', ')}) has an officer with the qualification of an allowed unit kind; ${qualified} qualified officers in other units`;
}

/**
 * Adding an officer on a day costs the same hard and preference delta for every slot
 * of one shift type, so deltas are cached per (officer, day, type).
 */
function addDelta(state: State, o: number, s: number, cache: Map<number, [number, number]>): [number, number] {
  const c = state.c;
  const d = c.slotDay[s] ?? 0;
  const key = (o * c.days + d) * c.types + (c.slotType[s] ?? 0);
  let v = cache.get(key);
  if (!v) {
    const hard = state.hard;
    const prefs = state.requests + state.disruption;
    state.set(o, d, s);
    state.finish();
    v = [state.hard - hard, state.requests + state.disruption - prefs];
    state.undo();
    cache.set(key, v);
  }
  return v;
}

function diagnose(state: State, s: number, cache: Map<number, [number, number]>): { reason: ShortfallReason; detail: string } {
  const c = state.c;
  const d = c.slotDay[s] ?? 0;
  const available = officersFor(c, s);
  if (available.length === 0) {
    const { qualified, inTaskedUnit } = qualifiedIgnoringLeave(c, s);
    if (qualified === 0) return { reason: 'no-qualified-officer', detail: 'no officer has the qualification in an allowed unit' };
    if (inTaskedUnit === 0) return { reason: 'no-tasked-unit', detail: taskingDetail(c, s, qualified) };
    return { reason: 'qualified-officers-on-leave', detail: `all ${inTaskedUnit} qualified officers are on leave` };
  }
  let free = 0;
  let blocked = 0;
  let outweighed = 0;
  for (const o of available) {
    if (state.cell(o, d) !== OFF || c.fixed[o * c.days + d]) continue;
    free++;
    const [hard, prefs] = addDelta(state, o, s, cache);
    if (hard > 1e-9) blocked++;
    else if (prefs >= (c.slotUnder[s] ?? 0)) outweighed++;
  }
  if (free === 0) {
    return { reason: 'qualified-officers-assigned-elsewhere', detail: `all ${available.length} available qualified officers are on other posts` };
  }
  if (blocked === free) {
    return { reason: 'working-time-limit-reached', detail: `${free} free qualified officers, each would break a working-time rule (rest, consecutive shifts, minutes, weekends)` };
  }
  if (blocked + outweighed === free) {
    return { reason: 'outweighed-by-preferences', detail: `${free - blocked} free qualified officers cost more in preferences than this shortfall` };
  }
  return { reason: 'search-budget', detail: `${free - blocked - outweighed} free qualified officers could still be added` };
}
