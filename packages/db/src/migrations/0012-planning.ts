import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The job queue (ADR 0018) and planning runs with their roster versions (ADR 0019).
 *
 * `job` is a small queue on PostgreSQL itself: workers claim a ready job with
 * `FOR UPDATE SKIP LOCKED`, hold it under a lease they renew (heartbeat), and finish it only while
 * they still hold the lease, so a job's effect is committed once however many instances poll.
 * A lease that runs out (the instance died) makes the job claimable again until its attempts are
 * spent; then it fails with the reason.
 *
 * A roster version is self-contained: the planning input it was made from (a snapshot of posts,
 * officers and units, with the case and unit of each) and the plan, both JSON kept as text (read
 * whole, never queried, like the stream snapshots). Versions are never changed but for their
 * publication stamp; a replan is a new version with its parent and the diff. A scenario is
 * computed on a copy of a version and saved beside it, never as a version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job (
      job_id uuid PRIMARY KEY,
      kind text NOT NULL,
      payload text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      max_attempts integer NOT NULL CHECK (max_attempts >= 1),
      run_after timestamptz NOT NULL,
      locked_by text,
      lease_until timestamptz,
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      finished_at timestamptz,
      last_error text,
      CHECK ((status = 'running') = (locked_by IS NOT NULL AND lease_until IS NOT NULL))
    );
    CREATE INDEX job_ready ON job (run_after) WHERE status = 'queued';
    CREATE INDEX job_leased ON job (lease_until) WHERE status = 'running';

    CREATE TABLE roster_version (
      version_id uuid PRIMARY KEY,
      version_no integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      start_date date NOT NULL,
      days integer NOT NULL CHECK (days BETWEEN 1 AND 28),
      origin text NOT NULL CHECK (origin IN ('plan', 'replan')),
      parent_version_id uuid REFERENCES roster_version(version_id),
      input text NOT NULL,
      plan text NOT NULL,
      change text,
      diff text,
      failure text,
      total_posts integer NOT NULL,
      covered_posts integer NOT NULL,
      shortfalls integer NOT NULL,
      score_soft double precision NOT NULL,
      score_hard integer NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(user_id),
      created_at timestamptz NOT NULL,
      published_by uuid REFERENCES app_user(user_id),
      published_at timestamptz,
      CHECK ((published_at IS NULL) = (published_by IS NULL))
    );

    CREATE TABLE planning_run (
      run_id uuid PRIMARY KEY,
      job_id uuid NOT NULL UNIQUE REFERENCES job(job_id),
      start_date date NOT NULL,
      days integer NOT NULL CHECK (days BETWEEN 1 AND 28),
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
      phase text,
      progress double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
      total_posts integer,
      covered_posts integer,
      shortfalls integer,
      score_soft double precision,
      score_hard integer,
      cancel_requested boolean NOT NULL DEFAULT false,
      failure text,
      input text,
      checkpoint text,
      version_id uuid UNIQUE REFERENCES roster_version(version_id),
      requested_by uuid NOT NULL REFERENCES app_user(user_id),
      requested_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX planning_run_recent ON planning_run (requested_at DESC);

    -- What-if scenarios on a copy of a version (issue 11): computed, saved, compared; never live.
    CREATE TABLE roster_scenario (
      scenario_id uuid PRIMARY KEY,
      version_id uuid NOT NULL REFERENCES roster_version(version_id),
      kind text NOT NULL CHECK (kind IN ('unit-loses-officers', 'case-escalates', 'new-cases')),
      params text NOT NULL,
      result text NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(user_id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX roster_scenario_version ON roster_scenario (version_id, created_at);

    GRANT SELECT, INSERT, UPDATE ON job, planning_run TO hoeder_app;
    GRANT SELECT, INSERT ON roster_scenario TO hoeder_app;
    GRANT SELECT, INSERT ON roster_version TO hoeder_app;
    GRANT UPDATE (published_by, published_at) ON roster_version TO hoeder_app;
    GRANT USAGE ON SEQUENCE roster_version_version_no_seq TO hoeder_app;
  `.execute(db);
}
