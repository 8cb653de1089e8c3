import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Everything the server printed (kept to explain a failure). */
  output(): string;
  /** Null while it runs; its exit code or signal once it has ended. */
  exited(): string | null;
  kill(): void;
}

/** Runs the real server (`apps/server/src/main.ts`) as a child process, as `npm start` does. */
export function startServerProcess(env: Record<string, string>, port: number): ServerProcess {
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['TEST_PG_ADMIN_URL', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'HOEDER_DATA_DIR']) delete baseEnv[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...baseEnv, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, HOEDER_SEED: 'none', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-100_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: string | null = null;
  child.on('exit', (code, signal) => (exit = `exit ${code ?? signal}`));
  return {
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    exited: () => exit,
    kill: () => child.kill('SIGKILL'),
  };
}

/** Polls `path` until it answers 200; throws with the server's output when it exits or time runs out. */
export async function waitForStatus200(server: ServerProcess, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`server ended (${server.exited()}):\n${server.output()}`);
    try {
      const response = await fetch(new URL(path, server.baseUrl), { signal: AbortSignal.timeout(3_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${path} not 200 within ${timeoutMs} ms (${last}):\n${server.output()}`);
}
