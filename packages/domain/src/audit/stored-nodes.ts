import { hashChildren, inclusionProof, rootOf, type Hash, type SubtreeHash } from './merkle';

/**
 * Proofs from stored subtree hashes (ADR 0037). The sealer stores the node over every complete,
 * aligned subtree whose height is a positive multiple of NODE_STRIDE (16, 256, 4,096, … leaves);
 * any subtree of the tree is then a handful of stored nodes plus at most a few leaves, so a proof
 * reads O(log n) rows instead of every leaf. The proof itself is still built by the reference
 * `inclusionProof` of merkle.ts: first to learn which subtrees it needs, then over the rows read.
 */
export const NODE_STRIDE = 4;

/** True for the heights the sealer stores. */
export const isStoredHeight = (height: number): boolean => height > 0 && height % NODE_STRIDE === 0;

export interface StoredNodeKey {
  height: number;
  index: number;
}

export const nodeKey = (height: number, index: number): string => `${height}:${index}`;

/** [lo, hi) as complete, aligned subtrees, left to right: [start, height] pairs. */
export function alignedPieces(lo: number, hi: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let at = lo;
  while (at < hi) {
    let height = 0;
    // Grow while the start stays aligned and the subtree stays inside the range.
    while (at % 2 ** (height + 1) === 0 && at + 2 ** (height + 1) <= hi) height += 1;
    pieces.push([at, height]);
    at += 2 ** height;
  }
  return pieces;
}

/** What to read for the subtrees over the given ranges: stored nodes, and the leaves below the lowest stored height. */
export function rowsFor(ranges: ReadonlyArray<[number, number]>): { nodes: StoredNodeKey[]; leaves: number[] } {
  const nodes = new Map<string, StoredNodeKey>();
  const leaves = new Set<number>();
  for (const [lo, hi] of ranges) {
    for (const [start, height] of alignedPieces(lo, hi)) {
      const stored = height - (height % NODE_STRIDE);
      if (stored === 0) {
        for (let i = start; i < start + 2 ** height; i += 1) leaves.add(i);
        continue;
      }
      for (let i = start / 2 ** stored; i < (start + 2 ** height) / 2 ** stored; i += 1) nodes.set(nodeKey(stored, i), { height: stored, index: i });
    }
  }
  return { nodes: [...nodes.values()], leaves: [...leaves].sort((a, b) => a - b) };
}

/** The subtree ranges an inclusion proof asks for (the reference algorithm, with placeholder hashes). */
export function inclusionRanges(index: number, size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const placeholder = new Uint8Array(32);
  inclusionProof(index, size, (lo, hi) => {
    ranges.push([lo, hi]);
    return placeholder;
  });
  return ranges;
}

/**
 * A SubtreeHash over stored rows: `nodes` by nodeKey, `leaves` by leaf index. A stored node that is
 * missing is recomputed from its leaves, which `leaves` must then hold (see `missingNodeLeaves`).
 */
export function storedSubtrees(nodes: ReadonlyMap<string, Hash>, leaves: ReadonlyMap<number, Hash>): SubtreeHash {
  const leaf = (i: number): Hash => {
    const h = leaves.get(i);
    if (!h) throw new Error(`audit leaf ${i} was not read`);
    return h;
  };
  const aligned = (start: number, height: number): Hash => {
    if (height === 0) return leaf(start);
    if (isStoredHeight(height)) {
      const stored = nodes.get(nodeKey(height, start / 2 ** height));
      if (stored) return stored;
      const span = 2 ** height;
      return rootOf(Array.from({ length: span }, (_, i) => leaf(start + i)));
    }
    const half = 2 ** (height - 1);
    return hashChildren(aligned(start, height - 1), aligned(start + half, height - 1));
  };
  return (lo, hi) => {
    const parts = alignedPieces(lo, hi).map(([start, height]) => aligned(start, height));
    // Perfect subtrees folded from the right: MTH of the range, as frontierRoot does for the whole tree.
    return parts.reduceRight((acc, node) => hashChildren(node, acc));
  };
}

/** The leaf ranges under stored nodes that were asked for but not found (a database not back-filled). */
export function missingNodeLeaves(wanted: readonly StoredNodeKey[], found: ReadonlyMap<string, Hash>): Array<[number, number]> {
  return wanted.filter((k) => !found.has(nodeKey(k.height, k.index))).map((k) => [k.index * 2 ** k.height, (k.index + 1) * 2 ** k.height]);
}
