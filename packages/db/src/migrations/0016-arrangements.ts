import { sql, type Kysely } from 'kysely';

/**
 * Frozen. What the liaison records with the protected person besides the decision (issue 12
 * items 4–6): agreements (cooperation, integrity restrictions), care referrals, and the employer
 * with its five duties. One row per arrangement with its current status and a version; every step
 * (a refusal included) is an event row, so nothing is overwritten without a trace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_employer (
      employer_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      person_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      contact text NOT NULL CHECK (length(contact) <= 200),
      created_by uuid NOT NULL REFERENCES app_user (user_id),
      created_at timestamptz NOT NULL,
      UNIQUE (case_id, person_id)
    );
    CREATE TABLE case_arrangement (
      arrangement_id uuid PRIMARY KEY,
      -- The order of recording (timestamps tie under one clock tick).
      seq bigint GENERATED ALWAYS AS IDENTITY,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('agreement', 'care', 'employer_duty')),
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
      person_id uuid,
      employer_id uuid REFERENCES case_employer (employer_id),
      description text NOT NULL CHECK (length(description) <= 4000),
      consequence text CHECK (length(consequence) <= 4000),
      owner text CHECK (length(owner) <= 200),
      status text NOT NULL CHECK (length(status) BETWEEN 1 AND 30),
      follow_up_on text CHECK (follow_up_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      version integer NOT NULL CHECK (version >= 1),
      created_by uuid NOT NULL REFERENCES app_user (user_id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((kind = 'employer_duty') = (employer_id IS NOT NULL))
    );
    CREATE INDEX case_arrangement_case ON case_arrangement (case_id, kind);
    CREATE INDEX case_arrangement_follow_up ON case_arrangement (follow_up_on) WHERE follow_up_on IS NOT NULL;
    CREATE TABLE case_arrangement_event (
      arrangement_id uuid NOT NULL REFERENCES case_arrangement (arrangement_id),
      version integer NOT NULL CHECK (version >= 1),
      case_id uuid NOT NULL,
      action text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
      from_status text,
      to_status text NOT NULL,
      note text CHECK (length(note) <= 4000),
      follow_up_on text CHECK (follow_up_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      actor_id uuid NOT NULL REFERENCES app_user (user_id),
      occurred_at timestamptz NOT NULL,
      PRIMARY KEY (arrangement_id, version)
    );
    CREATE INDEX case_arrangement_event_case ON case_arrangement_event (case_id, occurred_at);
    GRANT SELECT, INSERT ON case_employer, case_arrangement_event TO hoeder_app;
    GRANT SELECT, INSERT, UPDATE ON case_arrangement TO hoeder_app;
  `.execute(db);
}
