import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Master data of the executing units (issue 11 item 5): teams, officers with their
 * qualifications and contract, their absences (a reason category only, never a medical detail);
 * and the protected person's agenda (item 3), one row per version: every change is a new version
 * with who, when and what changed, so it reads as of any moment. JSON is kept as text (read whole,
 * never queried), as the DAF snapshots are (ADR 0009 addendum).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE team (
      unit_id text NOT NULL REFERENCES unit (unit_id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      PRIMARY KEY (unit_id, name)
    );
    CREATE TABLE officer (
      officer_id text PRIMARY KEY CHECK (officer_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      unit_id text NOT NULL REFERENCES unit (unit_id),
      team_name text,
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
      qualifications text[] NOT NULL,
      contract_code text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL,
      FOREIGN KEY (unit_id, team_name) REFERENCES team (unit_id, name)
    );
    CREATE INDEX officer_unit ON officer (unit_id);
    CREATE TABLE officer_absence (
      absence_id uuid PRIMARY KEY,
      officer_id text NOT NULL REFERENCES officer (officer_id),
      from_date text NOT NULL CHECK (from_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      until_date text NOT NULL CHECK (until_date ~ '^\\d{4}-\\d{2}-\\d{2}$' AND until_date >= from_date),
      reason text NOT NULL CHECK (reason IN ('leave', 'training', 'sick', 'other')),
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX officer_absence_period ON officer_absence (officer_id, until_date);
    CREATE TABLE agenda_version (
      case_id uuid NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      activities text NOT NULL,
      changes text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES app_user (user_id),
      recorded_role text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, version)
    );
    GRANT SELECT, INSERT ON team TO hoeder_app;
    GRANT SELECT, INSERT, UPDATE ON officer TO hoeder_app;
    GRANT SELECT, INSERT ON officer_absence, agenda_version TO hoeder_app;
  `.execute(db);
}
