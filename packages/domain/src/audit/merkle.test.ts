import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FRONTIER,
  EMPTY_ROOT,
  appendLeaves,
  consistencyProof,
  frontierRanges,
  frontierRoot,
  hashLeaf,
  inclusionProof,
  rootOf,
  subtreesOf,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle';

// ----- External vectors (transparency-dev/merkle testdata; see /work/shared/vectors/README.md) ----

const VECTORS = new URL('../../../../../shared/vectors/merkle/', import.meta.url).pathname;
const b64 = (s: string): Hash => new Uint8Array(Buffer.from(s, 'base64'));
const load = <T>(dir: string) =>
  readdirSync(join(VECTORS, dir))
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, v: JSON.parse(readFileSync(join(VECTORS, dir, file), 'utf8')) as T }));

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

describe('RFC 9162 proofs against the transparency-dev vectors', () => {
  const inclusion = load<InclusionVector>('inclusion');
  const consistency = load<ConsistencyVector>('consistency');

  it('has the vector files (23 inclusion, 35 consistency), good and bad ones', () => {
    expect(inclusion.length).toBe(23);
    expect(consistency.length).toBe(35);
    expect(inclusion.some((x) => x.v.wantErr) && inclusion.some((x) => !x.v.wantErr)).toBe(true);
    expect(consistency.some((x) => x.v.wantErr) && consistency.some((x) => !x.v.wantErr)).toBe(true);
  });

  it.each(inclusion)('inclusion $file', ({ v }) => {
    expect(verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root))).toBe(!v.wantErr);
  });

  it.each(consistency)('consistency $file', ({ v }) => {
    expect(verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), (v.proof ?? []).map(b64))).toBe(!v.wantErr);
  });
});

// ----- Our tree ----------------------------------------------------------------------------------

const leaves = (n: number, salt = 0): Hash[] => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`entry ${salt}/${i}`)));

describe('the tree', () => {
  it('has the RFC 9162 empty root and single-leaf root', () => {
    expect(Buffer.from(EMPTY_ROOT).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const [l] = leaves(1);
    expect(rootOf([l!])).toEqual(l);
  });

  it('builds the RFC 6962 reference tree of the vectors: same roots and the same consistency proof', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'].map((h) => hashLeaf(Buffer.from(h, 'hex')));
    const happy = load<ConsistencyVector>('consistency').find((x) => x.file === 'happy-path.json')!.v;
    expect(rootOf(data.slice(0, 6))).toEqual(b64(happy.root1));
    expect(rootOf(data)).toEqual(b64(happy.root2));
    expect(consistencyProof(6, 7, subtreesOf(data))).toEqual(happy.proof!.map(b64));
    const incl = load<InclusionVector>('inclusion').find((x) => x.file === 'happy-path.json')!.v;
    expect(inclusionProof(incl.leafIdx, incl.treeSize, subtreesOf(data.slice(0, incl.treeSize)))).toEqual(incl.proof!.map(b64));
  });

  it('the frontier gives the same root as the recursive definition, appended in any batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }), (batches) => {
        const all = leaves(batches.reduce((a, b) => a + b, 0));
        let f = EMPTY_FRONTIER;
        let at = 0;
        for (const b of batches) {
          f = appendLeaves(f, all.slice(at, at + b));
          at += b;
          expect(frontierRoot(f)).toEqual(rootOf(all.slice(0, at)));
          expect(frontierRanges(f.size).map(([lo, hi]) => rootOf(all, lo, hi))).toEqual(f.nodes);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** A proof with one element's bit flipped, one element dropped, or one added. */
const mutation = fc.record({ kind: fc.constantFrom('flip', 'drop', 'add'), at: fc.nat(), bit: fc.integer({ min: 0, max: 255 }) });
function mutate(proof: readonly Hash[], m: { kind: string; at: number; bit: number }): Hash[] | null {
  const out = proof.map((h) => new Uint8Array(h));
  if (m.kind === 'add') return [...out.slice(0, m.at % (out.length + 1)), hashLeaf(Buffer.from('x')), ...out.slice(m.at % (out.length + 1))];
  if (out.length === 0) return null;
  const i = m.at % out.length;
  if (m.kind === 'drop') return out.filter((_, j) => j !== i);
  const h = out[i]!;
  h[m.bit % 32] = h[m.bit % 32]! ^ (1 << m.bit % 8);
  return out;
}

describe('proofs of our tree (properties)', () => {
  const sizeAndIndex = fc.integer({ min: 1, max: 70 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));
  const sizes = fc.integer({ min: 1, max: 70 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

  it('every inclusion proof verifies; a mutated proof, another leaf or another index does not', () => {
    fc.assert(
      fc.property(sizeAndIndex, mutation, ([n, i], m) => {
        const tree = leaves(n);
        const root = rootOf(tree);
        const proof = inclusionProof(i, n, subtreesOf(tree));
        expect(verifyInclusion(i, n, tree[i]!, proof, root)).toBe(true);
        expect(verifyInclusion(i, n, hashLeaf(Buffer.from('other')), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, tree[i]!, proof, root)).toBe(false);
        const bad = mutate(proof, m);
        if (bad) expect(verifyInclusion(i, n, tree[i]!, bad, root)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('every consistency proof verifies; a mutated proof or a rewritten old tree does not', () => {
    fc.assert(
      fc.property(sizes, mutation, fc.nat(), ([m, n], mut, pick) => {
        const tree = leaves(n);
        const proof = consistencyProof(m, n, subtreesOf(tree));
        const root1 = rootOf(tree.slice(0, m));
        expect(verifyConsistency(m, n, root1, rootOf(tree), proof)).toBe(true);
        const bad = mutate(proof, mut);
        if (bad && m < n) expect(verifyConsistency(m, n, root1, rootOf(tree), bad)).toBe(false);
        // The new tree rewrote one of the old leaves: no proof from it can convince.
        const forged = [...tree];
        forged[pick % m] = hashLeaf(Buffer.from('forged'));
        expect(verifyConsistency(m, n, root1, rootOf(forged), consistencyProof(m, n, subtreesOf(forged)))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
