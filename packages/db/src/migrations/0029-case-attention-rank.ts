import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The overview's default order at scale (issue 13, ADR 0039): the phase's "needs action
 * first" rank stored on the read model, written by the projection from the domain's table
 * (PHASE_ATTENTION), with an index that gives the whole default order — rank, review date (due
 * reviews are the head of the active-measures rank), last change newest first, case id — so the
 * first page is read from the index and need-to-know is checked on the candidates only.
 * Existing rows are ranked here with the table as it stands today (the projection keeps it after).
 * The search by part of a reference or a name (`lower(…) LIKE '%…%'`) gets trigram indexes
 * (pg_trgm, a trusted extension since PostgreSQL 13: the database owner may create it; PGlite loads
 * it at start). Only a column, an extension and indexes: the app role's rights are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE case_summary ADD COLUMN attention_rank smallint;
    UPDATE case_summary SET attention_rank = CASE phase
      WHEN 'decision_pending_approval' THEN 1
      WHEN 'registered' THEN 2
      WHEN 'assessed' THEN 2
      WHEN 'in_assessment' THEN 3
      WHEN 'measures_active' THEN 4
      WHEN 'handed_off' THEN 5
      WHEN 'closed_advice' THEN 5
      WHEN 'ended' THEN 6
      ELSE 6 END;
    ALTER TABLE case_summary ALTER COLUMN attention_rank SET NOT NULL;
    CREATE INDEX case_summary_attention ON case_summary (attention_rank, review_date, updated_at DESC, case_id);
    CREATE INDEX case_summary_updated ON case_summary (updated_at, case_id);
    CREATE INDEX case_summary_registered ON case_summary (registered_at, case_id);
    CREATE INDEX case_summary_review ON case_summary (review_date, case_id);
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX case_summary_reference_trgm ON case_summary USING gin (lower(reference) gin_trgm_ops);
    CREATE INDEX person_name_trgm ON person USING gin (lower(full_name) gin_trgm_ops);
  `.execute(db);
}
