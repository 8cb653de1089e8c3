import { sql, type Kysely } from 'kysely';

/** Frozen. Break-glass grants: temporary, justified read access outside the case team. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE break_glass_grant (
      grant_id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES case_summary(case_id),
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      justification text NOT NULL,
      granted_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      CHECK (expires_at > granted_at)
    );
    CREATE INDEX break_glass_grant_user ON break_glass_grant(user_id, case_id);
    GRANT SELECT, INSERT ON break_glass_grant TO hoeder_app;
  `.execute(db);
}
