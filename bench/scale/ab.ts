// Diagnostic (not part of the committed table): before/after on one seeded cluster, alternating.
// Servers from two source trees (e.g. a `git archive` of the base commit with node_modules copied
// by `cp -al`, and this worktree) run one after the other against a cluster kept by
// `npm run bench:scale -- --keep`, each for the same routes, `--rounds` times, so both see the same
// data and, as near as a shared machine allows, the same load. Reports p50/p95, req/s, the load,
// and PostgreSQL's CPU per request (all its processes; needs --pg-data).
// tsx bench/scale/ab.ts --app URL --owner URL --key PEM --trees /tmp/base,. --routes overview,operation [--rounds 2]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginAs } from '../../apps/server/src/auth/testing/login-as';
import { freePort } from '../../scripts/lib/proc.mjs';
import { diagnosticRoutes, procCpuSeconds } from './diagnostics';
import { measureRoute } from './measure';

const { values } = parseArgs({
  options: {
    app: { type: 'string' },
    owner: { type: 'string' },
    key: { type: 'string' },
    trees: { type: 'string' },
    routes: { type: 'string', default: 'overview,operation' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    'pg-data': { type: 'string' },
  },
});
if (!values.app || !values.owner || !values.key || !values.trees) throw new Error('--app, --owner, --key and --trees are required');
const owner = new pg.Client({ connectionString: values.owner });
await owner.connect();
const besluit = (await owner.query<{ user_id: string }>(`SELECT user_id FROM app_user WHERE subject = 'besluit'`)).rows[0]!.user_id;
const all = diagnosticRoutes({ besluit, name: 'Saar Veenstra' });
await owner.end();

/** CPU seconds of the postmaster and its live children. */
const pgCpu = (): number => (values['pg-data'] ? procCpuSeconds(Number(readFileSync(`${values['pg-data']}/postmaster.pid`, 'utf8').split('\n')[0]), true) : NaN);

for (let round = 1; round <= Number(values.rounds); round++) {
  for (const tree of values.trees.split(',').map((t) => resolve(t))) {
    // Each tree's own server launcher, so the server runs that tree's code.
    const { startServer, waitForHealth } = (await import(`${tree}/scripts/lib/server-proc.mjs`)) as typeof import('../../scripts/lib/server-proc.mjs');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: values.app, HOEDER_AUDIT_SIGNING_KEY: values.key, PORT: String(port), PUBLIC_URL: baseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOEDER_SEED: 'demo', HOEDER_NOTIFY_INTERVAL_MS: '0', HOEDER_ANOMALY_INTERVAL_MS: '0' };
    delete env.HOEDER_TEST_CLOCK;
    const server = startServer(env);
    try {
      await waitForHealth(baseUrl, server, 600_000);
      const cookies: Record<string, string> = { besluit: (await loginAs(baseUrl, 'besluit')).cookie, inspectie: (await loginAs(baseUrl, 'inspectie')).cookie };
      for (const id of values.routes.split(',')) {
        const spec = all[id]!;
        const c0 = pgCpu();
        const row = await measureRoute(baseUrl, cookies[spec.user]!, spec, Number(values.connections), Number(values.seconds));
        const c1 = pgCpu();
        console.log(
          `round ${round} ${tree}: ${spec.label}: ${row.reqPerSec.toFixed(0)} req/s p50 ${row.p50Ms} p95 ${row.p95Ms} p99 ${row.p99Ms} errors ${row.errors} ` +
            `PG CPU ${((1000 * (c1 - c0)) / row.ok).toFixed(2)} ms/req (load ${row.load})`,
        );
      }
    } finally {
      await server.stop();
    }
  }
}
process.exit(0);
