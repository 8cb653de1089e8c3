// Starts the Hoeder server as a child for the e2e run and makes sure it is gone afterwards.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { killGroup, onCleanup, repoRoot, serverNode, sleep } from './proc.mjs';

export const SERVER_ENTRY = 'apps/server/src/main.ts';
const MAX_LOG = 200_000;

/** `npm start` defaults for the demo; a value already in the environment wins. @param {NodeJS.ProcessEnv} env */
export function startEnv(env) {
  const port = env.PORT || '3000';
  return {
    ...env,
    PORT: port,
    HOEDER_DATA_DIR: env.HOEDER_DATA_DIR || join(repoRoot, '.data', 'pglite'),
    HOEDER_SEED: env.HOEDER_SEED || 'demo',
    PUBLIC_URL: env.PUBLIC_URL || `http://localhost:${port}`,
  };
}

/**
 * Spawns the server (`node --import tsx apps/server/src/main.ts`) in its own process group
 * (detached), so it and anything it starts can be killed at once, with an IPC channel so it stops
 * when this process dies (exit-with-parent.mjs). Output is kept to show when something fails.
 * With the server's V8 flags (proc.mjs `SERVER_V8_FLAGS`) unless others are given.
 * @param {NodeJS.ProcessEnv} env @param {string} [entry] a stand-in server, for testing the harness
 * @param {readonly string[]} [v8Flags]
 */
export function startServer(env, entry = SERVER_ENTRY, v8Flags = undefined) {
  const child = spawn(...serverNode(entry, v8Flags), {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const keep = (/** @type {Buffer} */ d) => {
    log = (log + d.toString()).slice(-MAX_LOG);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  /** @type {{ code: number | null, signal: string | null } | null} */
  let exited = null;
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  const kill = (/** @type {NodeJS.Signals} */ sig) => killGroup(child.pid, sig);
  // Last resort on any exit of this process; the normal path is stop() below.
  const unregister = onCleanup(() => kill('SIGKILL'));
  return {
    output: () => log,
    exited: () => exited,
    /** SIGTERM the group, SIGKILL after 10 s. */
    async stop() {
      kill('SIGTERM');
      const done = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) kill('SIGKILL');
      await sleep(100);
      kill('SIGKILL');
      unregister();
    },
  };
}

/**
 * Polls GET <baseUrl>/health until it answers 200. Throws with the server's output when the
 * server exits or the timeout passes.
 * @param {string} baseUrl @param {ReturnType<typeof startServer>} server @param {number} [timeoutMs]
 */
export async function waitForHealth(baseUrl, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const ex = server.exited();
    if (ex) throw new Error(`server exited (${ex.code ?? ex.signal}) before it was healthy:\n${server.output()}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(500);
  }
  throw new Error(`server not healthy after ${timeoutMs / 1000} s (${last}):\n${server.output()}`);
}
