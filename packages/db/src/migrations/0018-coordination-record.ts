import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Issue 14 items 3–5: the coordination record of a case — the crown-witness track with its
 * risk inventory, the NCTV–OM consultations and the weighings of the coordinate interests — as an
 * append-only stream per case. Each event keeps the marking its originator gave it (JSON text, read
 * whole), so every read filters per entry and "as of" is the stream up to a moment. The app role
 * may only read and append; the primary key refuses a lost race on the sequence number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE coordination_event (
      case_id uuid NOT NULL,
      seq integer NOT NULL CHECK (seq >= 1),
      kind text NOT NULL CHECK (kind IN ('CrownWitnessTrackOpened', 'RiskInventoryRecorded', 'WeighingRecorded', 'WeighingReviewed', 'DealMadePublic', 'ConsultationRecorded')),
      body text NOT NULL,
      marking text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_role text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, seq)
    );
    CREATE INDEX coordination_event_kind ON coordination_event (kind, case_id);
    GRANT SELECT, INSERT ON coordination_event TO hoeder_app;
  `.execute(db);
}
