import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Issue 13. The inspectorate's review of a break-glass grant: one review per grant, with
 * the finding, who reviewed and when; never changed afterwards (the app role may only insert).
 * In-app notifications of new work (a queue item that appeared; cleared when it leaves the queue,
 * read by its user), and the outbox a mail relay sends from: a recipient and a link, never content.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE break_glass_review (
      grant_id uuid PRIMARY KEY REFERENCES break_glass_grant(grant_id),
      reviewed_by uuid NOT NULL REFERENCES app_user(user_id),
      reviewed_at timestamptz NOT NULL,
      finding text NOT NULL
    );
    GRANT SELECT, INSERT ON break_glass_review TO hoeder_app;

    CREATE TABLE notification (
      notification_id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      queue_id text NOT NULL,
      case_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      cleared_at timestamptz,
      read_at timestamptz
    );
    CREATE UNIQUE INDEX notification_open ON notification(user_id, queue_id, case_id) WHERE cleared_at IS NULL;
    CREATE INDEX notification_user ON notification(user_id, created_at);
    GRANT SELECT, INSERT ON notification TO hoeder_app;
    GRANT UPDATE (cleared_at, read_at) ON notification TO hoeder_app;

    CREATE TABLE mail_outbox (
      message_id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(user_id),
      link text NOT NULL CHECK (link LIKE '/%'),
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    );
    CREATE INDEX mail_outbox_unsent ON mail_outbox(created_at) WHERE sent_at IS NULL;
    GRANT SELECT, INSERT ON mail_outbox TO hoeder_app;
    GRANT UPDATE (sent_at) ON mail_outbox TO hoeder_app;
  `.execute(db);
}
