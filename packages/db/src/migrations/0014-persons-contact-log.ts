import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Issue 12 items 1 and 2 (ADR 0021). The person's file: one record per person across
 * cases (`person`, linked to cases by `case_person`), contact details and addresses as versions
 * (append-only, like the agenda), and the liaison's contact log (append-only; a correction is a
 * new entry naming the one it corrects). The app role may only read and insert.
 *
 * Existing cases get their person records from the persons their registration event names
 * (the event's personId becomes the person's id), so every stored case has them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE person (
      person_id uuid PRIMARY KEY,
      full_name text NOT NULL,
      date_of_birth date,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE case_person (
      case_id uuid NOT NULL,
      person_id uuid NOT NULL REFERENCES person (person_id),
      role text NOT NULL,
      relation text,
      linked_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, person_id)
    );
    CREATE INDEX case_person_person ON case_person (person_id);

    CREATE TABLE person_details_version (
      person_id uuid NOT NULL REFERENCES person (person_id),
      version integer NOT NULL CHECK (version >= 1),
      details text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_role text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (person_id, version)
    );

    CREATE TABLE contact_log_entry (
      case_id uuid NOT NULL,
      seq integer NOT NULL CHECK (seq >= 1),
      entry_id uuid NOT NULL UNIQUE,
      person_id uuid REFERENCES person (person_id),
      contact_date date NOT NULL,
      channel text NOT NULL,
      spoke_with text NOT NULL,
      discussed text NOT NULL,
      person_asked text NOT NULL,
      promised text NOT NULL,
      information_given boolean NOT NULL,
      told_topic text,
      message text NOT NULL,
      contradictions text NOT NULL,
      acknowledged_contradictions boolean NOT NULL,
      corrects_entry_id uuid REFERENCES contact_log_entry (entry_id),
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_role text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, seq)
    );

    INSERT INTO person (person_id, full_name, date_of_birth, created_at)
    SELECT DISTINCT ON ((p ->> 'personId')::uuid) (p ->> 'personId')::uuid, p ->> 'fullName', NULLIF(p ->> 'dateOfBirth', '')::date, e.occurred_at
      FROM case_event e, jsonb_array_elements(e.payload -> 'persons') AS p
     WHERE e.type = 'CaseRegistered'
     ORDER BY (p ->> 'personId')::uuid, e.occurred_at;
    INSERT INTO case_person (case_id, person_id, role, relation, linked_at)
    SELECT DISTINCT ON (e.case_id, (p ->> 'personId')::uuid) e.case_id, (p ->> 'personId')::uuid, p ->> 'role', p ->> 'relation', e.occurred_at
      FROM case_event e, jsonb_array_elements(e.payload -> 'persons') AS p
     WHERE e.type = 'CaseRegistered';

    GRANT SELECT, INSERT ON person, case_person, person_details_version, contact_log_entry TO hoeder_app;
  `.execute(db);
}
