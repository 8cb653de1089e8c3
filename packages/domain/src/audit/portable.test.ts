import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditLeafData, auditLeafHash, checkpointNote, toHex, type SequencedAuditRecord } from './checkpoint';
import { inclusionProof, rootOf, subtreesOf } from './merkle';
import { checkpointNoteText, leafBytes, rootFromPath } from './portable';

const sha256 = async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', data));

const entry = (seq: number): SequencedAuditRecord => ({
  seq,
  occurredAt: '2026-03-02T09:00:00.000Z',
  traceId: `t-${seq}`,
  operation: 'case.view',
  status: 'ok',
  userId: null,
  userOrganisation: 'NCTV',
  userRole: 'decision_maker',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: `c-${seq}`,
  dataSubjectId: null,
  details: { sections: ['summary'], n: seq },
});

describe("the browser's proof check (portable.ts) agrees with the server's tree", () => {
  it('leaf bytes and checkpoint text are the same as the signer’s', () => {
    expect(leafBytes(entry(7) as never)).toEqual(new Uint8Array(auditLeafData(entry(7))));
    const body = { treeSize: 12, rootHash: 'ab'.repeat(32), signedAt: '2026-03-02T09:00:00.000Z' };
    expect(checkpointNoteText(body)).toBe(checkpointNote(body));
  });

  it('the path of every leaf leads to the root; a changed entry or path does not (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.nat(), async (size, pick) => {
        const entries = Array.from({ length: size }, (_, i) => entry(i + 1));
        const leaves = entries.map(auditLeafHash);
        const root = toHex(rootOf(leaves));
        const index = pick % size;
        const proof = inclusionProof(index, size, subtreesOf(leaves)).map(toHex);
        expect(await rootFromPath(sha256, entries[index] as never, index, size, proof)).toBe(root);
        expect(await rootFromPath(sha256, { ...entries[index]!, operation: 'case.list' } as never, index, size, proof)).not.toBe(root);
        if (proof.length > 0) {
          expect(await rootFromPath(sha256, entries[index] as never, index, size, proof.slice(1))).not.toBe(root);
          expect(await rootFromPath(sha256, entries[index] as never, index, size, [...proof, proof[0]!])).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});
