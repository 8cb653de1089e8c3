import { randomUUID } from 'node:crypto';
import { claimJob, databaseNow, enqueueJob, findJob, reapExpiredLeases, renewLease, settleJob } from '@hoeder/db';
import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobHandler } from './job-runner';

/** The job queue (ADR 0018) on PGlite or PostgreSQL: claims, leases, attempts, hand-back. */
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const later = (d: Date, ms: number) => new Date(d.getTime() + ms);
const enqueue = async (kind: string, maxAttempts = 2) => {
  const jobId = randomUUID();
  await enqueueJob(db.db, { jobId, kind, payload: { n: jobId }, maxAttempts, now: await databaseNow(db.db) });
  return jobId;
};

describe('the queue', () => {
  it('gives a job to one claimer only, and only jobs of the kinds asked for', async () => {
    const jobId = await enqueue('t.claim');
    const now = await databaseNow(db.db);
    expect(await claimJob(db.db, ['t.other'], 'w1', now, later(now, 1000))).toBeUndefined();
    const first = await claimJob(db.db, ['t.claim'], 'w1', now, later(now, 1000));
    expect(first).toMatchObject({ jobId, attempts: 1 });
    expect(await claimJob(db.db, ['t.claim'], 'w2', now, later(now, 1000))).toBeUndefined();
    expect(await settleJob(db.db, jobId, 'w2', { status: 'done' }, now)).toBe(false);
    expect(await renewLease(db.db, jobId, 'w2', later(now, 5000))).toBe(false);
    expect(await settleJob(db.db, jobId, 'w1', { status: 'done' }, now)).toBe(true);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('requeues a job whose lease ran out while attempts are left, then fails it with the reason', async () => {
    const jobId = await enqueue('t.lease', 2);
    const now = await databaseNow(db.db);
    await claimJob(db.db, ['t.lease'], 'dead-1', now, later(now, -1));
    expect((await reapExpiredLeases(db.db, later(now, 10))).failed).toEqual([]);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'queued', attempts: 1 });
    const again = await claimJob(db.db, ['t.lease'], 'dead-2', later(now, 10), later(now, 5));
    expect(again?.attempts).toBe(2);
    const reaped = await reapExpiredLeases(db.db, later(now, 20));
    expect(reaped.failed.map((j) => j.jobId)).toEqual([jobId]);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/lease expired/) });
    // The late worker cannot finish it any more.
    expect(await settleJob(db.db, jobId, 'dead-2', { status: 'done' }, now)).toBe(false);
  });
});

describe('the runner', () => {
  const handler = (kind: string, run: JobHandler['run'], gaveUp: string[] = []): JobHandler => ({ kind, maxAttempts: 2, run, onGiveUp: async (_trx, payload) => void gaveUp.push((payload as { n: string }).n) });

  it('retries a failing job once, then gives up and lets the handler record it', async () => {
    const jobId = await enqueue('t.fail');
    const gaveUp: string[] = [];
    let runs = 0;
    const runner = createJobRunner({ db: db.db, handlers: [handler('t.fail', async () => { runs += 1; throw new Error('boom'); }, gaveUp)] });
    expect(await runner.runOnce()).toBe(true);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom' });
    await db.db.updateTable('job').set({ run_after: await databaseNow(db.db) }).where('job_id', '=', jobId).execute();
    expect(await runner.runOnce()).toBe(true);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'failed', attempts: 2 });
    expect({ runs, gaveUp }).toEqual({ runs: 2, gaveUp: [jobId] });
  });

  it('commits a job effect only with the job: a worker that lost the job commits nothing', async () => {
    const jobId = await enqueue('t.lost');
    let committed: boolean | undefined;
    const runner = createJobRunner({
      db: db.db,
      handlers: [handler('t.lost', async (_p, ctx) => {
        // Another instance reaped and took it meanwhile.
        await db.db.updateTable('job').set({ locked_by: 'someone-else' }).where('job_id', '=', ctx.jobId).execute();
        committed = await ctx.complete(async () => {
          throw new Error('the effect must not run');
        });
      })],
    });
    await runner.runOnce();
    expect(committed).toBe(false);
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'running', locked_by: 'someone-else' });
    await db.db.updateTable('job').set({ status: 'done', locked_by: null, lease_until: null }).where('job_id', '=', jobId).execute();
  });

  it('hands a running job back at shutdown without counting the attempt', async () => {
    const jobId = await enqueue('t.stop');
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const runner = createJobRunner({
      db: db.db,
      pollMs: 10,
      handlers: [handler('t.stop', (_p, ctx) => new Promise((_resolve, reject) => { started(); ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))); }))],
    });
    runner.start();
    await running;
    await runner.stop();
    expect(await findJob(db.db, jobId)).toMatchObject({ status: 'queued', attempts: 0, last_error: 'handed back at shutdown' });
    await db.db.updateTable('job').set({ status: 'done' }).where('job_id', '=', jobId).execute();
  });

  it('lanes (ADR 0027): a quick job runs on its own lane while the other lane is busy, and a wake starts it at once', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const handlers = [handler('t.long', async () => { ran.push('long-start'); await holding; ran.push('long-end'); }), handler('t.quick', async () => void ran.push('quick'))];
    // Long polls: only the wake can make the quick lane pick its job up within the test.
    const slow = createJobRunner({ db: db.db, handlers, claimKinds: ['t.long'], pollMs: 60_000 });
    const quick = createJobRunner({ db: db.db, handlers, claimKinds: ['t.quick'], pollMs: 60_000 });
    const longId = await enqueue('t.long');
    slow.start();
    quick.start();
    for (let i = 0; i < 200 && !ran.includes('long-start'); i++) await new Promise((r) => setTimeout(r, 10));
    const quickId = await enqueue('t.quick');
    quick.wake();
    for (let i = 0; i < 200 && !ran.includes('quick'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual(['long-start', 'quick']);
    // The handler has run; its completing transaction may still be on its way (PostgreSQL).
    for (let i = 0; i < 200 && (await findJob(db.db, quickId))?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await findJob(db.db, quickId)).toMatchObject({ status: 'done' });
    expect(await findJob(db.db, longId)).toMatchObject({ status: 'running' });
    release();
    for (let i = 0; i < 200 && !ran.includes('long-end'); i++) await new Promise((r) => setTimeout(r, 10));
    await Promise.all([slow.stop(), quick.stop()]);
    expect(await findJob(db.db, longId)).toMatchObject({ status: 'done' });
  });
});
