import { sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit a migration that has run anywhere; add a new one.
 * The application runs as role `hoeder_app`, which may read and append audit entries but never
 * change or remove them; a trigger refuses UPDATE and DELETE on the audit table for every role.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      user_id uuid PRIMARY KEY,
      subject text NOT NULL UNIQUE,
      display_name text NOT NULL,
      organisation text NOT NULL,
      roles text[] NOT NULL,
      clearance text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE case_event (
      event_id bigserial PRIMARY KEY,
      case_id uuid NOT NULL,
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
    CREATE TABLE case_summary (
      case_id uuid PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      phase text NOT NULL,
      phenomenon text NOT NULL,
      classification text NOT NULL,
      version integer NOT NULL,
      registered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      review_date date
    );
    CREATE TABLE case_member (
      case_id uuid NOT NULL REFERENCES case_summary(case_id),
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      added_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, user_id)
    );
    CREATE INDEX case_member_user ON case_member(user_id);
    CREATE TABLE audit_entry (
      seq bigint PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      trace_id text NOT NULL,
      operation text NOT NULL,
      status text NOT NULL CHECK (status IN ('ok', 'denied', 'error')),
      user_id uuid,
      user_organisation text,
      user_role text,
      processing_activity text NOT NULL,
      object_type text NOT NULL,
      object_id text,
      data_subject_id text,
      details jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_entry_subject ON audit_entry(data_subject_id);
    CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
    CREATE TABLE auth_session (
      session_id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    CREATE TABLE oidc_payload (
      id text NOT NULL,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      grant_id text,
      uid text,
      user_code text,
      expires_at timestamptz,
      consumed_at timestamptz,
      PRIMARY KEY (kind, id)
    );
    CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
    CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
  `.execute(db);
  await sql`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hoeder_app') THEN CREATE ROLE hoeder_app NOLOGIN; END IF;
    END $$;
    GRANT USAGE ON SCHEMA public TO hoeder_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, case_summary, case_member, auth_session, oidc_payload TO hoeder_app;
    GRANT SELECT, INSERT ON case_event, audit_entry TO hoeder_app;
    GRANT SELECT, UPDATE ON audit_head TO hoeder_app;
    GRANT USAGE ON SEQUENCE case_event_event_id_seq TO hoeder_app;
  `.execute(db);
}
