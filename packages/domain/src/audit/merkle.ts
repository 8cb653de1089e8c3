import { createHash } from 'node:crypto';
import { inclusionPlan } from './inclusion-plan';

/**
 * The RFC 9162 (Certificate Transparency 2.0) Merkle tree, hand-written because it is the core of
 * the audit log's tamper evidence. Hashes are 32-byte SHA-256 digests; leaves are domain-separated
 * from interior nodes (0x00 / 0x01 prefix) so a node can never pass for a leaf.
 */
export type Hash = Uint8Array;

export const HASH_SIZE = 32;

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

/** MTH({d}) = SHA-256(0x00 || d). */
export const hashLeaf = (data: Uint8Array): Hash => sha256(LEAF_PREFIX, data);

/** An interior node: SHA-256(0x01 || left || right). */
export const hashChildren = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256();

export const hashesEqual = (a: Hash, b: Hash): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes, recursively as RFC 9162 section 2.1.1 defines it. */
export function rootOf(leafHashes: readonly Hash[], lo = 0, hi = leafHashes.length): Hash {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leafHashes[lo]!;
  const k = splitPoint(n);
  return hashChildren(rootOf(leafHashes, lo, lo + k), rootOf(leafHashes, lo + k, hi));
}

/**
 * The hash of the subtree over leaves [lo, hi): how proofs are built without holding the whole
 * tree. An in-memory tree answers with `rootOf`; the verifier answers from its frontier and the
 * leaves it is reading.
 */
export type SubtreeHash = (lo: number, hi: number) => Hash;

export const subtreesOf =
  (leafHashes: readonly Hash[]): SubtreeHash =>
  (lo, hi) =>
    rootOf(leafHashes, lo, hi);

/** PATH(m, D[lo:hi]) of RFC 9162 section 2.1.3.1. */
function path(m: number, lo: number, hi: number, subtree: SubtreeHash): Hash[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k ? [...path(m, lo, lo + k, subtree), subtree(lo + k, hi)] : [...path(m - k, lo + k, hi, subtree), subtree(lo, lo + k)];
}

/** The audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, subtree: SubtreeHash): Hash[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) throw new RangeError('leaf index outside the tree');
  return path(index, 0, size, subtree);
}

/** SUBPROOF(m, D[lo:hi], b) of RFC 9162 section 2.1.4.1. */
function subproof(m: number, lo: number, hi: number, complete: boolean, subtree: SubtreeHash): Hash[] {
  const n = hi - lo;
  if (m === n) return complete ? [] : [subtree(lo, hi)];
  const k = splitPoint(n);
  return m <= k ? [...subproof(m, lo, lo + k, complete, subtree), subtree(lo + k, hi)] : [...subproof(m - k, lo + k, hi, false, subtree), subtree(lo, lo + k)];
}

/** Proof that the tree of `size1` leaves is a prefix of the tree of `size2` leaves. */
export function consistencyProof(size1: number, size2: number, subtree: SubtreeHash): Hash[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) throw new RangeError('sizes out of order');
  if (size1 === 0 || size1 === size2) return []; // nothing to prove (and nothing a verifier accepts for 0)
  return subproof(size1, 0, size2, true, subtree);
}

const validHash = (h: Hash) => h.length === HASH_SIZE;

/**
 * RFC 9162 section 2.1.3.2. BigInt keeps the bit arithmetic exact for any 64-bit size. Every
 * hash must be 32 bytes and every proof element must be used: a proof with garbage before or
 * after it is refused.
 */
export function verifyInclusion(index: number | bigint, size: number | bigint, leafHash: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (!validHash(leafHash) || !validHash(root) || !proof.every(validHash)) return false;
  const plan = inclusionPlan(index, size, proof.length);
  if (!plan) return false;
  const r = proof.reduce((acc, p, i) => (plan[i] ? hashChildren(p, acc) : hashChildren(acc, p)), leafHash);
  return hashesEqual(r, root);
}

const lsb = (x: bigint) => (x & 1n) === 1n;
const isPowerOfTwo = (x: bigint) => x > 0n && (x & (x - 1n)) === 0n;

/**
 * RFC 9162 section 2.1.4.2, plus the trivial case it leaves to the caller: equal sizes need an
 * empty proof and equal roots.
 */
export function verifyConsistency(size1: number | bigint, size2: number | bigint, root1: Hash, root2: Hash, proof: readonly Hash[]): boolean {
  const first = BigInt(size1);
  const second = BigInt(size2);
  // RFC 9162 defines consistency for 0 < first <= second only: a proof "from" the empty tree
  // proves nothing, so it is refused rather than accepted vacuously.
  if (first <= 0n || second < first) return false;
  if (first === second) return proof.length === 0 && hashesEqual(root1, root2);
  if (proof.length === 0 || !validHash(root1) || !validHash(root2) || !proof.every(validHash)) return false;
  const path = isPowerOfTwo(first) ? [root1, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while (lsb(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if (lsb(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && hashesEqual(fr, root1) && hashesEqual(sr, root2);
}

/**
 * The compact form of a tree of `size` leaves: the roots of its perfect subtrees, largest (left)
 * first, one per set bit of the size. Enough to append leaves and compute the root without the
 * rest of the tree, which is how the sealer grows the tree batch by batch.
 */
export interface Frontier {
  size: number;
  /** Roots of the perfect subtrees, left to right. */
  nodes: Hash[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, nodes: [] };

/**
 * A perfect subtree completed while appending: the node over leaves [index·2^height, (index+1)·2^height).
 * The sealer stores some of them so proofs need not read the leaves (ADR 0037).
 */
export type CompletedNode = (height: number, index: number, hash: Hash) => void;

/** Appends leaf hashes; completed pairs merge as in a binary counter. */
export function appendLeaves(frontier: Frontier, leafHashes: readonly Hash[], onNode?: CompletedNode): Frontier {
  const nodes = [...frontier.nodes];
  let size = frontier.size;
  for (const leaf of leafHashes) {
    let node = leaf;
    // Each trailing one bit of the old size is a perfect subtree of equal height to merge with.
    let height = 0;
    for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) {
      node = hashChildren(nodes.pop()!, node);
      height += 1;
      onNode?.(height, Math.floor(size / 2 ** height), node);
    }
    nodes.push(node);
    size += 1;
  }
  return { size, nodes };
}

/** MTH of the whole tree: the perfect subtrees folded from the right. */
export function frontierRoot(frontier: Frontier): Hash {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  return frontier.nodes.reduceRight((acc, node) => hashChildren(node, acc));
}

/** The leaf ranges [lo, hi) of the frontier's nodes, left to right. */
export function frontierRanges(size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lo = 0;
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
    if (Math.floor(size / bit) % 2 === 1) {
      ranges.push([lo, lo + bit]);
      lo += bit;
    }
  }
  return ranges;
}
