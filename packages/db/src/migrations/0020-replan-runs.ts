import { sql, type Kysely } from 'kysely';

/**
 * Issue 11 (ADR 0027): a replan after a disruption is a job on the queue like a planning run, so it
 * no longer runs inside the HTTP request. Its run row says it is a replan, of which version, with
 * which change, and how long the replan itself took. The app role's grants on planning_run cover
 * the new columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE planning_run ADD COLUMN kind text NOT NULL DEFAULT 'plan' CHECK (kind IN ('plan', 'replan'));
    ALTER TABLE planning_run ADD COLUMN parent_version_id uuid REFERENCES roster_version(version_id);
    ALTER TABLE planning_run ADD COLUMN change text;
    ALTER TABLE planning_run ADD COLUMN elapsed_ms integer;
    ALTER TABLE planning_run ADD CONSTRAINT planning_run_replan_parent CHECK (kind = 'plan' OR (parent_version_id IS NOT NULL AND change IS NOT NULL));
  `.execute(db);
}
