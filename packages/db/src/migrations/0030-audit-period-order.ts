import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The audit viewer's search by period at a million entries (issue 13, ADR 0039): a period
 * search is ordered by the time of the access (newest first, seq breaking ties), read backwards
 * from an index on (occurred_at, seq), where newest-by-seq walked the primary key past every newer
 * month. It replaces the index on occurred_at alone (0024), which it covers. Only indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_entry_occurred_seq ON audit_entry (occurred_at, seq);
    DROP INDEX audit_entry_occurred;
  `.execute(db);
}
