import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Security assignments (issue 11, ADR 0016): a versioned assignment per case, issued in
 * the case command's transaction; the LCC's acceptance, the tasked units and their
 * acknowledgements, and the security concept per domain (operational). Versions are append-only
 * (content and diff as JSON text, read whole, never queried); `UNIQUE (assignment_id, version)`
 * decides a race, so a version is never issued twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE security_assignment (
      assignment_id uuid PRIMARY KEY,
      case_id uuid NOT NULL UNIQUE REFERENCES case_summary (case_id),
      current_version integer NOT NULL CHECK (current_version >= 1),
      current_kind text NOT NULL CHECK (current_kind IN ('issued', 'withdrawn')),
      accepted_version integer CHECK (accepted_version IS NULL OR accepted_version BETWEEN 1 AND current_version),
      accepted_at timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE security_assignment_version (
      assignment_id uuid NOT NULL REFERENCES security_assignment (assignment_id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('issued', 'withdrawn')),
      content text,
      diff text,
      reason text CHECK (reason IS NULL OR reason IN ('case_ended', 'package_ended')),
      source_case_version integer NOT NULL,
      issued_at timestamptz NOT NULL,
      PRIMARY KEY (assignment_id, version),
      CHECK ((kind = 'issued') = (content IS NOT NULL AND diff IS NOT NULL AND reason IS NULL))
    );
    CREATE TABLE assignment_tasking (
      assignment_id uuid NOT NULL REFERENCES security_assignment (assignment_id),
      unit_id text NOT NULL REFERENCES unit (unit_id),
      tasked_at timestamptz NOT NULL,
      tasked_by text NOT NULL,
      removed_at timestamptz,
      acknowledged_version integer,
      acknowledged_at timestamptz,
      acknowledged_by text,
      PRIMARY KEY (assignment_id, unit_id)
    );
    CREATE INDEX assignment_tasking_unit ON assignment_tasking (unit_id) WHERE removed_at IS NULL;
    CREATE TABLE security_concept (
      assignment_id uuid NOT NULL REFERENCES security_assignment (assignment_id),
      domain text NOT NULL CHECK (domain IN ('home', 'work', 'transport', 'private')),
      concept text NOT NULL,
      classification text NOT NULL,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (assignment_id, domain)
    );
    GRANT SELECT, INSERT, UPDATE ON security_assignment, assignment_tasking, security_concept TO hoeder_app;
    GRANT SELECT, INSERT ON security_assignment_version TO hoeder_app;
  `.execute(db);
}
