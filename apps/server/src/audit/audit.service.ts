import { auditEntryHash, verifyAuditChain, type AuditRecord, type ChainVerdict } from '@hoeder/domain/audit';
import { claimAuditHead, insertAuditEntry, listAuditEntries, readAuditHead, type Db } from '@hoeder/db';
import { actingRole, type RequestContext } from '../platform/actor';
import type { AccessSubject } from '@hoeder/domain';

/** What a caller states about one access; the service adds who, when and the chain. */
export interface AuditEvent {
  operation: string;
  status: AuditRecord['status'];
  processingActivity: string;
  objectType: string;
  objectId?: string | null | undefined;
  dataSubjectId?: string | null | undefined;
  /** Identifiers and codes only: never personal data. */
  details?: Record<string, unknown> | undefined;
}

export interface AuditService {
  /** Appends in the caller's transaction, so the access and its log entry commit together. */
  record(trx: Db, ctx: RequestContext, actor: (AccessSubject & { userId: string }) | null, event: AuditEvent): Promise<void>;
  verify(db: Db): Promise<ChainVerdict>;
}

export function createAuditService(): AuditService {
  return {
    async record(trx, ctx, actor, event) {
      const record: AuditRecord = {
        occurredAt: ctx.now.toISOString(),
        traceId: ctx.traceId,
        operation: event.operation,
        status: event.status,
        userId: actor?.userId ?? null,
        userOrganisation: actor?.organisation ?? null,
        userRole: actor ? actingRole(actor) : null,
        processingActivity: event.processingActivity,
        objectType: event.objectType,
        objectId: event.objectId ?? null,
        dataSubjectId: event.dataSubjectId ?? null,
        details: event.details ?? {},
      };
      const { seq, prevHash } = await claimAuditHead(trx);
      await insertAuditEntry(trx, { ...record, seq, prevHash, hash: auditEntryHash(seq, prevHash, record) });
    },
    async verify(db) {
      return verifyAllPages(db);
    },
  };
}

const PAGE = 5000;

/** Verifies page by page, carrying the chain across pages, so memory stays flat. */
async function verifyAllPages(db: Db): Promise<ChainVerdict> {
  let from = 1;
  let count = 0;
  let head = '0'.repeat(64);
  for (;;) {
    const page = await listAuditEntries(db, from, PAGE);
    if (page.length === 0) return checkHead(db, count, head);
    const verdict = verifyAuditChain(page, from, head);
    if (!verdict.ok) return verdict;
    count += page.length;
    head = verdict.headHash;
    from += page.length;
  }
}

/** Entries removed from the end leave the chain intact but fall short of the recorded head. */
async function checkHead(db: Db, count: number, head: string): Promise<ChainVerdict> {
  const recorded = await readAuditHead(db);
  if (recorded.seq !== count) return { ok: false, firstBadSeq: count + 1, reason: 'gap_in_sequence' };
  if (recorded.hash !== head) return { ok: false, firstBadSeq: count, reason: 'hash_mismatch' };
  return { ok: true, entries: count, headHash: head };
}
