import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The DAF record of a case: an append-only event stream (ADR 0008), guarded like
 * case_event by UNIQUE (case_id, version), plus a small read model projected in the same
 * transaction. The application role may only append to and read the stream.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assessment_event (
      event_id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES case_summary(case_id),
      version integer NOT NULL CHECK (version >= 1),
      type text NOT NULL,
      payload jsonb NOT NULL,
      actor_id uuid NOT NULL REFERENCES app_user(user_id),
      actor_role text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      trace_id text NOT NULL,
      UNIQUE (case_id, version)
    );
    CREATE TABLE assessment_summary (
      case_id uuid PRIMARY KEY REFERENCES case_summary(case_id),
      version integer NOT NULL,
      classification text NOT NULL,
      final_version integer,
      valid_until date,
      open_version integer,
      open_status text,
      updated_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON assessment_event TO hoeder_app;
    GRANT SELECT, INSERT, UPDATE ON assessment_summary TO hoeder_app;
    GRANT USAGE ON SEQUENCE assessment_event_event_id_seq TO hoeder_app;
  `.execute(db);
}
