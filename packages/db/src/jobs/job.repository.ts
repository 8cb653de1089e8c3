import { sql } from 'kysely';
import type { Db, JobTable } from '../schema';

/** A claimed job as its worker sees it. */
export interface ClaimedJob {
  jobId: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface NewJob {
  jobId: string;
  kind: string;
  payload: unknown;
  maxAttempts: number;
  now: Date;
}

/** Queues a job; in the caller's transaction, so a job exists exactly when what asked for it does. */
export async function enqueueJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insertInto('job')
    .values({ job_id: job.jobId, kind: job.kind, payload: JSON.stringify(job.payload), status: 'queued', max_attempts: job.maxAttempts, run_after: job.now, created_at: job.now })
    .execute();
}

/**
 * Claims the oldest ready job of the given kinds for `workerId` under a lease until `leaseUntil`.
 * `FOR UPDATE SKIP LOCKED`: concurrent claimers on other connections each get a different job (or
 * none), never the same one; the attempt is counted at the claim.
 */
export async function claimJob(db: Db, kinds: readonly string[], workerId: string, now: Date, leaseUntil: Date): Promise<ClaimedJob | undefined> {
  if (kinds.length === 0) return undefined;
  const row = await db
    .updateTable('job')
    .set((eb) => ({ status: 'running', locked_by: workerId, lease_until: leaseUntil, attempts: eb('attempts', '+', 1), started_at: now }))
    .where('job_id', '=', (eb) =>
      eb
        .selectFrom('job')
        .select('job_id')
        .where('status', '=', 'queued')
        .where('kind', 'in', [...kinds])
        .where('run_after', '<=', now)
        .orderBy('run_after')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['job_id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
  return row && { jobId: row.job_id, kind: row.kind, payload: JSON.parse(row.payload) as unknown, attempts: row.attempts, maxAttempts: row.max_attempts };
}

/** Renews the lease; false when this worker no longer holds the job (it expired and was taken). */
export async function renewLease(db: Db, jobId: string, workerId: string, leaseUntil: Date): Promise<boolean> {
  const r = await db.updateTable('job').set({ lease_until: leaseUntil }).where('job_id', '=', jobId).where('status', '=', 'running').where('locked_by', '=', workerId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** `queued` hands the job back: after a failure with attempts left, or at shutdown (`refund`: the attempt does not count). */
type Outcome = { status: 'done' } | { status: 'failed'; error: string } | { status: 'queued'; error: string; runAfter: Date; refund?: boolean };

/**
 * Finishes (or hands back) a job only while this worker holds it. Run in the same transaction as
 * the job's effect: when it returns false the effect must roll back, so it is committed once.
 */
export async function settleJob(db: Db, jobId: string, workerId: string, outcome: Outcome, now: Date): Promise<boolean> {
  const finished = outcome.status === 'queued' ? null : now;
  const r = await db
    .updateTable('job')
    .set((eb) => ({
      status: outcome.status,
      locked_by: null,
      lease_until: null,
      finished_at: finished,
      last_error: outcome.status === 'done' ? null : outcome.error,
      ...(outcome.status === 'queued' ? { run_after: outcome.runAfter } : {}),
      ...(outcome.status === 'queued' && outcome.refund ? { attempts: eb('attempts', '-', 1) } : {}),
    }))
    .where('job_id', '=', jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Jobs whose lease ran out (their instance died or hung): back to the queue while attempts are
 * left, otherwise failed with the reason. Returns the ones given up, for their kind's clean-up.
 */
export async function reapExpiredLeases(db: Db, now: Date): Promise<{ requeued: number; failed: Pick<ClaimedJob, 'jobId' | 'kind' | 'payload'>[] }> {
  const reason = 'lease expired: the instance running it stopped or stalled';
  const requeued = await db
    .updateTable('job')
    .set({ status: 'queued', locked_by: null, lease_until: null, run_after: now, last_error: reason })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .whereRef('attempts', '<', 'max_attempts')
    .executeTakeFirst();
  const failed = await db
    .updateTable('job')
    .set({ status: 'failed', locked_by: null, lease_until: null, finished_at: now, last_error: reason })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .whereRef('attempts', '>=', 'max_attempts')
    .returning(['job_id', 'kind', 'payload'])
    .execute();
  return { requeued: Number(requeued.numUpdatedRows), failed: failed.map((r) => ({ jobId: r.job_id, kind: r.kind, payload: JSON.parse(r.payload) as unknown })) };
}

export async function findJob(db: Db, jobId: string): Promise<{ status: JobTable['status']; attempts: number; last_error: string | null; locked_by: string | null } | undefined> {
  const row = await db.selectFrom('job').select(['status', 'attempts', 'last_error', 'locked_by']).where('job_id', '=', jobId).executeTakeFirst();
  return row && { ...row, attempts: Number(row.attempts) };
}

/** The database's clock, for leases shared by instances whose own clocks may differ. */
export async function databaseNow(db: Db): Promise<Date> {
  const r = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db);
  return new Date(r.rows[0]!.now);
}
