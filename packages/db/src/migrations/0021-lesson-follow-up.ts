import { sql, type Kysely } from 'kysely';

/**
 * Issue 14, remaining limits (ADR 0030). What happens to a lesson after it is recorded, each in
 * its own append-only table (the app role may INSERT and SELECT only), so the as-of view folds by
 * timestamp as for the lessons themselves:
 * - `lesson_status_event`: the follow-up lifecycle, one row per change with its note;
 * - `lesson_release`: the four-eyes release of a lesson's text at a lower marking (one per lesson);
 * - `lesson_template_link`: the method template (id and version) a lesson proposes to change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE lesson_status_event (
      lesson_id uuid NOT NULL REFERENCES lesson(lesson_id),
      seq integer NOT NULL,
      status text NOT NULL,
      note text NOT NULL,
      reason text,
      actor_id uuid NOT NULL REFERENCES app_user(user_id),
      actor_role text NOT NULL,
      occurred_at timestamptz NOT NULL,
      UNIQUE (lesson_id, seq)
    );
    GRANT SELECT, INSERT ON lesson_status_event TO hoeder_app;

    CREATE TABLE lesson_release (
      lesson_id uuid PRIMARY KEY REFERENCES lesson(lesson_id),
      classification text NOT NULL,
      content text NOT NULL,
      released_by uuid NOT NULL REFERENCES app_user(user_id),
      released_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON lesson_release TO hoeder_app;

    CREATE TABLE lesson_template_link (
      lesson_id uuid PRIMARY KEY REFERENCES lesson(lesson_id),
      template_id text NOT NULL,
      template_version integer NOT NULL,
      linked_by uuid NOT NULL REFERENCES app_user(user_id),
      linked_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT ON lesson_template_link TO hoeder_app;
  `.execute(db);
}
