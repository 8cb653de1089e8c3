import { claimJob, databaseNow, findJob, findPlanningRun, findRunWork, reapExpiredLeases, saveRunCheckpoint, saveRunInput } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../platform/jobs/job-runner';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { createPlanningJob } from './planning-job';
import { demoPlanningInputSource } from './planning-input';
import { waitForRun, type RunBody } from './testing';

/**
 * The engine must not fall over (issue 11): a failing search still ends with the construction's
 * valid roster and names what failed; a run whose instance died is resumed by another, and one
 * that used up its attempts ends with its checkpoint roster, or fails with the reason.
 */
const source = demoPlanningInputSource({ persons: 8, officerScale: 0.06 });
let f: HttpFixture;
beforeAll(async () => {
  // No worker of its own: each test runs the planning job with the runner it needs.
  f = await openHttpFixture({ env: { HOEDER_JOB_POLL_MS: '0' }, planning: { source } });
}, 120_000);
afterAll(() => f?.close());

const runner = (workerId: string, failFullStep?: string, timeLimitMs = 300) =>
  createJobRunner({
    db: f.database.db,
    workerId,
    handlers: [createPlanningJob({ db: f.database.db, source, timeLimitMs, useMip: false, progressMs: 100, ...(failFullStep ? { failFullStep } : {}) })],
  });

