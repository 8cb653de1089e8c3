import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Issue 14. Incidents at or near a protected person, evaluations of security situations
 * (an append-only stream per evaluation, like the case stream of ADR 0005) and the lessons they
 * yield, with the link of a lesson to the policy draft it led to. Everything is append-only for
 * the app role (INSERT and SELECT): the as-of view folds by timestamp, nothing is overwritten.
 * JSON is stored as text, read whole, so PGlite and PostgreSQL behave alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident (
      incident_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      kind text NOT NULL,
      occurred_at timestamptz NOT NULL,
      description text NOT NULL,
      location text,
      classification text NOT NULL,
      originator text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES app_user(user_id),
      recorded_role text NOT NULL,
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX incident_case ON incident(case_id, occurred_at);
    GRANT SELECT, INSERT ON incident TO hoeder_app;

    CREATE TABLE evaluation_event (
      evaluation_id uuid NOT NULL,
      case_id uuid NOT NULL,
      version integer NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      actor_id uuid NOT NULL REFERENCES app_user(user_id),
      actor_role text NOT NULL,
      occurred_at timestamptz NOT NULL,
      UNIQUE (evaluation_id, version)
    );
    CREATE INDEX evaluation_event_case ON evaluation_event(case_id);
    GRANT SELECT, INSERT ON evaluation_event TO hoeder_app;

    CREATE TABLE lesson (
      lesson_id uuid PRIMARY KEY,
      evaluation_id uuid NOT NULL,
      case_id uuid NOT NULL,
      trigger text NOT NULL,
      content text NOT NULL,
      classification text NOT NULL,
      originator text NOT NULL,
      recorded_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON lesson TO hoeder_app;

    CREATE TABLE lesson_policy_link (
      lesson_id uuid PRIMARY KEY REFERENCES lesson(lesson_id),
      policy_version text NOT NULL,
      linked_by uuid NOT NULL REFERENCES app_user(user_id),
      linked_at timestamptz NOT NULL
    );
    CREATE INDEX lesson_policy_link_version ON lesson_policy_link(policy_version);
    GRANT SELECT, INSERT ON lesson_policy_link TO hoeder_app;
  `.execute(db);
}
