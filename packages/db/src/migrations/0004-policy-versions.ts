import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Package policy versions (DMN XML) with effective date and status, and their append-only
 * history. A published version never changes (trigger, for every role); publishing needs a
 * second functional administrator (check constraints back the service's four-eyes rule).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_version (
      version text PRIMARY KEY CHECK (version ~ '^[0-9]{4}\\.[0-9]{1,3}$'),
      effective_from date NOT NULL,
      summary text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'submitted', 'published')),
      dmn_xml text NOT NULL,
      revision integer NOT NULL CHECK (revision >= 1),
      origin text NOT NULL CHECK (origin IN ('shipped', 'authored')),
      author_id uuid REFERENCES app_user(user_id),
      submitted_by uuid REFERENCES app_user(user_id),
      submitted_at timestamptz,
      approved_by uuid REFERENCES app_user(user_id),
      approved_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (approved_by IS NULL OR (approved_by IS DISTINCT FROM submitted_by AND approved_by IS DISTINCT FROM author_id)),
      CHECK (status <> 'published' OR origin = 'shipped' OR approved_by IS NOT NULL),
      CHECK (status = 'draft' OR origin = 'shipped' OR submitted_by IS NOT NULL)
    );
    CREATE TABLE policy_version_history (
      seq bigserial PRIMARY KEY,
      version text NOT NULL REFERENCES policy_version(version),
      revision integer NOT NULL,
      action text NOT NULL CHECK (action IN ('shipped', 'created', 'saved', 'submitted', 'returned', 'published')),
      actor_id uuid REFERENCES app_user(user_id),
      occurred_at timestamptz NOT NULL,
      effective_from date NOT NULL,
      dmn_xml text NOT NULL,
      note text
    );
    CREATE INDEX policy_version_history_version ON policy_version_history(version, seq);

    CREATE FUNCTION policy_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'policy versions are never deleted'; END IF;
      IF OLD.status = 'published' THEN RAISE EXCEPTION 'published policy version % never changes', OLD.version; END IF;
      IF NEW.version <> OLD.version THEN RAISE EXCEPTION 'a policy version keeps its name'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER policy_version_immutable_when_published BEFORE UPDATE OR DELETE ON policy_version
      FOR EACH ROW EXECUTE FUNCTION policy_version_guard();

    CREATE FUNCTION policy_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'policy_version_history is append-only';
    END $$;
    CREATE TRIGGER policy_version_history_append_only BEFORE UPDATE OR DELETE ON policy_version_history
      FOR EACH ROW EXECUTE FUNCTION policy_history_refuse_change();
    CREATE TRIGGER policy_version_history_no_truncate BEFORE TRUNCATE ON policy_version_history
      FOR EACH STATEMENT EXECUTE FUNCTION policy_history_refuse_change();

    GRANT SELECT, INSERT, UPDATE ON policy_version TO hoeder_app;
    GRANT SELECT, INSERT ON policy_version_history TO hoeder_app;
    GRANT USAGE ON SEQUENCE policy_version_history_seq_seq TO hoeder_app;
  `.execute(db);
}
