import { sql, type Selectable } from 'kysely';
import type { ChainedAuditRecord } from '@hoeder/domain/audit';
import type { AuditEntryTable, Db } from '../schema';

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

/** Takes the next sequence number and the current head hash, locking the head row until commit. */
export async function claimAuditHead(db: Db): Promise<{ seq: number; prevHash: string }> {
  const row = await db
    .updateTable('audit_head')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), prevHash: row.hash };
}

export async function insertAuditEntry(db: Db, e: ChainedAuditRecord): Promise<void> {
  await db
    .insertInto('audit_entry')
    .values({
      seq: e.seq,
      occurred_at: e.occurredAt,
      trace_id: e.traceId,
      operation: e.operation,
      status: e.status,
      user_id: e.userId,
      user_organisation: e.userOrganisation,
      user_role: e.userRole,
      processing_activity: e.processingActivity,
      object_type: e.objectType,
      object_id: e.objectId,
      data_subject_id: e.dataSubjectId,
      details: JSON.stringify(e.details),
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .execute();
  await db.updateTable('audit_head').set({ hash: e.hash }).where('id', '=', 1).execute();
}

type AuditRow = Selectable<AuditEntryTable>;

function toRecord(r: AuditRow): ChainedAuditRecord {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    traceId: r.trace_id,
    operation: r.operation,
    status: r.status as ChainedAuditRecord['status'],
    userId: r.user_id,
    userOrganisation: r.user_organisation,
    userRole: r.user_role,
    processingActivity: r.processing_activity,
    objectType: r.object_type,
    objectId: r.object_id,
    dataSubjectId: r.data_subject_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Reads entries in sequence order, a page at a time, as the verifier needs them. */
export async function listAuditEntries(db: Db, fromSeq: number, limit: number): Promise<ChainedAuditRecord[]> {
  const rows = await db.selectFrom('audit_entry').selectAll().where('seq', '>=', fromSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toRecord);
}

export async function auditEntriesFor(db: Db, dataSubjectId: string): Promise<ChainedAuditRecord[]> {
  const rows = await db.selectFrom('audit_entry').selectAll().where('data_subject_id', '=', dataSubjectId).orderBy('seq').execute();
  return rows.map(toRecord);
}

export async function countAuditEntries(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
