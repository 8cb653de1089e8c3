import { CompiledQuery, sql, type Selectable } from 'kysely';
import type { AuditRecord, LeafRow, SeqGap, SequencedAuditRecord, SignedCheckpoint } from '@hoeder/domain/audit';
import { atCommit } from '../pipelined-driver';
import type { AuditEntryTable, Db } from '../schema';

/**
 * Appends entries in one statement, one row each, whatever their number: the values travel as one
 * array per column (so no limit on bind parameters) and the sequence numbers the rows. No row is
 * locked that another transaction needs, so audited transactions run side by side.
 */
export async function insertAuditEntries(db: Db, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  // The common case, one entry per access, as a plain row: cheaper for the server to plan than unnest.
  if (records.length === 1) return void (await db.executeQuery(insertAuditEntryQuery(records[0]!)));
  const columns: unknown[][] = Array.from({ length: 12 }, () => new Array<unknown>(records.length));
  records.forEach((r, i) => entryValues(r).forEach((v, c) => (columns[c]![i] = v)));
  await db.executeQuery(CompiledQuery.raw(INSERT_ENTRIES, columns));
}

/**
 * Many entries as a fixed text (the group commit's statement, ADR 0038/0047): prepared once per
 * connection, no query builder per batch.
 */
const INSERT_ENTRIES = `INSERT INTO audit_entry (occurred_at, trace_id, operation, status, user_id, user_organisation, user_role,
  processing_activity, object_type, object_id, data_subject_id, details)
  SELECT o, t, op, st, u, uo, ur, pa, ot, oi, ds, d::jsonb
  FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::text[], $12::text[])
    WITH ORDINALITY AS v(o, t, op, st, u, uo, ur, pa, ot, oi, ds, d, n)
  ORDER BY n`;

/**
 * The entry that closes an access, sent with the transaction's COMMIT (one round trip on
 * PostgreSQL, ADR 0036). Its failure fails the COMMIT, so the access and its entry still commit
 * together or not at all; outside a transaction it is an ordinary insert.
 */
export async function insertAuditEntryAtCommit(db: Db, record: AuditRecord): Promise<void> {
  await db.executeQuery(atCommit(insertAuditEntryQuery(record)));
}

/** One entry as a fixed text: every audited request runs it, so no query builder per request (ADR 0038). */
const INSERT_ENTRY = `INSERT INTO audit_entry (occurred_at, trace_id, operation, status, user_id, user_organisation, user_role,
  processing_activity, object_type, object_id, data_subject_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

const insertAuditEntryQuery = (r: AuditRecord) => CompiledQuery.raw(INSERT_ENTRY, entryValues(r));

/** An entry's values in the column order of both insert texts. */
const entryValues = (r: AuditRecord): unknown[] => [
  r.occurredAt,
  r.traceId,
  r.operation,
  r.status,
  r.userId,
  r.userOrganisation,
  r.userRole,
  r.processingActivity,
  r.objectType,
  r.objectId,
  r.dataSubjectId,
  JSON.stringify(r.details),
];

export type AuditRow = Selectable<AuditEntryTable>;

export function toRecord(r: Omit<AuditRow, 'prev_hash' | 'hash'>): SequencedAuditRecord {
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

export const ENTRY_COLUMNS = [
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
  openGaps: SeqGap[];
}

function toCheckpoint(r: {
  tree_size: number | string;
  root_hash: string;
  frontier: string[];
  sealed_through_seq: number | string;
  open_gaps: SeqGap[];
  signed_at: Date | string;
  key_id: string;
  signature: string;
}): StoredCheckpoint {
  return {
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    frontier: r.frontier,
    sealedThroughSeq: Number(r.sealed_through_seq),
    openGaps: r.open_gaps,
    signedAt: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    signature: r.signature,
  };
}

export async function latestAuditCheckpoint(db: Db): Promise<StoredCheckpoint | null> {
  const row = await db.selectFrom('audit_checkpoint').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

export async function listAuditCheckpoints(db: Db, fromSize = 0, limit = 10_000): Promise<StoredCheckpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().where('tree_size', '>', fromSize).orderBy('tree_size').limit(limit).execute();
  return rows.map(toCheckpoint);
}

/** Committed entries above `afterSeq`, in seq order: the new part of the log, by an index range scan. */
export async function listAuditEntriesAfter(db: Db, afterSeq: number, limit: number): Promise<SequencedAuditRecord[]> {
  if (limit <= 0) return [];
  const rows = await db.selectFrom('audit_entry').select(ENTRY_COLUMNS).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toRecord);
}

/** Committed entries inside the open gaps that are no leaf yet: entries whose transaction committed late. */
export async function listAuditEntriesInGaps(db: Db, gaps: readonly SeqGap[], limit: number): Promise<SequencedAuditRecord[]> {
  if (gaps.length === 0 || limit <= 0) return [];
  // One index range scan per gap; the log itself is never scanned. The LATERAL subquery makes the
  // range scan the plan: as a plain join PostgreSQL walked the whole primary key in parallel,
  // anti-joined against every leaf (0.6–0.8 s and both cores of the benchmark's machine, on every
  // seal with an open gap; ADR 0043).
  const { rows } = await sql<Omit<AuditRow, 'prev_hash' | 'hash'>>`
    SELECT ${sql.join(ENTRY_COLUMNS.map((c) => sql.ref(`e.${c}`)))}
    FROM unnest(${gaps.map((g) => g.lo)}::bigint[], ${gaps.map((g) => g.hi)}::bigint[]) AS g(lo, hi)
    CROSS JOIN LATERAL (
      SELECT ${sql.join(ENTRY_COLUMNS.map((c) => sql.ref(`x.${c}`)))} FROM audit_entry x
      WHERE x.seq BETWEEN g.lo AND g.hi AND NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.entry_seq = x.seq)
      ORDER BY x.seq
      LIMIT ${limit}
    ) e
    ORDER BY e.seq
    LIMIT ${limit}
  `.execute(db);
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
  await sql`
    INSERT INTO audit_leaf (leaf_index, entry_seq, leaf_hash)
    SELECT * FROM unnest(${leaves.map((l) => l.leafIndex)}::bigint[], ${leaves.map((l) => l.entrySeq)}::bigint[], ${leaves.map((l) => l.leafHash)}::text[])
  `.execute(db);
  await db
    .insertInto('audit_checkpoint')
    .values({
      tree_size: checkpoint.treeSize,
      root_hash: checkpoint.rootHash,
      frontier: JSON.stringify(checkpoint.frontier),
      sealed_through_seq: checkpoint.sealedThroughSeq,
      open_gaps: JSON.stringify(checkpoint.openGaps),
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
