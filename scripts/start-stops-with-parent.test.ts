// `npm start` runs the server as a child. Killing `npm start` (its whole process group, or the
// script alone, with SIGKILL so nothing can pass a signal on) must take the server down too; it
// once kept running and answering. These tests start the real start path on a free port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSupportedNode } from './lib/lts-node.mjs';
import { freePort, repoRoot, sleep } from './lib/proc.mjs';

const marker = `hoeder-start-test-${process.pid}-${Date.now()}`;
const webDir = mkdtempSync(join(tmpdir(), 'hoeder-start-web-'));

/** Every process that carries this test's marker in its environment (server, scripts, npm). */
function markedPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(`HOEDER_START_TEST=${marker}`)) pids.push(Number(name));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pids;
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts `cmd args` like a user would (own process group) and waits until the server answers. */
async function start(cmd: string, args: string[]): Promise<{ child: ChildProcess; baseUrl: string; output: () => string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PUBLIC_URL: baseUrl, HOEDER_SEED: 'none', HOEDER_DATA_DIR: 'memory://', HOEDER_WEB_DIST: webDir, LOG_LEVEL: 'warn', HOEDER_START_TEST: marker };
  delete env.DATABASE_URL;
  const child = spawn(cmd, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 100_000;
  while (!(await answers(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not come up:\n${log}`);
    await sleep(300);
  }
  return { child, baseUrl, output: () => log };
}

async function stopsAnswering(baseUrl: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!(await answers(baseUrl))) return true;
    await sleep(200);
  }
  return false;
}

/** An older Node on this machine (the re-run path), if there is one. */
function olderNode(): string | undefined {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
      if (!isSupportedNode(version)) return path;
    } catch {
      // Not there.
    }
  }
  return undefined;
}

afterEach(() => {
  // A server left behind by a failing run must not outlive the test.
  for (const pid of markedPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

describe('a server started by npm start stops with its parent', { timeout: 150_000 }, () => {
  it('stops when the whole process group of `npm start` is killed with SIGKILL', async () => {
    const { child, baseUrl } = await start('npm', ['start']);
    process.kill(-child.pid!, 'SIGKILL');
    expect(await stopsAnswering(baseUrl, 15_000)).toBe(true);
  });

  it('stops when only the start script is killed with SIGKILL', async () => {
    const { child, baseUrl } = await start(process.execPath, ['scripts/start.mjs']);
    process.kill(child.pid!, 'SIGKILL');
    expect(await stopsAnswering(baseUrl, 15_000)).toBe(true);
    await sleep(500);
    expect(markedPids()).toEqual([]);
  });

  const older = olderNode();
  it.skipIf(!older)('on an older Node, runs the server on the LTS binary and still stops with the group', async () => {
    const { child, baseUrl, output } = await start(older!, ['scripts/start.mjs']);
    expect(output()).toMatch(/running under Node v2[24]\./);
    process.kill(-child.pid!, 'SIGKILL');
    expect(await stopsAnswering(baseUrl, 15_000)).toBe(true);
  });
});

process.on('exit', () => rmSync(webDir, { recursive: true, force: true }));
