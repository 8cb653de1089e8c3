// Small process helpers shared by the root scripts. node: built-ins only, because these run
// before `npm install`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a command with inherited stdio (output streams live) and resolves with its exit code.
 * A signal death resolves as 128 + signal number, like a shell would report it. The child gets
 * its own process group, which is sent SIGTERM if this process exits first (Ctrl+C, a CI
 * timeout killing only us), so no vitest worker or browser outlives `npm test`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [opts]
 * @returns {Promise<number>}
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', detached: true, ...opts });
    const unregister = onCleanup(() => killGroup(child.pid, 'SIGTERM'));
    child.on('error', (err) => {
      unregister();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      unregister();
      resolve(code ?? 128 + signalNumber(signal));
    });
  });
}

/**
 * Signals a whole process group; silent when it is already gone.
 * @param {number | undefined} pid leader of the group @param {NodeJS.Signals} sig
 */
export function killGroup(pid, sig) {
  try {
    if (pid) process.kill(-pid, sig);
  } catch {
    // The group is already gone.
  }
}

/** @param {NodeJS.Signals | null} signal */
function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal ?? ''] ?? 1;
}

/**
 * Command line for a locally installed npm bin. `--no` makes npx refuse to download a missing
 * tool instead of silently fetching some other version from the registry.
 * @param {string} tool @param {string[]} args
 * @returns {[string, string[]]}
 */
export function npx(tool, args) {
  return ['npx', ['--no', '--', tool, ...args]];
}

/**
 * Command line that runs a TypeScript entry in ONE node process (`node --import tsx`), rather
 * than `npx tsx` (npm → sh → tsx → node): npm exec does not pass SIGTERM on, so the server
 * would outlive `kill <pid>` of its parent.
 * @param {string} entry
 * @returns {[string, string[]]}
 */
export function tsxNode(entry) {
  return [process.execPath, ['--import', 'tsx', entry]];
}

/**
 * Like run() but throws when the exit code is not 0.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [opts]
 */
export async function runOrThrow(cmd, args, opts = {}) {
  const code = await run(cmd, args, opts);
  if (code !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited with code ${code}`);
}

/**
 * Asks the kernel for a free loopback port. The port is released before the caller binds it, so
 * a race is possible in theory; on a CI box with nothing else listening it does not happen.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const cleanups = new Set();
let handlersInstalled = false;

/**
 * Registers a synchronous cleanup that runs when the process exits for any reason. SIGINT,
 * SIGTERM and SIGHUP are turned into a normal exit so the same cleanups run then too; this is
 * what guarantees no PostgreSQL cluster or server is left behind after Ctrl+C or a CI timeout.
 * @param {() => void} fn
 * @returns {() => void} unregisters fn
 */
export function onCleanup(fn) {
  cleanups.add(fn);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', () => {
      for (const f of [...cleanups].reverse()) {
        try {
          f();
        } catch (err) {
          console.error('cleanup failed:', err);
        }
      }
    });
    for (const [sig, n] of /** @type {const} */ ([['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]])) {
      process.on(sig, () => process.exit(128 + n));
    }
  }
  return () => cleanups.delete(fn);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prints a section header that stands out in a long CI log. @param {string} title */
export function section(title) {
  const bar = '='.repeat(Math.max(20, title.length + 8));
  console.log(`\n${bar}\n=== ${title}\n${bar}`);
}
