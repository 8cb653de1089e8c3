import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Per-account login back-off (ADR 0013): failed password attempts per account key, kept in
 * the database so every instance refuses the same account for the same time. The key is an HMAC of
 * the normalised username, so the table holds no typed usernames (which may be mistyped passwords).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_backoff (
      account_key text PRIMARY KEY,
      failures integer NOT NULL CHECK (failures > 0),
      last_failure_at timestamptz NOT NULL,
      blocked_until timestamptz
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON login_backoff TO hoeder_app;
  `.execute(db);
}
