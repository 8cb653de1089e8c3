import { sql, type Selectable } from 'kysely';
import type { AuditRecord, LeafRow, SequencedAuditRecord, SignedCheckpoint } from '@hoeder/domain/audit';
import type { AuditEntryTable, Db } from '../schema';

/**
 * Appends entries in one statement, one row each; the sequence numbers them. No row is locked
 * that another transaction needs, so audited transactions run side by side.
 */
export async function insertAuditEntries(db: Db, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('audit_entry')
    .values(
      records.map((e) => ({
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
      })),
    )
    .execute();
}

type AuditRow = Selectable<AuditEntryTable>;

function toRecord(r: Omit<AuditRow, 'prev_hash' | 'hash'>): SequencedAuditRecord {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    traceId: r.trace_id,
    operation: r.operation,
    status: r.status as SequencedAuditRecord['status'],
    userId: r.user_id,
    userOrganisation: r.user_organisation,
    userRole: r.user_role,
    processingActivity: r.processing_activity,
    objectType: r.object_type,
    objectId: r.object_id,
    dataSubjectId: r.data_subject_id,
    details: r.details,
  };
}

const ENTRY_COLUMNS = [
  'seq',
  'occurred_at',
  'trace_id',
  'operation',
  'status',
  'user_id',
  'user_organisation',
  'user_role',
  'processing_activity',
  'object_type',
  'object_id',
  'data_subject_id',
  'details',
] as const;

export async function auditEntriesFor(db: Db, dataSubjectId: string): Promise<SequencedAuditRecord[]> {
  const rows = await db.selectFrom('audit_entry').select(ENTRY_COLUMNS).where('data_subject_id', '=', dataSubjectId).orderBy('seq').execute();
  return rows.map(toRecord);
}

export async function countAuditEntries(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ----- The sealer's side -------------------------------------------------------------------------

/** Arbitrary but fixed: the advisory lock that lets one sealer at a time work on a database. */
const SEAL_LOCK = 0x4a0d17;

/** True when this transaction may seal; false when another sealer holds the lock until its commit. */
export async function tryAuditSealLock(trx: Db): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked`.execute(trx);
  return rows[0]?.locked === true;
}

export interface StoredCheckpoint extends SignedCheckpoint {
  frontier: string[];
  sealedThroughSeq: number;
}

function toCheckpoint(r: {
  tree_size: number | string;
  root_hash: string;
  frontier: string[];
  sealed_through_seq: number | string;
  signed_at: Date | string;
  key_id: string;
  signature: string;
}): StoredCheckpoint {
  return {
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    frontier: r.frontier,
    sealedThroughSeq: Number(r.sealed_through_seq),
    signedAt: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    signature: r.signature,
  };
}

export async function latestAuditCheckpoint(db: Db): Promise<StoredCheckpoint | null> {
  const row = await db.selectFrom('audit_checkpoint').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

/** The newest checkpoint signed at or before `at`: the sealer's floor for finding late entries. */
export async function auditCheckpointAsOf(db: Db, at: Date): Promise<StoredCheckpoint | null> {
  const row = await db.selectFrom('audit_checkpoint').selectAll().where('signed_at', '<=', at).orderBy('signed_at', 'desc').orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

export async function listAuditCheckpoints(db: Db, fromSize = 0, limit = 10_000): Promise<StoredCheckpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().where('tree_size', '>', fromSize).orderBy('tree_size').limit(limit).execute();
  return rows.map(toCheckpoint);
}

/**
 * Committed entries above `afterSeq` that are no leaf yet, in seq order. Sequence numbers commit
 * out of order, so an entry below the highest sealed seq can still appear: the floor is chosen
 * below where such late entries can be.
 */
export async function listUnsealedAuditEntries(db: Db, afterSeq: number, limit: number): Promise<SequencedAuditRecord[]> {
  const rows = await db
    .selectFrom('audit_entry as e')
    .select(ENTRY_COLUMNS.map((c) => `e.${c}` as const))
    .where('e.seq', '>', afterSeq)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_leaf as l').select('l.leaf_index').whereRef('l.entry_seq', '=', 'e.seq'))))
    .orderBy('e.seq')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function countUnsealedAuditEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_entry as e')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_leaf as l').select('l.leaf_index').whereRef('l.entry_seq', '=', 'e.seq'))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Leaves and checkpoint in the caller's transaction; the primary keys refuse a second seal of the same place. */
export async function insertAuditSeal(db: Db, leaves: readonly { leafIndex: number; entrySeq: number; leafHash: string }[], checkpoint: StoredCheckpoint): Promise<void> {
  await db
    .insertInto('audit_leaf')
    .values(leaves.map((l) => ({ leaf_index: l.leafIndex, entry_seq: l.entrySeq, leaf_hash: l.leafHash })))
    .execute();
  await db
    .insertInto('audit_checkpoint')
    .values({
      tree_size: checkpoint.treeSize,
      root_hash: checkpoint.rootHash,
      frontier: JSON.stringify(checkpoint.frontier),
      sealed_through_seq: checkpoint.sealedThroughSeq,
      signed_at: checkpoint.signedAt,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .execute();
}

/** Leaves from `fromIndex` in tree order, each with the entry row it names (if that still exists). */
export async function listAuditLeaves(db: Db, fromIndex: number, limit: number): Promise<LeafRow[]> {
  const rows = await db
    .selectFrom('audit_leaf as l')
    .leftJoin('audit_entry as e', 'e.seq', 'l.entry_seq')
    .select(['l.leaf_index', 'l.entry_seq', 'l.leaf_hash', ...ENTRY_COLUMNS.map((c) => `e.${c}` as const)])
    .where('l.leaf_index', '>=', fromIndex)
    .orderBy('l.leaf_index')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    leafIndex: Number(r.leaf_index),
    entrySeq: Number(r.entry_seq),
    leafHash: r.leaf_hash,
    entry: r.seq === null ? null : toRecord(r as Omit<AuditRow, 'prev_hash' | 'hash'>),
  }));
}
