import { sql, type Kysely } from 'kysely';

/**
 * Issue 12 (ADR 0031): a contact-log correction says why it corrects the entry it names, and an
 * arrangement step records the owner it leaves (employer duties change owner), so the case as of
 * a moment shows who owned a duty then. Both columns are only ever inserted (the grants on both
 * tables already cover new columns; the app role still cannot update or delete a log entry).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE contact_log_entry ADD COLUMN correction_reason text CHECK (length(correction_reason) BETWEEN 1 AND 2000);
    ALTER TABLE contact_log_entry ADD CONSTRAINT contact_log_entry_reason_needs_correction CHECK (correction_reason IS NULL OR corrects_entry_id IS NOT NULL);
    ALTER TABLE case_arrangement_event ADD COLUMN owner text CHECK (length(owner) <= 200);
  `.execute(db);
}
