import { createHash } from 'node:crypto';

/**
 * One entry of the processing log. Field names follow the Logboek Dataverwerkingen standard
 * (trace id, operation name, status, processing activity, data subject) plus who acted.
 */
export interface AuditRecord {
  occurredAt: string;
  traceId: string;
  operation: string;
  status: 'ok' | 'denied' | 'error';
  userId: string | null;
  userOrganisation: string | null;
  userRole: string | null;
  processingActivity: string;
  objectType: string;
  objectId: string | null;
  dataSubjectId: string | null;
  details: Record<string, unknown>;
}

export interface ChainedAuditRecord extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export { canonicalJson } from './canonical-json';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain of ADR 0007: entries written before migration 0005 carry it (prev_hash, hash)
 * and it can still be checked with `verifyAuditChain`; the Merkle tree (merkle.ts, ADR 0012)
 * protects all entries, those included.
 */
export function auditEntryHash(seq: number, prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update(String(seq)).update(canonicalJson(record)).digest('hex');
}

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; firstBadSeq: number; reason: 'hash_mismatch' | 'broken_link' | 'gap_in_sequence' };

/** Walks the chain in sequence order and names the first entry that does not fit. */
export function verifyAuditChain(entries: readonly ChainedAuditRecord[], startSeq = 1, startHash = GENESIS_HASH): ChainVerdict {
  let prevHash = startHash;
  let expectedSeq = startSeq;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { ok: false, firstBadSeq: expectedSeq, reason: 'gap_in_sequence' };
    if (e.prevHash !== prevHash) return { ok: false, firstBadSeq: e.seq, reason: 'broken_link' };
    const { seq, prevHash: p, hash, ...record } = e;
    if (auditEntryHash(seq, p, record) !== hash) return { ok: false, firstBadSeq: e.seq, reason: 'hash_mismatch' };
    prevHash = hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: entries.length, headHash: prevHash };
}
