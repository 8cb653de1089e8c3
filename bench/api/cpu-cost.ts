// npm run bench:api-cpu -- [--connections 50] [--requests 4000] [--rounds 3] [--routes me,case-view,case-list]
//   [--node-options "--cpu-prof --cpu-prof-dir=/tmp/prof"] [--pg-log] [--server-v8-flags "--max-semi-space-size=32"]
// CPU time per request of each side (the server process, PostgreSQL's processes, the load
// generator), from /proc, for a fixed number of requests per route. On a shared machine a
// throughput figure moves with the neighbours' load; the CPU a request costs moves much less, and
// on a CPU-bound 2-core box it is what the throughput ratio follows. Not part of `npm test`.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginAs } from '../../apps/server/src/auth/testing/login-as';
import { asPgUser, startPgCluster } from '../../scripts/lib/pg-cluster.mjs';
import { findPgBinDir } from '../../scripts/lib/system-deps.mjs';
import { freePort, killGroup, repoRoot, serverNode, SERVER_V8_FLAGS, sleep } from '../../scripts/lib/proc.mjs';
import { benchDatabase } from './http-suite';
import { loadAverages, ROUTES, runLoad } from './load';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    requests: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    routes: { type: 'string', default: 'me,case-view,case-list' },
    'node-options': { type: 'string', default: '' },
    /** The server's V8 flags (default: those `npm start` uses); `--server-v8-flags=` runs it with V8's defaults, for an A/B. */
    'server-v8-flags': { type: 'string', default: SERVER_V8_FLAGS.join(' ') },
    'pg-log': { type: 'boolean', default: false },
    'pg-stats': { type: 'boolean', default: false },
    /** Record `perf` (all threads of the server and PostgreSQL) during the first round's last route into this file. */
    perf: { type: 'string' },
  },
});
const connections = Number(values.connections);
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const routes = values.routes.split(',') as (keyof typeof ROUTES)[];

const TICK_MS = 1000 / 100; // USER_HZ
/** utime + stime (+ reaped children's) of one process, in ms; 0 when it is gone. */
function cpuMs(pid: number, withChildren = false, part: 'all' | 'sys' = 'all'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const t = (part === 'all' ? Number(f[11]) : 0) + Number(f[12]) + (withChildren ? (part === 'all' ? Number(f[13]) : 0) + Number(f[14]) : 0);
    return t * TICK_MS;
  } catch {
    return 0;
  }
}
function pgPids(postmaster: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
}
const startPerf = (file: string, pids: number[]) => spawn('perf', ['record', '-F', '1999', '-g', '-o', file, '-p', pids.join(',')], { stdio: 'ignore' });
/** The postmaster and every backend it started (their own CPU, and that of those already reaped). */
function pgCpuMs(postmaster: number): number {
  let sum = cpuMs(postmaster, true);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) sum += cpuMs(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}
const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const cluster = await startPgCluster();
let admin = new pg.Client({ connectionString: cluster.adminUrl });
await admin.connect();
if (values['pg-log']) {
  await admin.query("ALTER SYSTEM SET log_statement = 'all'");
  await admin.query('SELECT pg_reload_conf()');
}
if (values['pg-stats']) {
  // pg_stat_statements needs a restart to load; reset after the warm-up, printed at the end.
  await admin.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  await admin.end();
  const binDir = findPgBinDir()!;
  const [c, a] = asPgUser(process.getuid?.() === 0, join(binDir, 'pg_ctl'), ['-D', join(cluster.dir, 'data'), '-w', 'restart', '-l', join(cluster.dir, 'server.log')]);
  execFileSync(c, a, { cwd: '/', stdio: 'ignore' });
  admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE EXTENSION pg_stat_statements');
}
const urls = await benchDatabase(admin, cluster.adminUrl);
const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: urls.app, PORT: String(port), PUBLIC_URL: baseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOEDER_SEED: 'demo', NODE_OPTIONS: values['node-options'] };
delete env.HOEDER_TEST_CLOCK;
const v8Flags = values['server-v8-flags'].split(' ').filter(Boolean);
const [cmd, args] = serverNode('apps/server/src/main.ts', v8Flags);
const server = spawn(cmd, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const stop = async () => {
  killGroup(server.pid, 'SIGTERM');
  await sleep(3000);
  killGroup(server.pid, 'SIGKILL');
  await admin.end().catch(() => undefined);
  cluster.stop();
};
try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (i > 1200) throw new Error('server not healthy');
    await sleep(500);
  }
  const { cookie } = await loginAs(baseUrl, 'triage');
  const list = (await (await fetch(`${baseUrl}/api/cases`, { headers: { cookie } })).json()) as { caseId: string }[];
  const caseId = list[0]!.caseId;
  const view = await (await fetch(`${baseUrl}${ROUTES['case-view'](caseId)}`, { headers: { cookie } })).text();
  console.log(`server V8 flags: ${v8Flags.join(' ') || '(none)'}; load ${loadAverages()}; uptime ${readFileSync('/proc/uptime', 'utf8').split(' ')[0]} s; case view ${view.length} bytes, list ${JSON.stringify(list).length} bytes (${list.length} cases)`);
  for (const route of routes) await runLoad({ baseUrl, path: ROUTES[route](caseId), cookie, connections, amount: 1000 });
  const stats = values['pg-stats'] ? admin : null;
  await stats?.query('SELECT pg_stat_statements_reset()');
  let served = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const route of routes) {
      const path = ROUTES[route](caseId);
      const k0 = cpuMs(server.pid!, false, 'sys');
      const s0 = cpuMs(server.pid!), p0 = pgCpuMs(postmaster), c0 = selfCpuMs(), t0 = performance.now();
      const perf = values.perf && round === 1 && route === routes.at(-1) ? startPerf(values.perf, [server.pid!, ...pgPids(postmaster)]) : null;
      const r = await runLoad({ baseUrl, path, cookie, connections, amount: requests });
      if (perf) {
        perf.kill('SIGINT');
        await new Promise((res) => perf.on('exit', res));
      }
      const k1 = cpuMs(server.pid!, false, 'sys');
      const s1 = cpuMs(server.pid!), p1 = pgCpuMs(postmaster), c1 = selfCpuMs(), t1 = performance.now();
      const n = r['2xx'];
      served += n;
      const per = (a: number, b: number) => ((b - a) / n).toFixed(3);
      console.log(
        `round ${round} ${route.padEnd(9)} ${n} ok ${r.errors + r.non2xx} err  ${(n / ((t1 - t0) / 1000)).toFixed(0).padStart(5)} req/s p50 ${r.latency.p50} p99 ${r.latency.p99} ms  CPU ms/req: server ${per(s0, s1)} (sys ${per(k0, k1)}) pg ${per(p0, p1)} loadgen ${per(c0, c1)}  (load ${loadAverages()})`,
      );
    }
  }
  if (stats) {
    const { rows } = await stats.query<{ calls: string; total: number; q: string }>("SELECT calls, total_exec_time AS total, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25");
    console.log(`pg_stat_statements over ${served} requests (exec ms per request, calls per request):`);
    for (const r of rows) console.log(`  ${(r.total / served).toFixed(3)} ms  ${(Number(r.calls) / served).toFixed(2)}x  ${r.q}`);
  }
} finally {
  await stop();
}
process.exit(0);
