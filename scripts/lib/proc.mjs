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
 * would outlive `kill <pid>` of its parent. exit-with-parent.mjs makes the process stop when its
 * parent dies, if the parent gave it an IPC channel (runTied, startServer).
 * @param {string} entry
 * @returns {[string, string[]]}
 */
export function tsxNode(entry) {
  return [process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, entry]];
}
const EXIT_WITH_PARENT = new URL('./exit-with-parent.mjs', import.meta.url).href;

/**
 * V8 flags of the server process. A larger young generation (semi-space 32 MB, V8's default at
 * most 16): every request leaves short-lived garbage (rows, answers, audit records), and with the
 * default the scavenger ran often enough to be a fifth of the server's busy time under load; with
 * more room fewer of those objects live long enough to be copied (ADR 0047).
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=32'];

/**
 * Command line of the server: `tsxNode` with the server's V8 flags (`npm start`, the e2e run and
 * the API benchmarks start it this way). @param {string} entry @param {readonly string[]} [v8Flags]
 * @returns {[string, string[]]}
 */
export function serverNode(entry, v8Flags = SERVER_V8_FLAGS) {
  const [cmd, args] = tsxNode(entry);
  return [cmd, [...v8Flags, ...args]];
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
/** Process groups of children started with runTied(): signals to this process go to them instead. */
const tied = new Set();
let handlersInstalled = false;

/** @type {[NodeJS.Signals, number][]} */
const SIGNALS = [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]];

/**
 * One place that handles SIGINT, SIGTERM and SIGHUP. With a tied child running, the signal is
 * passed to its group exactly once and this process waits for the child's exit (the child shuts
 * down cleanly); otherwise it becomes a normal exit, so the cleanups below run.
 */
function installHandlers() {
  if (handlersInstalled) return;
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
  for (const [sig, n] of SIGNALS) {
    process.on(sig, () => {
      if (tied.size === 0) process.exit(128 + n);
      for (const pid of tied) killGroup(pid, sig);
    });
  }
}

/**
 * Registers a synchronous cleanup that runs when the process exits for any reason. SIGINT,
 * SIGTERM and SIGHUP are turned into a normal exit so the same cleanups run then too; this is
 * what guarantees no PostgreSQL cluster or server is left behind after Ctrl+C or a CI timeout.
 * @param {() => void} fn
 * @returns {() => void} unregisters fn
 */
export function onCleanup(fn) {
  cleanups.add(fn);
  installHandlers();
  return () => cleanups.delete(fn);
}

/**
 * Runs a long-lived child tied to this process both ways, and resolves with its exit code:
 * - it gets its own process group, and SIGINT/SIGTERM/SIGHUP sent to this process reach it
 *   exactly once (a Ctrl+C is not delivered twice);
 * - it gets an IPC channel; when this process dies in any way, even by SIGKILL, the channel
 *   closes and a child that called exitWithParent() stops (the kernel does not do this for us);
 * - when this process exits normally while the child still runs, the child's group gets SIGTERM.
 * @param {string} cmd @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [opts]
 * @returns {Promise<number>}
 */
export function runTied(cmd, args, opts = {}) {
  installHandlers();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['inherit', 'inherit', 'inherit', 'ipc'], ...opts, detached: true });
    if (child.pid) tied.add(child.pid);
    const unregister = onCleanup(() => killGroup(child.pid, 'SIGTERM'));
    const done = () => {
      if (child.pid) tied.delete(child.pid);
      unregister();
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + signalNumber(signal));
    });
  });
}

/**
 * Called by a process started with runTied() (or with an IPC channel by startServer): when the
 * parent goes away, the channel closes and this process gets SIGTERM from itself, so it shuts down
 * the way it does on `kill`; if that has not ended it within 10 s, it exits hard. Does nothing
 * without an IPC channel (started by hand). The channel does not keep the process alive.
 */
export function exitWithParent() {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    process.kill(process.pid, 'SIGTERM');
  });
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prints a section header that stands out in a long CI log. @param {string} title */
export function section(title) {
  const bar = '='.repeat(Math.max(20, title.length + 8));
  console.log(`\n${bar}\n=== ${title}\n${bar}`);
}
