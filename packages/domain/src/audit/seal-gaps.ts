/**
 * Sequence numbers commit out of order and rolled-back ones never commit: when the sealer takes
 * the committed entries above the highest seq it sealed, the numbers it skipped are either still
 * in flight or gone. It keeps them as open gaps (ranges, with when they were first seen) and looks
 * them up again at every seal, so a late entry is found by an index lookup rather than by scanning
 * the log. A gap nobody fills within the retention is taken as rolled back and dropped.
 */
export interface SeqGap {
  lo: number;
  hi: number;
  /** ISO time the sealer first saw the gap. */
  since: string;
}

/** The numbers in (after, …] that `sealed` (ascending, all > after) skipped over. */
export function gapsSkipped(after: number, sealed: readonly number[], since: string): SeqGap[] {
  const gaps: SeqGap[] = [];
  let prev = after;
  for (const seq of sealed) {
    if (seq > prev + 1) gaps.push({ lo: prev + 1, hi: seq - 1, since });
    prev = seq;
  }
  return gaps;
}

/** Removes sealed numbers from the gaps, splitting ranges where needed. */
export function fillGaps(gaps: readonly SeqGap[], sealed: ReadonlySet<number>): SeqGap[] {
  const out: SeqGap[] = [];
  for (const g of gaps) {
    let lo = g.lo;
    const inside = [...sealed].filter((s) => s >= g.lo && s <= g.hi).sort((a, b) => a - b);
    for (const s of inside) {
      if (s > lo) out.push({ lo, hi: s - 1, since: g.since });
      lo = s + 1;
    }
    if (lo <= g.hi) out.push({ lo, hi: g.hi, since: g.since });
  }
  return out;
}

/** Drops gaps first seen before `cutoff`: their transactions are long gone (rolled back). */
export const expireGaps = (gaps: readonly SeqGap[], cutoff: Date): SeqGap[] => gaps.filter((g) => new Date(g.since) >= cutoff);
