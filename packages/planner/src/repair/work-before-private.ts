import { canTake, OFF } from '../compile';
import type { State } from '../state';

/**
 * DOMAIN §5: work goes before private. The search trades posts by weight only, so a short run can
 * leave a person's work post short while an officer covers the same person's private activity that
 * day. This final pass moves such officers to the work post whenever the move breaks no hard rule
 * (rest, contract, leave, qualification, unit), whatever it costs in wishes: a policy rule, not a
 * preference. It repeats until nothing moves (each move fills a work need, so it ends).
 */
export function workBeforePrivate(state: State): number {
  const c = state.c;
  const posts = c.problem.posts;
  let moved = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let o = 0; o < c.officers; o++) {
      for (let d = 0; d < c.days; d++) {
        const cell = o * c.days + d;
        const from = state.cells[cell] ?? OFF;
        if (from === OFF || c.fixed[cell]) continue;
        const privatePost = posts[c.slotPost[from] ?? 0];
        if (privatePost?.priority !== 'private' || privatePost.protectedPersonId === null) continue;
        if (moveToWork(state, o, d, privatePost.protectedPersonId)) {
          moved++;
          changed = true;
        }
      }
    }
  }
  return moved;
}

/** Tries the under-covered work slots of the same person that day; keeps the first move that adds no hard violation. */
function moveToWork(state: State, o: number, d: number, personId: string): boolean {
  const c = state.c;
  for (const w of c.daySlots[d] ?? []) {
    const post = c.problem.posts[c.slotPost[w] ?? 0];
    if (post?.priority !== 'work' || post.protectedPersonId !== personId) continue;
    if ((state.count[w] ?? 0) >= (c.slotCount[w] ?? 0) || !canTake(c, o, w)) continue;
    const hardBefore = state.hard;
    state.set(o, d, w);
    state.finish();
    if (state.hard <= hardBefore) {
      state.accept();
      return true;
    }
    state.undo();
  }
  return false;
}
