import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Letters and objections (issue 12 items 3 and 8). A letter is stored exactly as sent: the
 * PDF bytes and their SHA-256, with the template version and the facts it was made from (JSON
 * text, read whole), so it can be made again byte for byte. The app may only approve a draft: it
 * cannot change a letter's bytes, facts or drafter (column grants), and the database itself refuses
 * an approval by the drafter (four eyes). An objection is one row per objection with its dates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_letter (
      letter_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('decision_letter', 'employer_letter', 'authority_notice')),
      template_version integer NOT NULL CHECK (template_version >= 1),
      decision_id text NOT NULL,
      facts text NOT NULL,
      classification text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'approved')),
      drafted_by uuid NOT NULL REFERENCES app_user (user_id),
      drafted_role text NOT NULL,
      drafted_at timestamptz NOT NULL,
      approved_by uuid REFERENCES app_user (user_id),
      approved_at timestamptz,
      pdf bytea NOT NULL,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      CHECK ((status = 'draft') = (approved_by IS NULL AND approved_at IS NULL)),
      CHECK (approved_by IS NULL OR approved_by <> drafted_by)
    );
    CREATE INDEX case_letter_case ON case_letter (case_id, drafted_at);
    CREATE TABLE case_objection (
      objection_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      decision_id text NOT NULL,
      party text NOT NULL CHECK (party IN ('person', 'employer')),
      decision_sent_on text NOT NULL CHECK (decision_sent_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      received_on text NOT NULL CHECK (received_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      grounds text NOT NULL,
      advisory_committee boolean NOT NULL,
      extended_on text,
      hearing_on text,
      outcome text CHECK (outcome IN ('unfounded', 'founded')),
      decided_on text,
      motivation text,
      appeal_lodged_on text,
      appeal_court text,
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX case_objection_case ON case_objection (case_id);
    CREATE INDEX case_objection_open ON case_objection (case_id) WHERE outcome IS NULL OR outcome = 'founded';
    GRANT SELECT, INSERT ON case_letter TO hoeder_app;
    GRANT UPDATE (status, approved_by, approved_at) ON case_letter TO hoeder_app;
    GRANT SELECT, INSERT ON case_objection TO hoeder_app;
    GRANT UPDATE (extended_on, hearing_on, outcome, decided_on, motivation, appeal_lodged_on, appeal_court, updated_at) ON case_objection TO hoeder_app;
  `.execute(db);
}
