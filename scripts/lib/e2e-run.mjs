// The e2e run: build the web UI if needed, start the server on a free port with a fresh
// embedded database and demo data, run the browser specs against it, stop the server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, npx, onCleanup, repoRoot, run, section } from './proc.mjs';
import { SERVER_ENTRY, startServer, waitForHealth } from './server-proc.mjs';
import { CHROMIUM_PATH } from './system-deps.mjs';
import { ensureWebBuild } from './web-build.mjs';

/**
 * Why the e2e run cannot happen on this machine, or null when it can.
 * @param {{ hasServer: boolean, hasChromium: boolean }} s
 */
export function e2eSkipReason(s) {
  if (!s.hasServer) return 'no server yet';
  if (!s.hasChromium) return `no chromium at ${CHROMIUM_PATH}`;
  return null;
}

/** Args for Vitest: default reporter on screen, plus JSON to reportFile when asked for. */
export function vitestReporterArgs(/** @type {string | undefined} */ reportFile) {
  return reportFile ? ['--reporter=default', '--reporter=json', `--outputFile=${reportFile}`] : [];
}

/**
 * @param {{ reportFile?: string, entry?: string, files?: string[] }} [opts] entry: a stand-in server,
 *   for testing this harness itself; files: run only these specs (filters as Vitest takes them)
 * @returns {Promise<{ status: 'skipped', reason: string } | { status: 'ran', exitCode: number }>}
 */
export async function runE2e({ reportFile, entry = SERVER_ENTRY, files = [] } = {}) {
  const reason = e2eSkipReason({
    hasServer: existsSync(resolve(repoRoot, entry)),
    hasChromium: existsSync(CHROMIUM_PATH),
  });
  if (reason) {
    console.log(`e2e: SKIPPED (${reason})`);
    return { status: 'skipped', reason };
  }
  await ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hoeder-e2e-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const unregister = onCleanup(removeData);
  // HOEDER_TEST_CLOCK: the DAF spec moves the server clock to make an assumption's re-test date pass (ADR 0009).
  const env = { ...process.env, PORT: String(port), HOEDER_DATA_DIR: dataDir, HOEDER_SEED: 'demo', PUBLIC_URL: baseUrl, HOEDER_TEST_CLOCK: 'adjustable' };
  // The e2e server uses its own embedded database; never a DATABASE_URL left in the shell.
  delete env.DATABASE_URL;
  console.log(`e2e: starting server on ${baseUrl}`);
  const server = startServer(env, entry);
  try {
    await waitForHealth(baseUrl, server);
    console.log('e2e: server is healthy');
    const vitestEnv = { ...process.env, E2E_BASE_URL: baseUrl };
    const args = ['run', '--config', 'e2e/vitest.config.ts', ...vitestReporterArgs(reportFile), ...files];
    const exitCode = await run(...npx('vitest', args), { env: vitestEnv });
    if (exitCode !== 0) {
      section('e2e: server output (tail)');
      console.log(server.output().split('\n').slice(-80).join('\n'));
    }
    return { status: 'ran', exitCode };
  } finally {
    await server.stop();
    removeData();
    unregister();
  }
}
