import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditLeafHash, signCheckpoint, toHex, type SequencedAuditRecord, type SignedCheckpoint } from './checkpoint';
import { rootOf } from './merkle';
import { TreeAudit, type AuditProblem, type LeafRow } from './tree-audit';

const key = generateKeyPairSync('ed25519').privateKey;
const entry = (seq: number): SequencedAuditRecord => ({
  seq,
  occurredAt: new Date(Date.UTC(2026, 2, 2, 9, 0, seq % 60)).toISOString(),
  traceId: `t-${seq}`,
  operation: 'case.view',
  status: 'ok',
  userId: null,
  userOrganisation: 'NCTV',
  userRole: 'case_officer',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: `case-${seq % 3}`,
  dataSubjectId: `case-${seq % 3}`,
  details: { n: seq },
});

/** A sealed log: leaves in seal order (seqs deliberately not in leaf order) and a checkpoint after each batch. */
function sealedLog(batches: number[]): { rows: LeafRow[]; checkpoints: SignedCheckpoint[] } {
  const rows: LeafRow[] = [];
  const checkpoints: SignedCheckpoint[] = [];
  for (const size of batches) {
    for (let i = 0; i < size; i += 1) {
      const leafIndex = rows.length;
      const e = entry(leafIndex * 2 + (leafIndex % 3)); // gaps and out-of-order seqs
      rows.push({ leafIndex, entrySeq: e.seq, leafHash: toHex(auditLeafHash(e)), entry: e });
    }
    const root = rootOf(rows.map((r) => auditLeafHash(r.entry!)));
    checkpoints.push(signCheckpoint({ treeSize: rows.length, rootHash: toHex(root), signedAt: '2026-03-02T09:00:00.000Z' }, key));
  }
  return { rows, checkpoints };
}

function audit(rows: LeafRow[], checkpoints: SignedCheckpoint[], witness: SignedCheckpoint[] = [], pageSize = 3): AuditProblem[] {
  const tree = new TreeAudit(checkpoints, witness, [key]);
  for (let i = 0; i < rows.length; i += pageSize) tree.add(rows.slice(i, i + pageSize));
  return tree.finish();
}

const batches = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 6 });

describe('TreeAudit', () => {
  it('an intact log has no problems, read in pages of any size (property)', () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: 1, max: 20 }), (b, page) => {
        const { rows, checkpoints } = sealedLog(b);
        expect(audit(rows, checkpoints, checkpoints.slice(0, 1), page)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('any changed entry is named (property)', () => {
    fc.assert(
      fc.property(batches, fc.nat(), fc.constantFrom('status', 'userRole', 'details', 'occurredAt'), (b, pick, field) => {
        const { rows, checkpoints } = sealedLog(b);
        const at = pick % rows.length;
        const row = rows[at]!;
        const changed = { ...row.entry!, [field]: field === 'details' ? { n: -1 } : field === 'status' ? 'denied' : field === 'occurredAt' ? '2020-01-01T00:00:00.000Z' : 'x' };
        const tampered = rows.map((r, i) => (i === at ? { ...r, entry: changed } : r));
        expect(audit(tampered, checkpoints)).toContainEqual({ kind: 'entry_altered', leafIndex: at, seq: row.entrySeq });
      }),
      { numRuns: 60 },
    );
  });

  it('any leaf rewritten with its entry (hash recomputed) breaks the signed roots', () => {
    fc.assert(
      fc.property(batches, fc.nat(), (b, pick) => {
        const { rows, checkpoints } = sealedLog(b);
        const at = pick % rows.length;
        const forged = { ...rows[at]!.entry!, status: 'denied' as const };
        const tampered = rows.map((r, i) => (i === at ? { ...r, entry: forged, leafHash: toHex(auditLeafHash(forged)) } : r));
        const kinds = audit(tampered, checkpoints).map((p) => p.kind);
        expect(kinds).toContain('root_mismatch');
      }),
      { numRuns: 60 },
    );
  });

  it('names a cut tail, removed checkpoints, and a rewound head against the witness', () => {
    const { rows, checkpoints } = sealedLog([3, 4, 2]);
    expect(audit(rows.slice(0, 8), checkpoints)).toEqual([{ kind: 'tail_missing', treeSize: 9, leaves: 8 }]);
    expect(audit(rows, checkpoints.slice(0, 2))).toEqual([{ kind: 'unsigned_leaves', leaves: 9, latestCheckpoint: 7 }]);
    expect(audit(rows.slice(0, 7), checkpoints.slice(0, 2))).toEqual([]);
    expect(audit(rows.slice(0, 7), checkpoints.slice(0, 2), checkpoints)).toEqual([{ kind: 'rewound', witnessSize: 9, latestCheckpoint: 7 }]);
  });

  it('a witness checkpoint from another history does not fit', () => {
    const { rows, checkpoints } = sealedLog([3, 4]);
    const other = sealedLog([5]).checkpoints[0]!;
    const other3 = signCheckpoint({ treeSize: 3, rootHash: other.rootHash, signedAt: other.signedAt }, key);
    const kinds = audit(rows, checkpoints, [other3]).map((p) => p.kind);
    expect(kinds).toEqual(['root_mismatch', 'inconsistent', 'inconsistent']);
  });

  it('a removed leaf row is named once, not as a cascade', () => {
    const { rows, checkpoints } = sealedLog([3, 4]);
    expect(audit([...rows.slice(0, 2), ...rows.slice(3)], checkpoints)).toEqual([{ kind: 'leaf_missing', leafIndex: 2 }]);
  });

  it('checks signatures with trusted keys only', () => {
    const { rows, checkpoints } = sealedLog([2, 2]);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const resigned = checkpoints.map((c) => signCheckpoint(c, stranger));
    expect(audit(rows, resigned)).toEqual([
      { kind: 'unknown_key', source: 'database', treeSize: 2 },
      { kind: 'unknown_key', source: 'database', treeSize: 4 },
    ]);
    const tampered = [{ ...checkpoints[0]!, signedAt: '2027-01-01T00:00:00.000Z' }, checkpoints[1]!];
    expect(audit(rows, tampered)).toEqual([{ kind: 'bad_signature', source: 'database', treeSize: 2 }]);
  });
});
