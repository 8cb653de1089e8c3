import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendLeaves, EMPTY_FRONTIER, hashLeaf, inclusionProof, rootOf, subtreesOf, verifyInclusion, type Hash } from './merkle';
import { alignedPieces, inclusionRanges, isStoredHeight, missingNodeLeaves, nodeKey, rowsFor, storedSubtrees } from './stored-nodes';

const leaves = (n: number): Hash[] => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));

/** What the sealer stores: every node the frontier completes at a stored height, appended in the given batches. */
function sealed(all: readonly Hash[], batch: number): Map<string, Hash> {
  const nodes = new Map<string, Hash>();
  let f = EMPTY_FRONTIER;
  for (let at = 0; at < all.length; at += batch) {
    f = appendLeaves(f, all.slice(at, at + batch), (height, index, hash) => {
      if (isStoredHeight(height)) nodes.set(nodeKey(height, index), hash);
    });
  }
  return nodes;
}

/** The proof as the viewer builds it: only the rows `rowsFor` names (plus the leaves of missing nodes). */
function storedProof(index: number, size: number, all: readonly Hash[], stored: ReadonlyMap<string, Hash>): { proof: Hash[]; rowsRead: number } {
  const plan = rowsFor(inclusionRanges(index, size));
  const nodes = new Map(plan.nodes.flatMap((k) => (stored.has(nodeKey(k.height, k.index)) ? [[nodeKey(k.height, k.index), stored.get(nodeKey(k.height, k.index))!] as const] : [])));
  const leafIndexes = [...plan.leaves, ...missingNodeLeaves(plan.nodes, nodes).flatMap(([lo, hi]) => Array.from({ length: hi - lo }, (_, i) => lo + i))];
  const leafMap = new Map(leafIndexes.map((i) => [i, all[i]!] as const));
  return { proof: inclusionProof(index, size, storedSubtrees(nodes, leafMap)), rowsRead: nodes.size + leafMap.size };
}

describe('stored subtree nodes', () => {
  const all = leaves(3000);
  const stored = sealed(all, 97);

  it('the sealer stores exactly the complete aligned subtrees of the stored heights, with their RFC 9162 hashes', () => {
    for (const [key, hash] of stored) {
      const [height, index] = key.split(':').map(Number) as [number, number];
      expect(isStoredHeight(height)).toBe(true);
      expect(hash).toEqual(rootOf(all, index * 2 ** height, (index + 1) * 2 ** height));
    }
    // 3000 leaves: 187 nodes of 16 leaves, 11 of 256, none of 4096.
    expect(stored.size).toBe(Math.floor(3000 / 16) + Math.floor(3000 / 256));
  });

  it('cuts a range into aligned perfect subtrees', () => {
    expect(alignedPieces(0, 7)).toEqual([
      [0, 2],
      [4, 1],
      [6, 0],
    ]);
    expect(alignedPieces(8, 16)).toEqual([[8, 3]]);
  });

  it('a proof from stored nodes equals the reference proof, for random sizes, indexes and seal batches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 1, max: 300 }))),
        ([size, index, batch]) => {
          const tree = all.slice(0, size);
          const { proof, rowsRead } = storedProof(index, size, tree, sealed(tree, batch));
          expect(proof).toEqual(inclusionProof(index, size, subtreesOf(tree)));
          expect(verifyInclusion(index, size, tree[index]!, proof, rootOf(tree))).toBe(true);
          // O(log n): at most 2^(stride-1) rows per proof element, never the whole tree.
          expect(rowsRead).toBeLessThanOrEqual(8 * 2 * Math.ceil(Math.log2(size + 1)) + 8);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recomputes a missing stored node from its leaves (a database not back-filled yet)', () => {
    const partial = new Map([...stored].filter((_, i) => i % 3 !== 0));
    for (const index of [0, 17, 1023, 2999]) {
      expect(storedProof(index, 3000, all, partial).proof).toEqual(inclusionProof(index, 3000, subtreesOf(all)));
    }
  });

  it('reads a few dozen rows, not a million, for a proof in a tree of a million leaves', () => {
    const plan = rowsFor(inclusionRanges(654_321, 1_000_000));
    expect(plan.nodes.length + plan.leaves.length).toBeLessThan(100);
  });
});

const VECTORS = new URL('../../../../../shared/vectors/merkle/inclusion/', import.meta.url).pathname;

describe('stored-node proofs against the transparency-dev vectors', () => {
  it('reproduces the happy-path inclusion proof of the vectors tree', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'].map((h) => hashLeaf(Buffer.from(h, 'hex')));
    const files = readdirSync(VECTORS).filter((f) => f === 'happy-path.json');
    expect(files).toHaveLength(1);
    const v = JSON.parse(readFileSync(join(VECTORS, files[0]!), 'utf8')) as { leafIdx: number; treeSize: number; root: string; proof: string[] };
    const tree = data.slice(0, v.treeSize);
    const { proof } = storedProof(v.leafIdx, v.treeSize, tree, sealed(tree, 3));
    expect(proof.map((h) => Buffer.from(h).toString('base64'))).toEqual(v.proof);
    expect(verifyInclusion(v.leafIdx, v.treeSize, tree[v.leafIdx]!, proof, new Uint8Array(Buffer.from(v.root, 'base64')))).toBe(true);
  });
});
