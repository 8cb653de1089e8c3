// The scale benchmark's measurements: autocannon against one route with every response time kept
// (autocannon's own summary has no 95th percentile), and the anomaly job's progress in the server.
import { randomUUID } from 'node:crypto';
import { enqueueRecurringJob, openDatabase } from '@hoeder/db';
import autocannon from 'autocannon';
import type pg from 'pg';
import { loadAverages } from '../api/load';
import { percentile } from '../api/stats';
import { ANOMALY_JOB } from '../../apps/server/src/oversight/anomaly-job';
import type { ScaleRow } from './table';

export interface RouteSpec {
  id: string;
  label: string;
  user: string;
  path: string;
  /** p95 goal in ms. */
  goalMs: number;
}

/** `connections` users against one route for `seconds` after a 2 s warm-up. */
export async function measureRoute(baseUrl: string, cookie: string, spec: RouteSpec, connections: number, seconds: number): Promise<ScaleRow> {
  const run = (duration: number, times: number[] | null) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: `${baseUrl}${spec.path}`, connections, duration, headers: { cookie, accept: 'application/json' }, timeout: 10 }, (err, result) => (err ? reject(err) : resolve(result)));
      if (times) instance.on('response', (_client, statusCode, _bytes, responseTime) => statusCode < 300 && times.push(responseTime));
    });
  await run(2, null);
  const times: number[] = [];
  const r = await run(seconds, times);
  const ok = r['2xx'];
  return {
    id: spec.id,
    label: spec.label,
    user: spec.user,
    path: spec.path,
    connections,
    reqPerSec: ok / Math.max(r.duration, 0.001),
    p50Ms: times.length ? percentile(times, 50) : NaN,
    p95Ms: times.length ? percentile(times, 95) : NaN,
    p99Ms: times.length ? percentile(times, 99) : NaN,
    ok,
    errors: r.errors + r.non2xx + r.timeouts,
    goalMs: spec.goalMs,
    load: loadAverages(),
  };
}

/** Median of `n` single requests one after another (for a route that is not held to a goal under load). */
export async function sequential(baseUrl: string, cookie: string, path: string, n: number): Promise<{ medianMs: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    status = res.status;
  }
  return { medianMs: percentile(times, 50), status };
}

export interface AnomalyRate {
  entries: number;
  seconds: number;
  perSecond: number;
  alerts: number;
  load: string;
}

/**
 * How fast the server's own anomaly job works through the sealed log. The server runs without its
 * timer (which would judge the whole log while the server starts up, before anyone watches); this
 * asks for a job the way the timer does (`enqueueRecurringJob`, one pending at a time) as soon as
 * none is pending, so the job runner (polling every 500 ms) takes it up and the real evaluation
 * (cursor lock, rules, alerts and their audit entries, cursor; up to 100,000 leaves a job) runs in
 * the server. Leaves judged over wall time until `target` leaves or the end of the sealed log.
 */
export async function anomalyRate(owner: pg.Client, appUrl: string, target: number, maxSeconds: number): Promise<AnomalyRate> {
  const one = async (q: string) => Number((await owner.query<{ n: string }>(q)).rows[0]?.n ?? 0);
  const cursor = () => one('SELECT coalesce(max(next_leaf), 0) AS n FROM anomaly_cursor');
  const sealed = await one('SELECT coalesce(max(tree_size), 0) AS n FROM audit_checkpoint');
  const alertsBefore = await one('SELECT count(*) AS n FROM anomaly_alert');
  const start = await cursor();
  const database = await openDatabase({ databaseUrl: appUrl });
  const t0 = performance.now();
  let leaf = start;
  try {
    while (leaf - start < target && leaf < sealed && performance.now() - t0 < maxSeconds * 1000) {
      await enqueueRecurringJob(database.db, randomUUID(), ANOMALY_JOB, new Date());
      await new Promise((r) => setTimeout(r, 100));
      leaf = await cursor();
    }
  } finally {
    await database.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { entries: leaf - start, seconds, perSecond: (leaf - start) / seconds, alerts: (await one('SELECT count(*) AS n FROM anomaly_alert')) - alertsBefore, load: loadAverages() };
}
