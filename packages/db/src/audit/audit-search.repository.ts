import type { SequencedAuditRecord } from '@hoeder/domain/audit';
import { sql, type RawBuilder } from 'kysely';
import { literalRows } from '../pipelined-driver';
import type { Db } from '../schema';
import { ENTRY_COLUMNS, toRecord, type AuditRow } from './audit.repository';

export interface AuditSearch {
  /** Entries about this case: as data subject or as the object. */
  caseId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  operation?: string | undefined;
  purpose?: string | undefined;
  offset: number;
  limit: number;
}

export type AuditSearchRow = SequencedAuditRecord & { leafIndex: number | null };

/**
 * Matches are counted up to this many (ADR 0033; 1,000 since ADR 0039, was 10,000): an exact count
 * of a broad search ("every case view this year") reads hundreds of thousands of index entries on
 * every page, where the inspector needs to know only that there are more than anyone pages through.
 */
export const AUDIT_COUNT_LIMIT = 1000;

/** An equality filter's value as given, or wrapped (with its SQL type) so the planner does not look at it. */
type Value = (v: string, type: 'uuid' | 'text') => string | RawBuilder<string>;
const asGiven: Value = (v) => v;
const unseen: Value = (v, type) => sql<string>`(SELECT ${v}::${sql.raw(type)})`;

/** The search's filters on `audit_entry as e`. */
function filtered(db: Db, s: AuditSearch, value: Value) {
  let query = db.selectFrom('audit_entry as e');
  if (s.caseId) query = query.where((eb) => eb.or([eb('e.data_subject_id', '=', s.caseId!), eb('e.object_id', '=', s.caseId!)]));
  if (s.actorId) query = query.where('e.user_id', '=', value(s.actorId, 'uuid'));
  if (s.from) query = query.where('e.occurred_at', '>=', new Date(s.from));
  if (s.to) query = query.where('e.occurred_at', '<=', new Date(s.to));
  if (s.operation) query = query.where('e.operation', '=', value(s.operation, 'text'));
  if (s.purpose) query = query.where('e.processing_activity', '=', value(s.purpose, 'text'));
  return query;
}

/**
 * The inspectorate's search of the audit log, newest first (by seq; within a period by time, then
 * seq), with each entry's leaf when sealed.
 * Entries hold identifiers and codes only (ADR 0007), so this takes no case grant; the service
 * restricts it to oversight.
 */
export async function searchAuditEntries(db: Db, s: AuditSearch): Promise<{ rows: AuditSearchRow[]; total: number; totalCapped: boolean }> {
  const byTime = Boolean(s.from || s.to);
  const query = filtered(db, s, asGiven);
  // A period is counted along (occurred_at, seq) (ADR 0043): unordered, PostgreSQL counted it by a
  // sequential scan that stops at the cap — fast when the scan happened to start inside the period,
  // 0.1–0.7 s when (synchronised scans start where the last one was) it read ~750,000 other rows first.
  // Actor, operation and purpose are counted newest first (ADR 0045): along their (filter, seq)
  // index, the same pages the page is read from, where unordered it was a sequential scan too.
  const ordered = byTime ? query.orderBy('e.occurred_at') : s.caseId ? query : query.orderBy('e.seq', 'desc');
  const capped = ordered.select(sql<number>`1`.as('one')).limit(literalRows(AUDIT_COUNT_LIMIT + 1)).as('m');
  const counted = db.selectFrom(capped).select((eb) => eb.fn.countAll<string>().as('n'));
  // The page's entries chosen by seq alone first (ADR 0039): that narrow query is answered from the
  // filter's own (filter, seq) index without visiting the table. A period is read backwards along
  // (occurred_at, seq): newest by seq walked past every later month. The filter values are handed
  // over as sub-selects (ADR 0045), so the plan does not depend on how common the value is: for a
  // common one ("every case view") PostgreSQL walked the primary key backwards with a filter,
  // expecting a match every few entries, and read past every newer entry of other operations.
  let keys = filtered(db, s, unseen).select('e.seq');
  if (byTime) keys = keys.orderBy('e.occurred_at', 'desc');
  keys = keys.orderBy('e.seq', 'desc').offset(literalRows(s.offset)).limit(literalRows(s.limit));
  let page = db
    .selectFrom('audit_entry as e')
    .leftJoin('audit_leaf as l', 'l.entry_seq', 'e.seq')
    .select([...ENTRY_COLUMNS.map((c) => `e.${c}` as const), 'l.leaf_index'])
    // The capped count rides along with the page: one statement (ADR 0039).
    .select(() => counted.as('matches'))
    .where('e.seq', 'in', keys);
  if (byTime) page = page.orderBy('e.occurred_at', 'desc');
  const rows = await page.orderBy('e.seq', 'desc').execute();
  // No row to carry the count (nothing matches, or a page past the end): count on its own.
  const n = rows.length > 0 ? Number(rows[0]!.matches) : Number((await counted.executeTakeFirstOrThrow()).n);
  const totalCapped = n > AUDIT_COUNT_LIMIT;
  const total = Math.min(n, AUDIT_COUNT_LIMIT);
  return { rows: rows.map((r) => ({ ...toRecord(r as unknown as Omit<AuditRow, 'prev_hash' | 'hash'>), leafIndex: r.leaf_index === null ? null : Number(r.leaf_index) })), total, totalCapped };
}

/** One entry with its leaf index (null while not sealed), or undefined when there is no such entry. */
export async function findAuditEntry(db: Db, seq: number): Promise<AuditSearchRow | undefined> {
  const row = await db
    .selectFrom('audit_entry as e')
    .leftJoin('audit_leaf as l', 'l.entry_seq', 'e.seq')
    .select([...ENTRY_COLUMNS.map((c) => `e.${c}` as const), 'l.leaf_index'])
    .where('e.seq', '=', seq)
    .executeTakeFirst();
  return row && { ...toRecord(row as unknown as Omit<AuditRow, 'prev_hash' | 'hash'>), leafIndex: row.leaf_index === null ? null : Number(row.leaf_index) };
}

/** The leaf hashes (hex) of leaves [from, to) in tree order: what an audit path is computed from. */
export async function listLeafHashes(db: Db, from: number, to: number): Promise<string[]> {
  const rows = await db.selectFrom('audit_leaf').select('leaf_hash').where('leaf_index', '>=', from).where('leaf_index', '<', to).orderBy('leaf_index').execute();
  return rows.map((r) => r.leaf_hash);
}