async function startRun(): Promise<{ runId: string; jobId: string }> {
  const reply = await f.api(await f.session('lcc'), 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
  const runId = (reply.body as RunBody).runId;
  return { runId, jobId: (await findPlanningRun(f.database.db, runId))!.jobId };
}

describe('a failing search', () => {
  it('stores the construction roster as the version and names the failed step', async () => {
    const { runId } = await startRun();
    expect(await runner('w-fail', 'HiGHS could not be loaded').runOnce()).toBe(true);
    const run = await waitForRun(f, runId);
    expect(run.status).toBe('done');
    expect(run.failure).toBe('search: HiGHS could not be loaded');
    const version = await f.api(await f.session('lcc'), 'GET', `/api/roster/versions/${run.versionId}`);
    expect(version.status).toBe(200);
    expect((version.body as { version: { failure: string } }).version.failure).toMatch(/HiGHS/);
    expect((version.body as { view: { visibleAssignments: number } }).view.visibleAssignments).toBeGreaterThan(0);
  }, 60_000);
});

describe('bad planning input', () => {
  it('fails the run with an error per item and stores no roster', async () => {
    const { runId } = await startRun();
    const bad = createJobRunner({
      db: f.database.db,
      workerId: 'w-bad',
      handlers: [
        createPlanningJob({
          db: f.database.db, timeLimitMs: 300, useMip: false,
          source: async (db, period) => {
            const input = await source(db, period);
            const [first, second] = input.problem.posts;
            const posts = [{ ...first!, allowedUnitKinds: ['generic' as const] }, { ...second!, shiftTypeId: 'siesta' }, ...input.problem.posts.slice(2)];
            const officers = input.problem.officers.map((o, i) => (i === 0 ? { ...o, contract: { ...o.contract, maxTotalMinutes: 0 } } : o));
            return { ...input, problem: { ...input.problem, posts, officers } };
          },
        }),
      ],
    });
    expect(await bad.runOnce()).toBe(true);
    const run = await waitForRun(f, runId);
    expect(run.status).toBe('failed');
    expect(run.versionId).toBeNull();
    expect(run.failure).toMatch(/no unit may staff it/);
    expect(run.failure).toMatch(/unknown shift type siesta/);
    expect(run.failure).toMatch(/no usable working-time contract/);
  }, 60_000);
});

describe('a restart', () => {
  it('resumes a run whose instance died: the next instance takes the job when its lease has run out', async () => {
    const { runId, jobId } = await startRun();
    const now = await databaseNow(f.database.db);
    await claimJob(f.database.db, ['planning.run'], 'died', now, new Date(now.getTime() - 1));
    expect(await runner('survivor').runOnce()).toBe(true);
    expect((await waitForRun(f, runId)).status).toBe('done');
    expect(await findJob(f.database.db, jobId)).toMatchObject({ status: 'done', attempts: 2 });
  }, 60_000);

  it('writes no checkpoint from the last seconds of a search whose roster is stored (ADR 0049)', async () => {
    const { runId } = await startRun();
    // A 300 ms budget: every checkpoint comes in the search's last seconds.
    expect(await runner('w-tail').runOnce()).toBe(true);
    expect((await waitForRun(f, runId)).status).toBe('done');
    expect((await findRunWork(f.database.db, runId))?.checkpoint).toBeNull();
  }, 60_000);

  it('hands a run back at shutdown with its newest checkpoint written, even one kept in memory (ADR 0049)', async () => {
    const { runId, jobId } = await startRun();
    const stopping = runner('w-stop', undefined, 2500);
    const running = stopping.runOnce();
    // The checkpoint has reached the job once the progress shows the search.
    for (let i = 0; i < 400 && (await findPlanningRun(f.database.db, runId))?.phase !== 'search'; i++) await new Promise((r) => setTimeout(r, 25));
    await stopping.stop();
    await running;
    const work = await findRunWork(f.database.db, runId);
    expect(work?.checkpoint).toBeTruthy();
    expect(JSON.parse(work!.checkpoint!)).toMatchObject({ feasible: true });
    expect(await findJob(f.database.db, jobId)).toMatchObject({ status: 'queued' });
    // The next instance plans it to the end.
    expect(await runner('after-stop').runOnce()).toBe(true);
    expect((await waitForRun(f, runId)).status).toBe('done');
  }, 60_000);

  it('ends a run whose attempts are spent with its checkpoint roster and the reason', async () => {
    const { runId, jobId } = await startRun();
    const input = await source(f.database.db, { startDate: '2026-03-09', days: 7 });
    await saveRunInput(f.database.db, runId, JSON.stringify(input));
    const checkpoint = { assignments: [], shortfalls: [], score: { hard: 0, soft: 1, coverUnder: 1, coverOver: 0, requests: 0, disruption: 0 }, feasible: true };
    await saveRunCheckpoint(f.database.db, runId, JSON.stringify(checkpoint), { totalPosts: input.problem.posts.length, coveredPosts: 0, shortfalls: 0, scoreSoft: 1, scoreHard: 0 }, new Date());
    // Two instances took it in turn and died (the first one's lease reaped and requeued in between).
    for (const who of ['died-1', 'died-2']) {
      const now = await databaseNow(f.database.db);
      expect(await claimJob(f.database.db, ['planning.run'], who, now, new Date(now.getTime() - 1))).toBeDefined();
      if (who === 'died-1') await reapExpiredLeases(f.database.db, await databaseNow(f.database.db));
    }
    // The next instance's poll gives the job up: the run ends with its checkpoint.
    expect(await runner('reaper').runOnce()).toBe(false);
    const run = await waitForRun(f, runId);
    expect(run.status).toBe('done');
    expect(run.failure).toMatch(/lease expired/);
    expect(run.versionId).not.toBeNull();
    expect(await findJob(f.database.db, jobId)).toMatchObject({ status: 'failed' });
  }, 60_000);

  it('fails a run cleanly when it never got as far as a roster', async () => {
    const { runId, jobId } = await startRun();
    await f.database.db.updateTable('job').set({ max_attempts: 1 }).where('job_id', '=', jobId).execute();
    const now = await databaseNow(f.database.db);
    await claimJob(f.database.db, ['planning.run'], 'died', now, new Date(now.getTime() - 1));
    await runner('reaper').runOnce();
    const run = await waitForRun(f, runId);
    expect(run).toMatchObject({ status: 'failed', versionId: null, failure: expect.stringMatching(/lease expired/) });
  }, 60_000);
});
