/**
 * The day repair's transportation problem solved directly (ADR 0046): officers (one unit each)
 * to slot classes (capacity `cap`), an edge for each officer and class it may take with its gain;
 * maximise the total gain. HiGHS solved this LP in ≈150 ms a day on the national week, most of
 * the exact phase's time; here it is a min-cost flow by successive shortest paths with
 * potentials, with the officers contracted away: a path is "a free officer enters class k₁, an
 * officer of k₁ moves on to k₂, …, ending in a class with room", so Dijkstra runs over the
 * classes only (dense, K ≤ a few hundred). Paths are taken while they gain; the result is an
 * optimum of the LP (the flow is integral).
 */
export interface DayFlowEdge {
  officer: number;
  cls: number;
  gain: number;
}

const EPS = 1e-9;

/** The class each officer (index into `officers` 0..n-1) is assigned to, or -1. */
export function solveDayFlow(officers: number, cap: ArrayLike<number>, edges: readonly DayFlowEdge[]): Int32Array {
  const K = cap.length;
  const assign = new Int32Array(officers).fill(-1);
  const load = new Int32Array(K);
  // Edges per officer as CSR arrays (class, gain) and, per class, the officers by gain (best first).
  const kept = edges.filter((e) => e.gain > EPS);
  const first = new Int32Array(officers + 1);
  for (const e of kept) first[e.officer + 1]! += 1;
  for (let o = 0; o < officers; o++) first[o + 1]! += first[o]!;
  const edgeClass = new Int32Array(kept.length);
  const edgeGain = new Float64Array(kept.length);
  const fill = first.slice(0, officers);
  for (const e of kept) {
    const at = fill[e.officer]!++;
    edgeClass[at] = e.cls;
    edgeGain[at] = e.gain;
  }
  const byClass: DayFlowEdge[][] = Array.from({ length: K }, () => []);
  for (const e of kept) byClass[e.cls]?.push(e);
  for (const list of byClass) list.sort((a, b) => b.gain - a.gain || a.officer - b.officer);
  const cursor = new Int32Array(K);
  const members: number[][] = Array.from({ length: K }, () => []);
  const slot = new Int32Array(officers);
  const held = new Float64Array(officers);
  // Potentials on classes (min-cost form, cost = −gain): valid for the empty flow.
  const pot = new Float64Array(K);
  for (let k = 0; k < K; k++) pot[k] = -(byClass[k]?.[0]?.gain ?? 0);
  const dist = new Float64Array(K);
  const done = new Uint8Array(K);
  const viaOfficer = new Int32Array(K);
  const fromClass = new Int32Array(K);
  for (;;) {
    // Free officers enter each class at reduced cost −gain − pot (the best free one per class).
    for (let k = 0; k < K; k++) {
      const list = byClass[k] ?? [];
      let i = cursor[k]!;
      while (i < list.length && assign[list[i]!.officer]! >= 0) i++;
      cursor[k] = i;
      const e = list[i];
      dist[k] = e ? -e.gain - pot[k]! : Number.POSITIVE_INFINITY;
      viaOfficer[k] = e ? e.officer : -1;
      fromClass[k] = -1;
      done[k] = 0;
    }
    for (;;) {
      let i = -1;
      for (let k = 0; k < K; k++) if (!done[k] && dist[k]! < Number.POSITIVE_INFINITY && (i < 0 || dist[k]! < dist[i]!)) i = k;
      if (i < 0) break;
      done[i] = 1;
      // An officer of class i moves on to class j: reduced cost −w(o,j) + w(o,i) + pot[i] − pot[j] ≥ 0.
      const base = dist[i]! + pot[i]!;
      for (const o of members[i]!) {
        const wi = held[o]! + base;
        for (let at = first[o]!, end = first[o + 1]!; at < end; at++) {
          const j = edgeClass[at]!;
          if (done[j]) continue;
          const nd = wi - edgeGain[at]! - pot[j]!;
          if (nd < dist[j]! - EPS) {
            dist[j] = nd;
            viaOfficer[j] = o;
            fromClass[j] = i;
          }
        }
      }
    }
    // The best end: a class with room, by the path's true cost.
    let end = -1;
    let bestCost = -EPS;
    for (let k = 0; k < K; k++) {
      if (load[k]! >= (cap[k] ?? 0) || !(dist[k]! < Number.POSITIVE_INFINITY)) continue;
      const cost = dist[k]! + pot[k]!;
      if (cost < bestCost) {
        bestCost = cost;
        end = k;
      }
    }
    if (end < 0) break;
    // Potentials: + distance (capped at the end's, for classes not reached or farther).
    const cap0 = dist[end]!;
    for (let k = 0; k < K; k++) pot[k] = pot[k]! + Math.min(dist[k]!, cap0);
    load[end]! += 1;
    for (let k = end; k >= 0;) {
      const o = viaOfficer[k]!;
      const from = fromClass[k]!;
      if (from >= 0) {
        // Swap-remove o from its old class.
        const list = members[from]!;
        const last = list.pop()!;
        if (last !== o) {
          list[slot[o]!] = last;
          slot[last] = slot[o]!;
        }
      }
      slot[o] = members[k]!.length;
      members[k]!.push(o);
      assign[o] = k;
      for (let at = first[o]!, e = first[o + 1]!; at < e; at++) if (edgeClass[at] === k) held[o] = edgeGain[at]!;
      k = from;
    }
  }
  return assign;
}
