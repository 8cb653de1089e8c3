// `npm start`: install what is missing, build the web UI if needed and run the server with the
// embedded database and demo data. Everything is overridable through the environment.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstall } from './lib/ensure-install.mjs';
import { npx, repoRoot } from './lib/proc.mjs';
import { SERVER_ENTRY, startEnv } from './lib/server-proc.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

async function main() {
  await ensureInstall();
  await ensureWebBuild();
  if (!existsSync(join(repoRoot, SERVER_ENTRY))) {
    console.error(`start: ${SERVER_ENTRY} does not exist yet; nothing to run.`);
    process.exit(1);
  }
  const child = spawn(...npx('tsx', [SERVER_ENTRY]), { cwd: repoRoot, env: startEnv(process.env), stdio: 'inherit' });
  // Ctrl+C reaches the whole foreground group anyway; forwarding covers `kill <pid>` of this
  // process (and service managers), and we stay alive until the server has shut down.
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => child.kill(sig));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`start: FAILED: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
