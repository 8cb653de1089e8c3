// npm run bench:anomaly -- [--entries 20000] [--out bench/results/anomaly.md]
// Issue 13 (ADR 0026): do the access anomaly rules keep up with 1,000 audit entries per second?
// Writes synthetic audited reads (the demo accounts reading many cases, some at night, some
// sweeps, a few canary reads) through the audit service, seals them, then times the evaluation
// through the real path: the cursor-locked transaction that reads sealed entries, runs the rules,
// stores alerts and their audit entries, and saves the cursor. Also the pure rules alone.
// PGlite by default; PostgreSQL when TEST_PG_ADMIN_URL is set. Not part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { CURRENT_ANOMALY_RULESET, evaluateAudit } from '@hoeder/domain';
import { sealedAuditFacts } from '@hoeder/db';
import { DEMO_ACCOUNTS } from '../../apps/server/src/demo/demo-accounts';
import { seedCanaries } from '../../apps/server/src/demo/demo-canaries';
import { openServiceFixture } from '../../apps/server/src/testing/service-fixture';
import { benchLog, gitCommit, loadAverages } from '../api/load';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '20000' }, out: { type: 'string', default: 'bench/results/anomaly.md' } } });
const total = Number(values.entries);
const log = benchLog;
const commit = gitCommit();

const loadAtStart = loadAverages();
const f = await openServiceFixture();
try {
  const canaries = await seedCanaries(f.deps);
  const readers = DEMO_ACCOUNTS.filter((a) => a.roles.some((r) => ['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator', 'liaison', 'inspector'].includes(r)));
  const caseIds = Array.from({ length: 2000 }, () => crypto.randomUUID());
  log(`writing ${total} audited reads by ${readers.length} users over ${caseIds.length} cases`);
  const start = Date.parse('2026-03-02T06:00:00Z');
  const perBatch = 1000;
  const w0 = performance.now();
  for (let written = 0; written < total; written += perBatch) {
    const reader = readers[(written / perBatch) % readers.length]!;
    const actor = f.actor(reader.username);
    const at = new Date(start + written * 1000);
    const events = Array.from({ length: Math.min(perBatch, total - written) }, (_, i) => {
      const n = written + i;
      const subject = n % 5000 === 0 ? canaries[0]! : caseIds[(n * 7919) % caseIds.length]!;
      return { operation: 'case.view', status: 'ok' as const, processingActivity: n % 13 === 0 ? 'protection.break_glass' : 'protection.case_handling', objectType: 'case', objectId: subject, dataSubjectId: subject, details: {} };
    });
    await f.database.db.transaction().execute((trx) => f.deps.audit.recordMany(trx, { traceId: `bench-${written}`, now: at }, actor, events));
  }
  const writeMs = performance.now() - w0;
  log(`written in ${(writeMs / 1000).toFixed(1)} s; sealing`);
  const s0 = performance.now();
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
  const sealMs = performance.now() - s0;

  log('pure rules over all sealed entries');
  const { facts } = await sealedAuditFacts(f.database.db, 0, total + 1000);
  const p0 = performance.now();
  const pure = evaluateAudit(CURRENT_ANOMALY_RULESET, {}, facts, new Set(canaries));
  const pureMs = performance.now() - p0;

  log('the real evaluation (cursor, rules, alerts, audit, cursor) until caught up');
  const e0 = performance.now();
  let judged = 0;
  let alerts = 0;
  for (;;) {
    const r = await f.database.db.transaction().execute((trx) => f.deps.anomalyDetector.evaluateIn(trx, f.clock.now()));
    judged += r.entries;
    alerts += r.alerts;
    if (r.entries === 0) break;
  }
  const evalMs = performance.now() - e0;
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
  const kind = process.env.TEST_PG_ADMIN_URL ? 'PostgreSQL 15' : 'PGlite';
  const rows = [
    ['Database', kind],
    ['Entries judged (all sealed entries, incl. the seed’s)', String(judged)],
    ['Alerts raised', `${alerts} (pure rules: ${pure.alerts.length} drafts)`],
    ['Evaluation through the database (entries/s)', `**${rate(judged, evalMs)}** (${(evalMs / 1000).toFixed(2)} s)`],
    ['Pure rules alone (entries/s)', `${rate(facts.length, pureMs)} (${(pureMs / 1000).toFixed(2)} s)`],
    ['Writing the audited reads (entries/s, for scale)', `${rate(total, writeMs)}`],
    ['Sealing them (entries/s, for scale)', `${rate(total, sealMs)}`],
    ['Target', '≥ 1,000 entries/s'],
    ['Load average at start / end', `${loadAtStart} / ${loadAverages()}`],
  ];
  const md = [
    `# Access anomaly rules: throughput (issue 13, ADR 0026)`,
    '',
    `Commit ${commit}, ${new Date().toISOString().slice(0, 16)}Z, \`npm run bench:anomaly -- --entries ${total}\`.`,
    'A short run on a **shared 2-core machine** (other helpers were running tests at the same time): the figures are a lower bound, not a quiet-machine measurement.',
    '',
    '| Measure | Value |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, md);
  console.log(md);
} finally {
  await f.close();
}
