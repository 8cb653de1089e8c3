import { sql, type Kysely } from 'kysely';

/**
 * Frozen. An audit entry's details stay in its row up to a page (ADR 0048): a list's entry names
 * every case it served (80 ids, ~3.2 kB of jsonb), which passed PostgreSQL's default threshold
 * for moving a value out of line (~2 kB). Each such entry then cost a compression attempt that
 * failed (random ids do not compress) and two more inserts, into the TOAST table and its index.
 * With the threshold at its maximum only entries that would not fit a page are toasted. Storage
 * only: the rows, their hashes and the app role's rights are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_entry SET (toast_tuple_target = 8160)`.execute(db);
}
