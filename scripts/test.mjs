// `npm test`: install what is missing, then run every suite on a supported Node LTS
// (lib/lts-node.mjs) and end with one line "N passed, N failed, N skipped" summed over all runs.
// Exit code 1 when anything failed, crashed or could not run. See docs/adr/0003-two-commands-and-test-infrastructure.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runE2e, vitestReporterArgs } from './lib/e2e-run.mjs';
import { ensureInstall } from './lib/ensure-install.mjs';
import { onSupportedNode } from './lib/lts-node.mjs';
import { startPgCluster } from './lib/pg-cluster.mjs';
import { npx, onCleanup, run, section } from './lib/proc.mjs';
import { ensureSystemDeps } from './lib/system-deps.mjs';
import { overallFailed, readRun, sumCounts, summaryLine } from './lib/vitest-report.mjs';

/** @type {import('./lib/vitest-report.mjs').RunResult[]} */
const runs = [];
/** @type {string[]} */
const errors = [];
/** @type {{ part: string, reason: string }[]} */
const skipped = [];
const reportDir = mkdtempSync(join(tmpdir(), 'hoeder-test-reports-'));
onCleanup(() => rmSync(reportDir, { recursive: true, force: true }));
const reportFile = () => join(reportDir, `run-${runs.length}.json`);
const message = (/** @type {unknown} */ err) => (err instanceof Error ? err.message : String(err));

/** The service tests' helper picks the real server only when this is set; keep run (a) on PGlite. */
const baseEnv = { ...process.env };
delete baseEnv.TEST_PG_ADMIN_URL;

/** @param {string} name @param {string[]} args @param {NodeJS.ProcessEnv} env */
async function vitestRun(name, args, env) {
  section(name);
  const file = reportFile();
  const cmd = npx('vitest', ['run', '--passWithNoTests', ...args, ...vitestReporterArgs(file)]);
  runs.push(readRun(name, await run(...cmd, { env }), file));
}

async function realPgRun(/** @type {boolean} */ hasPostgres) {
  if (!hasPostgres) return;
  section('PostgreSQL: starting a throw-away cluster');
  let cluster;
  try {
    cluster = await startPgCluster();
    console.log(`PostgreSQL ready at ${cluster.adminUrl}`);
  } catch (err) {
    errors.push(`could not start PostgreSQL: ${message(err)}`);
    return;
  }
  try {
    const env = { ...baseEnv, TEST_PG_ADMIN_URL: cluster.adminUrl };
    await vitestRun('service tests on real PostgreSQL', ['apps/server', 'packages/db'], env);
  } finally {
    // Stopped before e2e: nothing there needs it, and the 2-core CI box needs the memory.
    cluster.stop();
  }
}

async function e2eRun() {
  section('e2e (browser against a running server)');
  const file = reportFile();
  try {
    const result = await runE2e({ reportFile: file });
    if (result.status === 'skipped') skipped.push({ part: 'e2e', reason: result.reason });
    else runs.push(readRun('e2e', result.exitCode, file));
  } catch (err) {
    runs.push({ name: 'e2e', counts: { passed: 0, failed: 0, skipped: 0 }, crashed: true, note: message(err) });
  }
}

function printSummary() {
  section('summary');
  for (const r of runs) {
    const c = r.counts;
    const tail = r.crashed ? `  CRASHED (${r.note})` : r.note ? `  (${r.note})` : '';
    console.log(`${r.name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${tail}`);
    for (const f of (r.failures ?? []).slice(0, 30)) console.log(`  FAILED ${f}`);
  }
  for (const s of skipped) console.log(`SKIPPED: ${s.part}: ${s.reason}`);
  for (const e of errors) console.log(`ERROR: ${e}`);
  console.log(summaryLine(sumCounts(runs)));
}

async function main() {
  section('install');
  try {
    await ensureInstall();
  } catch (err) {
    errors.push(`install failed: ${message(err)}`);
    printSummary();
    process.exit(1);
  }
  // Installed with whatever Node runs this; the suites run on a supported LTS (re-run under it).
  await onSupportedNode('test');
  section('system dependencies');
  const deps = await ensureSystemDeps();
  errors.push(...deps.errors);
  skipped.push(...deps.skipped);
  if (process.env.CI && deps.skipped.length > 0) {
    errors.push('CI must run every suite; missing system packages are a failure here, not a skip');
  }
  await vitestRun('unit and service tests (embedded PGlite)', [], baseEnv);
  await realPgRun(deps.postgres);
  // Without chromium the skip is already reported by ensureSystemDeps (or is an error as root).
  if (deps.chromium) await e2eRun();
  printSummary();
  process.exit(overallFailed(runs, errors) ? 1 : 0);
}

main().catch((err) => {
  errors.push(`test runner crashed: ${err instanceof Error ? err.stack : err}`);
  printSummary();
  process.exit(1);
});
