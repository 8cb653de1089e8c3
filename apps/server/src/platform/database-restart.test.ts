import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hoeder/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canStartPgCluster, startPgCluster, type PgCluster } from '../../../../scripts/lib/pg-cluster.mjs';
import { loginAs, type LoggedIn } from '../auth/testing/login-as';
import { upsertDemoAccounts } from '../demo/demo-accounts';
import { freePort } from '../testing/free-port';
import { startServerProcess, waitForStatus200, type ServerProcess } from '../testing/server-process';
import { sampleRegistration, START } from '../testing/service-fixture';

/**
 * Fault 2 of issue 10: a crash of PostgreSQL used to end the server ("Connection terminated
 * unexpectedly", unhandled 'error' event). Runs in the PostgreSQL pass of `npm test`, on a cluster
 * of its own (it kills that cluster's postmaster), with the server as a separate process.
 */
const runs = Boolean(process.env.TEST_PG_ADMIN_URL) && canStartPgCluster();
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = 'before' | 'outage' | 'after';
interface Outcome {
  phase: Phase;
  status: number | 'timeout' | 'network';
  code?: string;
  ms: number;
}

const withUser = (adminUrl: string, user: string) => {
  const url = new URL(adminUrl);
  url.username = user;
  url.pathname = '/hoeder';
  return url.toString();
};

describe.skipIf(!runs)('the server rides out a PostgreSQL crash and restart (own cluster; needs PostgreSQL binaries)', () => {
  let cluster: PgCluster;
  let server: ServerProcess;
  let urls: { owner: string; app: string };

  beforeAll(async () => {
    cluster = await startPgCluster({ crashSafe: true });
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE ROLE hoeder_owner LOGIN CREATEROLE');
    await admin.query('CREATE DATABASE hoeder OWNER hoeder_owner');
    await admin.end();
    urls = { owner: withUser(cluster.adminUrl, 'hoeder_owner'), app: withUser(cluster.adminUrl, 'hoeder_server') };
    // The owner step as `npm start` runs it: migrations, then the server's own login.
    const migrate = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/db-migrate.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_OWNER_URL: urls.owner, DATABASE_URL: urls.app },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`db:migrate failed:\n${migrate.stdout}${migrate.stderr}`);
    const seeding = await openDatabase({ databaseUrl: urls.app });
    await upsertDemoAccounts(seeding.db, START);
    await seeding.close();
    server = startServerProcess({ DATABASE_URL: urls.app, HOEDER_DB_WAIT_SECONDS: '30' }, await freePort());
    await waitForStatus200(server, '/health/ready', 150_000);
  }, 240_000);
  afterAll(() => {
    server?.kill();
    cluster?.stop();
  });

  it('answers 503 while the database is gone, then the same process answers again, and no acknowledged write is lost', async () => {
    const triage: LoggedIn = await loginAs(server.baseUrl, 'triage');
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let phase: Phase = 'before';
    let running = true;
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const at = phase;
      const started = Date.now();
      try {
        const response = await fetch(new URL(path, server.baseUrl), {
          method,
          headers: { cookie: triage.cookie, 'x-csrf-token': triage.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(8_000),
        });
        const json = (await response.json().catch(() => null)) as { caseId?: string; error?: { code?: string } } | null;
        outcomes.push({ phase: at, status: response.status, ms: Date.now() - started, ...(json?.error?.code ? { code: json.error.code } : {}) });
        return { status: response.status, json };
      } catch (error) {
        outcomes.push({ phase: at, status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', ms: Date.now() - started });
        return null;
      }
    };
    const writer = async () => {
      while (running) {
        const r = await call('POST', '/api/cases', sampleRegistration());
        if (r?.status === 201 && r.json?.caseId) acknowledged.push(r.json.caseId);
        else await sleep(100);
      }
    };
    const reader = async () => {
      while (running) {
        const last = acknowledged.at(-1);
        const r = await call('GET', last ? `/api/cases/${last}` : '/api/me');
        if (r?.status !== 200) await sleep(100);
      }
    };
    const load = [writer(), writer(), writer(), reader(), reader()];

    while (acknowledged.length < 10) await sleep(100);
    phase = 'outage';
    cluster.kill();
    await sleep(3_000);
    await cluster.restart();
    await waitForStatus200(server, '/health/ready', 30_000);
    phase = 'after';
    const before = acknowledged.length;
    await sleep(2_000);
    running = false;
    await Promise.all(load);

    expect(server.exited(), server.output()).toBeNull();
    const unexpected = outcomes.filter((o) => ![200, 201, 503].includes(o.status as number));
    expect(unexpected, 'only 200, 201 or 503 (no 500, no hang, no dropped connection)').toEqual([]);
    const outage = outcomes.filter((o) => o.phase === 'outage');
    expect(outage.filter((o) => o.status === 503 && o.code === 'DATABASE_UNAVAILABLE').length).toBeGreaterThan(0);
    expect(Math.max(...outage.map((o) => o.ms)), 'no request waits long during the outage').toBeLessThan(6_000);
    expect(acknowledged.length, 'writes succeed again after the restart').toBeGreaterThan(before);
    expect(outcomes.filter((o) => o.phase === 'after' && o.status === 200).length).toBeGreaterThan(0);

    const owner = new pg.Client({ connectionString: urls.owner });
    await owner.connect();
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM case_summary WHERE case_id = ANY($1::uuid[])', [acknowledged]);
    await owner.end();
    expect(rows[0]?.n, 'every acknowledged registration is in the database').toBe(acknowledged.length);
    const sample = await call('GET', `/api/cases/${acknowledged[0]}`);
    expect(sample?.status).toBe(200);
  }, 180_000);

  it('a server started while the database is down waits for it with back-off instead of exiting', async () => {
    cluster.kill();
    const late = startServerProcess({ DATABASE_URL: urls.app, HOEDER_DB_WAIT_SECONDS: '60' }, await freePort());
    try {
      // Loading the server takes a few seconds; then it reports each attempt and keeps waiting.
      for (let waited = 0; !/attempt 3,/.test(late.output()) && waited < 90_000; waited += 250) await sleep(250);
      expect(late.exited(), late.output()).toBeNull();
      expect(late.output()).toMatch(/database not reachable yet .*attempt 3,/);
      await cluster.restart();
      await waitForStatus200(late, '/health/ready', 60_000);
    } finally {
      late.kill();
    }
  }, 200_000);
});
