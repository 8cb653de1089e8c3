import { countRunVersions, findJob, openDatabase } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { demoPlanningInputSource, type PlanningInputSource } from './planning-input';
import { waitForRun, type RunBody } from './testing';

/**
 * Two server instances (each composed with its own pool and job worker) on one PostgreSQL
 * database: every planning job runs exactly once and stores exactly one roster version (ADR 0018).
 * PGlite is one process's embedded database, so this needs TEST_PG_ADMIN_URL.
 */
const RUNS = 6;
const calls = { a: 0, b: 0 };
const counting = (key: 'a' | 'b'): PlanningInputSource => {
  const source = demoPlanningInputSource({ persons: 6, officerScale: 0.05 });
  return async (db, period) => {
    calls[key] += 1;
    return source(db, period);
  };
};
const planning = { useMip: false, progressMs: 100 } as const;
const env = { HOEDER_JOB_POLL_MS: '50', HOEDER_PLAN_TIME_LIMIT_MS: '300', HOEDER_AUDIT_SEAL_INTERVAL_MS: '0' };

describe.skipIf(!process.env.TEST_PG_ADMIN_URL)('two instances on one PostgreSQL', () => {
  let a: HttpFixture;
  let b: HttpFixture;
  beforeAll(async () => {
    a = await openHttpFixture({ env, planning: { ...planning, source: counting('a'), workerId: 'instance-a' } });
    const second = await openDatabase({ databaseUrl: a.database.urls!.app, waitMs: 0 });
    b = await openHttpFixture({ env, database: { ...second, asOwner: a.database.asOwner }, planning: { ...planning, source: counting('b'), workerId: 'instance-b' } });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await b?.database.close();
    await a?.close();
  });

  it('run each planning job exactly once', async () => {
    const runIds: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const f = i % 2 === 0 ? a : b;
      const reply = await f.api(await f.session('lcc'), 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
      expect(reply.status).toBe(202);
      runIds.push((reply.body as RunBody).runId);
    }
    const ends = await Promise.all(runIds.map((id) => waitForRun(a, id, undefined, 90_000)));
    expect(ends.map((r) => r.status)).toEqual(runIds.map(() => 'done'));
    for (const runId of runIds) {
      expect(await countRunVersions(a.database.db, runId)).toBe(1);
      const { job_id } = await a.database.db.selectFrom('planning_run').select('job_id').where('run_id', '=', runId).executeTakeFirstOrThrow();
      expect(await findJob(a.database.db, job_id)).toMatchObject({ status: 'done', attempts: 1 });
    }
    const versions = await a.database.db.selectFrom('roster_version').select('version_id').execute();
    expect(versions.length).toBe(RUNS);
    expect(calls.a + calls.b).toBe(RUNS);
    // One job at a time per instance: both took part.
    expect(calls.a).toBeGreaterThan(0);
    expect(calls.b).toBeGreaterThan(0);
  }, 120_000);
});
