import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The inspectorate's review of a break-glass grant (issue 13): one review per grant, with
 * the finding, who reviewed and when; never changed afterwards (the app role may only insert).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE break_glass_review (
      grant_id uuid PRIMARY KEY REFERENCES break_glass_grant(grant_id),
      reviewed_by uuid NOT NULL REFERENCES app_user(user_id),
      reviewed_at timestamptz NOT NULL,
      finding text NOT NULL
    );
    GRANT SELECT, INSERT ON break_glass_review TO hoeder_app;
  `.execute(db);
}
