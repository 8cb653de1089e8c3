// npm run bench:proof -- [--audit 100000] [--cases 1000] [--requests 40] [--reference 3]
// ADR 0037: the inspectorate's proof of inclusion with a large log, without the rest of the scale
// benchmark. Same seed as bench:scale (throw-away PostgreSQL 15, demo seed through the real server,
// seed-cases.ts and seed-audit.ts, sealed by the server's sealer), then `--requests` proofs over
// HTTP (from stored subtree nodes) and, for comparison, `--reference` proofs computed the way the
// viewer did before (every leaf hash up to the checkpoint, then the reference tree) on the same data.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { listAuditCheckpoints, listLeafHashes, openDatabase } from '@hoeder/db';
import { fromHex, inclusionProof, subtreesOf } from '@hoeder/domain/audit';
import { loginAs } from '../../apps/server/src/auth/testing/login-as';
import { startPgCluster } from '../../scripts/lib/pg-cluster.mjs';
import { benchDatabase, startBenchServer } from '../api/http-suite';
import { benchLog, loadAverages } from '../api/load';
import { percentile } from '../api/stats';
import { measureProofs } from './measure';
import { seedAudit } from './seed-audit';
import { seedCases } from './seed-cases';

const { values } = parseArgs({
  options: {
    audit: { type: 'string', default: '100000' },
    cases: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '40' },
    reference: { type: 'string', default: '3' },
  },
});
const [auditEntries, cases, requests, reference] = [values.audit, values.cases, values.requests, values.reference].map(Number) as [number, number, number, number];
const log = benchLog;

log(`load ${loadAverages()}`);
const cluster = await startPgCluster();
try {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  const urls = await benchDatabase(admin, cluster.adminUrl);
  await admin.end();
  const keyPath = join(cluster.dir, 'audit-signing-key.pem');
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  writeFileSync(keyPath, signingKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o644 });
  const env = { DATABASE_URL: urls.app, HOEDER_AUDIT_SIGNING_KEY: keyPath, HOEDER_NOTIFY_INTERVAL_MS: '0', HOEDER_ANOMALY_INTERVAL_MS: '0' };
  let s = await startBenchServer(env);
  await s.server.stop();
  const owner = new pg.Client({ connectionString: urls.owner });
  await owner.connect();
  try {
    await seedCases(owner, cases, log);
    const a = await seedAudit(owner, urls.app, signingKey, auditEntries, new Date(), log);
    log(`${a.entries} audit entries sealed in ${a.sealSeconds.toFixed(1)} s (${a.checkpoints} checkpoints)`);
    await owner.query('VACUUM ANALYZE audit_node');
    const nodes = (await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_node')).rows[0]!.n;
    s = await startBenchServer(env);
    try {
      const cookie = (await loginAs(s.baseUrl, 'inspectie')).cookie;
      const p = await measureProofs(owner, s.baseUrl, cookie, requests);
      log(`stored nodes (${nodes} rows): ${p.requests} proofs over HTTP, tree ${p.treeSize}: p50 ${p.p50Ms.toFixed(1)} ms, p95 ${p.p95Ms.toFixed(1)} ms, ${p.verified} verified, load ${p.load}`);
    } finally {
      await s.server.stop();
    }
    const database = await openDatabase({ databaseUrl: urls.app });
    try {
      const times: number[] = [];
      for (let i = 0; i < reference; i += 1) {
        const t0 = performance.now();
        const [checkpoint] = await listAuditCheckpoints(database.db, Math.floor(((i + 1) * auditEntries) / (reference + 1)), 1);
        const leaves = (await listLeafHashes(database.db, 0, checkpoint!.treeSize)).map(fromHex);
        inclusionProof(Math.floor(((i + 1) * auditEntries) / (reference + 1)), checkpoint!.treeSize, subtreesOf(leaves));
        times.push(performance.now() - t0);
      }
      log(`before (every leaf read, in-process, no HTTP): ${reference} proofs, p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, load ${loadAverages()}`);
    } finally {
      await database.close();
    }
  } finally {
    await owner.end();
  }
} finally {
  cluster.stop();
}
process.exit(0);
