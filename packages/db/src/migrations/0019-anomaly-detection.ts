import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Issue 13, ADR 0026: access anomaly detection.
 * - `canary_case`: the synthetic cases no real work touches; any read of one alerts. The app role
 *   reads the list (the rules and the statistics need it) and adds to it (the demo seed).
 * - `anomaly_cursor`: one row — how far the rules have read the sealed audit log (leaf index),
 *   under which rule set, and the rules' bounded memory (per-user counters) as JSON.
 * - `anomaly_alert`: alerts for the inspectorate and the security officer; at most one open
 *   alert per dedupe key (further reads add to it); closed once, with a finding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE canary_case (
      case_id uuid PRIMARY KEY,
      -- The account without a login that registered the decoy; its own entries are not judged.
      keeper_id uuid NOT NULL REFERENCES app_user(user_id),
      created_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON canary_case TO hoeder_app;

    CREATE TABLE anomaly_cursor (
      cursor_id smallint PRIMARY KEY CHECK (cursor_id = 1),
      next_leaf bigint NOT NULL,
      rule_version text NOT NULL,
      state jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON anomaly_cursor TO hoeder_app;
    GRANT UPDATE (next_leaf, rule_version, state, updated_at) ON anomaly_cursor TO hoeder_app;

    CREATE TABLE anomaly_alert (
      alert_id uuid PRIMARY KEY,
      rule_id text NOT NULL,
      rule_version text NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      dedupe_key text NOT NULL,
      first_seq bigint NOT NULL,
      last_seq bigint NOT NULL,
      occurred_at timestamptz NOT NULL,
      raised_at timestamptz NOT NULL,
      case_ids text[] NOT NULL,
      observed integer NOT NULL,
      threshold integer NOT NULL,
      hits integer NOT NULL DEFAULT 1,
      closed_at timestamptz,
      closed_by uuid REFERENCES app_user(user_id),
      finding text,
      CHECK ((closed_at IS NULL) = (finding IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL))
    );
    CREATE UNIQUE INDEX anomaly_alert_open ON anomaly_alert(dedupe_key) WHERE closed_at IS NULL;
    CREATE INDEX anomaly_alert_raised ON anomaly_alert(raised_at DESC);
    GRANT SELECT, INSERT ON anomaly_alert TO hoeder_app;
    GRANT UPDATE (last_seq, hits, case_ids, closed_at, closed_by, finding) ON anomaly_alert TO hoeder_app;
  `.execute(db);
}
