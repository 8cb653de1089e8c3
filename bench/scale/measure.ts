// The scale benchmark's measurements: autocannon against one route with every response time kept
// (autocannon's own summary has no 95th percentile), and the anomaly job's progress in the server.
import autocannon from 'autocannon';
import type pg from 'pg';
import { loadAverages } from '../api/load';
import { percentile } from '../api/stats';
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
 * How fast the server's own anomaly job (its default schedule: asked every 5 s, up to 100,000
 * leaves per job, each job one transaction that also moves the cursor) works through the sealed
 * log, on the database's clock: from one commit of the cursor to the commit at which it has judged
 * `target` more leaves (or caught up, or `maxSeconds` passed). The gaps between jobs count: this is
 * the rate it keeps up with. The first commit seen is the starting line, so start-up is not counted.
 */
export async function anomalyRate(owner: pg.Client, target: number, maxSeconds: number): Promise<AnomalyRate> {
  const cursor = async () => {
    const r = await owner.query<{ leaf: string; at: Date }>('SELECT next_leaf AS leaf, updated_at AS at FROM anomaly_cursor WHERE cursor_id = 1');
    return r.rows[0] ? { leaf: Number(r.rows[0].leaf), at: r.rows[0].at.getTime() } : { leaf: 0, at: 0 };
  };
  const sealed = async () => Number((await owner.query<{ n: string }>('SELECT coalesce(max(tree_size), 0) AS n FROM audit_checkpoint')).rows[0]!.n);
  const alerts = async () => Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM anomaly_alert')).rows[0]!.n);
  const deadline = Date.now() + maxSeconds * 1000;
  const seen = await cursor();
  let base: { leaf: number; at: number } | null = null;
  let alertsAtBase = 0;
  let last = seen;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await cursor();
    if (now.at === last.at) continue;
    last = now;
    if (!base) {
      base = now;
      alertsAtBase = await alerts();
      continue;
    }
    if (now.leaf - base.leaf >= target || now.leaf >= (await sealed()) - 1000) break;
  }
  const entries = base ? last.leaf - base.leaf : 0;
  const seconds = base ? (last.at - base.at) / 1000 : 0;
  return { entries, seconds, perSecond: seconds > 0 ? entries / seconds : NaN, alerts: (await alerts()) - alertsAtBase, load: loadAverages() };
}
