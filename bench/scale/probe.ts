// Diagnostic (not part of the committed benchmark): against a server started on a cluster kept by
// `npm run bench:scale -- --keep`, runs routes one after another as run.ts does and samples what
// the database sessions wait on meanwhile, and when the sealer signed its checkpoints.
// tsx bench/scale/probe.ts --base http://127.0.0.1:PORT --owner URL --routes case,period [--seconds 10]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginAs } from '../../apps/server/src/auth/testing/login-as';
import { diagnosticRoutes, procCpuSeconds } from './diagnostics';
import { measureRoute } from './measure';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    owner: { type: 'string' },
    // A superuser login for pg_stat_activity (the owner sees only its own sessions).
    stats: { type: 'string' },
    routes: { type: 'string', default: 'case,actor,period' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    name: { type: 'string', default: 'Saar Veenstra' },
    reference: { type: 'string', default: '' },
    // The kept cluster's data directory (its postmaster.pid): CPU seconds of PostgreSQL per request.
    'pg-data': { type: 'string' },
    // The server's process id: its CPU seconds per request.
    'server-pid': { type: 'string' },
  },
});
const owner = new pg.Client({ connectionString: values.owner });
await owner.connect();
const besluit = (await owner.query<{ user_id: string }>(`SELECT user_id FROM app_user WHERE subject = 'besluit'`)).rows[0]!.user_id;
const typical = (
  await owner.query<{ id: string }>(
    `WITH per AS (SELECT data_subject_id AS id, count(*) AS n FROM audit_entry WHERE data_subject_id IS NOT NULL AND seq < 1100000 GROUP BY 1)
     SELECT id FROM per ORDER BY n, id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM per)`,
  )
).rows[0]!.id;
const reference = values.reference || (await owner.query<{ r: string }>(`SELECT reference AS r FROM case_summary ORDER BY reference DESC LIMIT 1`)).rows[0]!.r;
const all = diagnosticRoutes({ besluit, name: values.name!, typical, reference });
const cookies: Record<string, string> = { besluit: (await loginAs(values.base!, 'besluit')).cookie, inspectie: (await loginAs(values.base!, 'inspectie')).cookie };
const pgPid = values['pg-data'] ? Number(readFileSync(`${values['pg-data']}/postmaster.pid`, 'utf8').split('\n')[0]) : 0;
const serverPid = Number(values['server-pid'] ?? 0);
const cpu = () => ({ pg: pgPid ? procCpuSeconds(pgPid, true) : NaN, server: serverPid ? procCpuSeconds(serverPid, false) : NaN });
const one = async (sql: string) => (await owner.query(sql)).rows[0];
for (const id of values.routes!.split(',')) {
  const spec = all[id]!;
  const waits = new Map<string, number>();
  let sampling = true;
  const sampler = (async () => {
    const s = new pg.Client({ connectionString: values.stats ?? values.owner });
    await s.connect();
    while (sampling) {
      const r = await s.query<{ w: string; n: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu') || ' ' || state AS w, count(*) AS n FROM pg_stat_activity WHERE usename = 'hoeder_test_app' AND backend_type = 'client backend' GROUP BY 1`,
      );
      for (const row of r.rows) waits.set(row.w, (waits.get(row.w) ?? 0) + Number(row.n));
      await new Promise((res) => setTimeout(res, 20));
    }
    await s.end();
  })();
  const before = await one(`SELECT max(tree_size) AS t, count(*) AS c, (SELECT max(seq) FROM audit_entry) AS s FROM audit_checkpoint`);
  const t0 = Date.now();
  const cpu0 = cpu();
  const row = await measureRoute(values.base!, cookies[spec.user]!, spec, Number(values.connections), Number(values.seconds));
  const cpu1 = cpu();
  sampling = false;
  await sampler;
  const after = await one(`SELECT max(tree_size) AS t, count(*) AS c, (SELECT max(seq) FROM audit_entry) AS s FROM audit_checkpoint`);
  const unsealed = await one(`SELECT count(*) AS n FROM audit_entry e WHERE e.seq > (SELECT max(sealed_through_seq) FROM audit_checkpoint)`);
  console.log(
    `${spec.label}: ${row.reqPerSec.toFixed(0)} req/s p50 ${row.p50Ms} p95 ${row.p95Ms} p99 ${row.p99Ms} errors ${row.errors} (load ${row.load}); ` +
      `CPU ms/request (warm-up included) PostgreSQL ${((1000 * (cpu1.pg - cpu0.pg)) / row.ok).toFixed(2)} server ${((1000 * (cpu1.server - cpu0.server)) / row.ok).toFixed(2)}; ` +
      `from ${new Date(t0).toISOString().slice(11, 19)}: sealed ${Number(after.t) - Number(before.t)} leaves in ${Number(after.c) - Number(before.c)} checkpoints, unsealed now ${unsealed.n}`,
  );
  console.log(`  session samples: ${[...waits].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(', ')}`);
}
await owner.end();
process.exit(0);
