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

const hasToJson = (v: unknown): v is { toJSON: () => unknown } =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** Values JSON leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Deterministic JSON: keys sorted at every level, so the same record always hashes the same.
 * Otherwise as JSON.stringify (toJSON, omitted values), so a record hashes the same before it is
 * stored as JSON and after it is read back.
 */
export function canonicalJson(value: unknown): string {
  if (hasToJson(value)) return canonicalJson(value.toJSON());
  if (value === null || typeof value !== 'object') return JSON.stringify(omitted(value) ? null : value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => !omitted(v))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

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
