import { sql, type Kysely } from 'kysely';

/**
 * Issue 13 (ADR 0033): the inspectorate's audit search must stay fast with a million entries. Each
 * search filter gets an index that also gives the viewer's order (newest first, by seq), so a page
 * is read from the index instead of sorting every match: actor, operation and purpose with seq;
 * the case as object (the data subject already has `audit_entry_subject`); the period by time.
 * Only indexes: the app role's rights are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_entry_user_seq ON audit_entry (user_id, seq);
    CREATE INDEX audit_entry_operation_seq ON audit_entry (operation, seq);
    CREATE INDEX audit_entry_purpose_seq ON audit_entry (processing_activity, seq);
    CREATE INDEX audit_entry_object ON audit_entry (object_id);
    CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);
  `.execute(db);
}
