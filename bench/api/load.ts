// One autocannon run against one route, turned into a table row. The load generator runs in
// this process; the server runs in a child process, so the two do not share an event loop.
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import type { HttpRow } from './stats';

/** A line of a benchmark's progress, with the time of day. */
export const benchLog = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The commit measured, named in every results table ('unknown' outside a git checkout). */
export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export const ROUTES = {
  me: () => '/api/me',
  'case-view': (caseId: string) => `/api/cases/${caseId}`,
  'case-list': () => '/api/cases',
} as const;

/** `uptime`'s load averages ("1.23, 0.98, 0.50"): the machine is shared, so this goes next to every number. */
export function loadAverages(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).split('load average:')[1]?.trim() ?? '?';
  } catch {
    return '?';
  }
}

export interface LoadOptions {
  baseUrl: string;
  path: string;
  cookie: string;
  connections: number;
  /** Seconds of load; or a fixed number of requests (every answer counted) with `amount`. */
  seconds?: number;
  amount?: number;
}

export async function runLoad(o: LoadOptions): Promise<autocannon.Result> {
  return autocannon({
    url: `${o.baseUrl}${o.path}`,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
    headers: { cookie: o.cookie, accept: 'application/json' },
    timeout: 10,
  });
}

export function toRow(database: HttpRow['database'], route: HttpRow['route'], path: string, connections: number, r: autocannon.Result, auditEntries: number | null): HttpRow {
  return {
    database,
    route,
    path: path.replace(/[0-9a-f-]{36}/, ':id'),
    connections,
    seconds: r.duration,
    reqPerSec: r['2xx'] / Math.max(r.duration, 0.001),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ok: r['2xx'],
    errors: r.errors + r.non2xx,
    non2xx: r.non2xx,
    auditEntries,
    load: loadAverages(),
  };
}
