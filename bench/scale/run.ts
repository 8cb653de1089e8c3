// npm run bench:scale -- [--cases 10000] [--audit 1000000] [--connections 20] [--seconds 10]
//   [--anomaly-entries 200000] [--out bench/results/scale.json] [--cpu-prof DIR]
//   [--only overview,audit-operation] (only these route measures; the table then has only their rows)
// Issue 13: with 10,000 cases and 1,000,000 audit entries on PostgreSQL 15, are the decision
// maker's overview and a search within 100 ms p95, the inspectorate's audit search within 200 ms
// p95 at 20 users, and do the anomaly rules keep up with 1,000 entries/s? A throw-away cluster, the
// real server as a child process (production settings, its own login), demo seed, then the bulk
// seed (seed-cases.ts, seed-audit.ts) with the server stopped. Not part of `npm test`.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginAs } from '../../apps/server/src/auth/testing/login-as';
import { startPgCluster } from '../../scripts/lib/pg-cluster.mjs';
import { benchDatabase, startBenchServer } from '../api/http-suite';
import { benchLog, gitCommit, loadAverages } from '../api/load';
import { anomalyRate, measureProofs, measureRoute, sequential, type RouteSpec } from './measure';
import { seedAudit } from './seed-audit';
import { seedCases } from './seed-cases';
import { resultsMarkdown, type ScaleResult } from './table';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    audit: { type: 'string', default: '1000000' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    'anomaly-entries': { type: 'string', default: '200000' },
    out: { type: 'string', default: 'bench/results/scale.json' },
    'cpu-prof': { type: 'string' },
    // Keep the seeded cluster running afterwards (for EXPLAIN ANALYZE); stop with Ctrl-C.
    keep: { type: 'boolean', default: false },
    // Route ids (overview, search-reference, search-name, audit-case, audit-actor, audit-period,
    // audit-operation): measure only these, e.g. to rerun the open goals; the default runs all.
    only: { type: 'string' },
  },
});
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return n;
};
const [cases, auditEntries, connections, seconds, anomalyTarget] = [num('cases'), num('audit'), num('connections'), num('seconds'), num('anomaly-entries')];
const log = benchLog;
const commit = gitCommit();

const result: ScaleResult = {
  command: `npm run bench:scale -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(),
  commit,
  node: process.version,
  loadAtStart: loadAverages(),
  seed: { cases: 0, templateCases: 0, caseSeconds: 0, auditEntries: 0, auditInsertSeconds: 0, auditSealSeconds: 0, checkpoints: 0, visibleToDecisionMaker: 0 },
  rows: [],
  anomaly: null,
  proof: null,
  notes: [],
};
log(`Node ${process.version}, commit ${commit}, load ${result.loadAtStart}`);

const cluster = await startPgCluster();
// Background work the measurement does not ask for stays off: the notifier (it reads every user's
// queues once a minute) and, except in its own phase, the anomaly job. The sealer runs as always.
const quiet = { HOEDER_NOTIFY_INTERVAL_MS: '0', HOEDER_ANOMALY_INTERVAL_MS: '0' };
try {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  const urls = await benchDatabase(admin, cluster.adminUrl);
  await admin.end();
  // The server and the bulk sealer sign with the same key, so the viewer's proofs verify.
  const keyPath = join(cluster.dir, 'audit-signing-key.pem');
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  writeFileSync(keyPath, signingKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o644 });
  const serverEnv = { DATABASE_URL: urls.app, HOEDER_AUDIT_SIGNING_KEY: keyPath };

  log('demo seed through the real server');
  let s = await startBenchServer({ ...serverEnv, ...quiet });
  await s.server.stop();

  const owner = new pg.Client({ connectionString: urls.owner });
  await owner.connect();
  try {
    const c = await seedCases(owner, cases, log);
    log(`${c.cases} cases in ${c.seconds.toFixed(1)} s`);
    const a = await seedAudit(owner, urls.app, signingKey, auditEntries, new Date(), log);
    log(`${a.entries} audit entries: insert ${a.insertSeconds.toFixed(1)} s, seal ${a.sealSeconds.toFixed(1)} s (${a.checkpoints} checkpoints)`);
    result.seed = { cases: c.cases, templateCases: c.templates, caseSeconds: c.seconds, auditEntries: a.entries, auditInsertSeconds: a.insertSeconds, auditSealSeconds: a.sealSeconds, checkpoints: a.checkpoints, visibleToDecisionMaker: 0 };

    const cpuProf = values['cpu-prof'];
    s = await startBenchServer({ ...serverEnv, ...quiet, ...(cpuProf ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProf}` } : {}) });
    try {
      log('anomaly rules: jobs in the server, asked for one after another');
      const rate = await anomalyRate(owner, urls.app, anomalyTarget, 600);
      result.anomaly = { ...rate, goal: 1000 };
      log(`anomaly: ${rate.entries} entries in ${rate.seconds.toFixed(1)} s = ${rate.perSecond.toFixed(0)}/s`);
      const only = values.only?.split(',');
      const specs = (await routeSpecs(owner, s.baseUrl, c.sampleReference, c.sampleName)).filter((r) => !only || only.includes(r.id));
      if (only && specs.length !== only.length) throw new Error(`--only: unknown route id in ${values.only}`);
      const cookies = { besluit: (await loginAs(s.baseUrl, 'besluit')).cookie, inspectie: (await loginAs(s.baseUrl, 'inspectie')).cookie };
      // The overview counts up to 1,000 (ADR 0039): the cases the decision maker reaches, counted
      // in the database (membership or a live break-glass grant; the decision maker reads every marking).
      result.seed.visibleToDecisionMaker = Number(
        (
          await owner.query<{ n: string }>(
            `SELECT count(*) AS n FROM (SELECT m.case_id FROM case_member m JOIN app_user u ON u.user_id = m.user_id WHERE u.subject = 'besluit'
               UNION SELECT g.case_id FROM break_glass_grant g JOIN app_user u ON u.user_id = g.user_id WHERE u.subject = 'besluit' AND g.expires_at > now()) r`,
          )
        ).rows[0]!.n,
      );
      for (const spec of specs) {
        const row = await measureRoute(s.baseUrl, cookies[spec.user as keyof typeof cookies], spec, connections, seconds);
        log(`${spec.label}: ${row.reqPerSec.toFixed(0)} req/s, p50 ${row.p50Ms.toFixed(0)} p95 ${row.p95Ms.toFixed(0)} p99 ${row.p99Ms.toFixed(0)} ms, ${row.errors} errors (load ${row.load})`);
        result.rows.push(row);
      }
      result.proof = await measureProofs(owner, s.baseUrl, cookies.inspectie, 40);
      log(`proof of inclusion: ${result.proof.requests} requests, p50 ${result.proof.p50Ms.toFixed(0)} p95 ${result.proof.p95Ms.toFixed(0)} ms, ${result.proof.verified} verified (load ${result.proof.load})`);
      const list = await sequential(s.baseUrl, cookies.besluit, '/api/cases', 3);
      result.notes.push(`\`GET /api/cases\` (every visible case in one answer; the web overview no longer uses it): median of 3 single requests ${list.medianMs.toFixed(0)} ms.`);
    } finally {
      await s.server.stop();
    }
  } finally {
    await owner.end();
  }
  if (values.keep) {
    writeResults();
    log(`keeping the cluster: owner ${urls.owner}, app ${urls.app}, signing key ${keyPath}`);
    setInterval(() => undefined, 1 << 30);
    await new Promise(() => undefined);
  }
} finally {
  cluster.stop();
}

