// A throw-away PostgreSQL cluster for the service tests: fresh data dir in /tmp, loopback only,
// fsync off, removed again on stop() or on any exit of this process.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, onCleanup } from './proc.mjs';
import { findPgBinDir } from './system-deps.mjs';

/** Settings appended to postgresql.conf. A config file rather than `-o "-c ..."` because pg_ctl
 * passes -o through a shell, and the file also documents the cluster for someone debugging it.
 * `crashSafe` keeps synchronous_commit on, so a commit that was acknowledged survives a kill -9
 * of the server (fsync stays off: that only matters when the machine itself goes down).
 * @param {{ port: number, socketDir: string, crashSafe?: boolean }} o */
export function clusterConfig({ port, socketDir, crashSafe = false }) {
  return [
    '',
    '# hoeder throw-away test cluster',
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    'fsync = off',
    `synchronous_commit = ${crashSafe ? 'on' : 'off'}`,
    'full_page_writes = off',
    'max_connections = 200',
    '',
  ].join('\n');
}

/** Only the private socket and 127.0.0.1; nothing reaches this cluster from outside the host. */
export const HBA = 'local all all trust\nhost all all 127.0.0.1/32 trust\n';

/**
 * How to run a PostgreSQL binary: initdb and postgres refuse to run as root, so as root we
 * switch to the `postgres` OS user that Debian's package creates.
 * @param {boolean} isRoot @param {string} bin @param {string[]} args
 * @returns {[string, string[]]}
 */
export function asPgUser(isRoot, bin, args) {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/** @param {string} cmd @param {string[]} args @param {string} cwd */
function capture(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    // stdin/out to /dev/null-ish pipes; 'exit' rather than 'close' because pg_ctl leaves a
    // daemon behind that could keep inherited pipes open.
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

function postgresIds() {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root but there is no `postgres` OS user (apt-get install postgresql creates it)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether this machine has the server binaries to start a cluster of its own. */
export const canStartPgCluster = () => findPgBinDir() !== null;

/**
 * @typedef {{ adminUrl: string, port: number, dir: string, stop: () => void, kill: () => number, restart: () => Promise<void> }} PgCluster
 */

/**
 * Starts the cluster. Resolves once it accepts TCP connections on 127.0.0.1. `kill()` sends
 * SIGKILL to the postmaster (a crash, for resilience tests) and returns its pid; `restart()` starts
 * it again on the same data folder and port.
 * @param {{ crashSafe?: boolean }} [options]
 * @returns {Promise<PgCluster>}
 */
export async function startPgCluster(options = {}) {
  const binDir = findPgBinDir();
  if (!binDir) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hoeder-pg-'));
  const data = join(dir, 'data');
  const pg = (/** @type {string} */ name, /** @type {string[]} */ args) =>
    capture(...asPgUser(isRoot, join(binDir, name), args), dir);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unregister();
    stopServer(isRoot, binDir, data);
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onCleanup(stop);
  try {
    chmodSync(dir, 0o700);
    if (isRoot) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
    }
    const init = await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.out}`);
    const port = await freePort();
    appendFileSync(join(data, 'postgresql.conf'), clusterConfig({ port, socketDir: dir, crashSafe: options.crashSafe }));
    writeFileSync(join(data, 'pg_hba.conf'), HBA);
    const log = join(dir, 'server.log');
    const start = async () => {
      const r = await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
      if (r.code !== 0) throw new Error(`pg_ctl start failed:\n${r.out}\n${readTail(log)}`);
      await waitReady(binDir, port);
    };
    await start();
    const kill = () => killPostmaster(data);
    // After a kill -9 the orphaned backends exit on their own within moments; until they have,
    // the old shared memory is in use and the postmaster refuses to start, so try for a while.
    const restart = async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          return await start();
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((res) => setTimeout(res, 500));
        }
      }
    };
    return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop, kill, restart };
  } catch (err) {
    stop();
    throw err;
  }
}

/** @param {string} file */
function readTail(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '';
}

/** pg_ctl -w already waits for "ready"; this also proves the TCP listener is up. */
async function waitReady(/** @type {string} */ binDir, /** @type {number} */ port) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await capture(join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], tmpdir());
    if (r.code === 0) return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL not ready on port ${port}: ${r.out}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** SIGKILL to the postmaster named in postmaster.pid; returns its pid. @param {string} data */
function killPostmaster(data) {
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!(pid > 0)) throw new Error('no postmaster pid');
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Synchronous so it also works from an 'exit' handler. Falls back to killing the postmaster. */
function stopServer(/** @type {boolean} */ isRoot, /** @type {string} */ binDir, /** @type {string} */ data) {
  const pidFile = join(data, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [cmd, args] = asPgUser(isRoot, join(binDir, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  const r = spawnSync(cmd, args, { stdio: 'ignore', cwd: '/' });
  if (r.status === 0 || !existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone: nothing to stop.
  }
}