/** The measured routes: the decision maker's overview and searches, the inspector's audit searches. */
async function routeSpecs(owner: pg.Client, _baseUrl: string, reference: string, name: string): Promise<RouteSpec[]> {
  const besluit = (await owner.query<{ user_id: string }>(`SELECT user_id FROM app_user WHERE subject = 'besluit'`)).rows[0]!.user_id;
  // A case with a typical number of entries: the median over cases.
  const typical = (
    await owner.query<{ id: string }>(
      `WITH per AS (SELECT data_subject_id AS id, count(*) AS n FROM audit_entry WHERE data_subject_id IS NOT NULL GROUP BY 1)
       SELECT id FROM per ORDER BY n, id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM per)`,
    )
  ).rows[0]!.id;
  const month = new Date(Date.now() - 90 * 86_400_000);
  const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)).toISOString();
  const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1) - 1).toISOString();
  const q = (p: Record<string, string>) => new URLSearchParams(p).toString();
  return [
    { id: 'overview', label: 'Overview, default order, first page', user: 'besluit', path: '/api/cases/search', goalMs: 100 },
    { id: 'search-reference', label: 'Search by reference (8 characters)', user: 'besluit', path: `/api/cases/search?${q({ q: reference.slice(-8) })}`, goalMs: 100 },
    { id: 'search-name', label: "Search by a person's name", user: 'besluit', path: `/api/cases/search?${q({ q: name })}`, goalMs: 100 },
    { id: 'audit-case', label: 'Audit viewer: by case', user: 'inspectie', path: `/api/audit/entries?${q({ caseId: typical })}`, goalMs: 200 },
    { id: 'audit-actor', label: 'Audit viewer: by actor', user: 'inspectie', path: `/api/audit/entries?${q({ actorId: besluit })}`, goalMs: 200 },
    { id: 'audit-period', label: 'Audit viewer: by period (one month)', user: 'inspectie', path: `/api/audit/entries?${q({ from, to })}`, goalMs: 200 },
    { id: 'audit-operation', label: 'Audit viewer: by operation (case.view)', user: 'inspectie', path: `/api/audit/entries?${q({ operation: 'case.view' })}`, goalMs: 200 },
  ];
}

function writeResults() {
  mkdirSync(dirname(values.out), { recursive: true });
  const markdown = resultsMarkdown(result);
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(values.out.replace(/\.json$/, '.md'), markdown);
  console.log(`\n${markdown}\nwrote ${values.out} and ${values.out.replace(/\.json$/, '.md')}`);
}
writeResults();
process.exit(0);
