// `npm start`: install what is missing, build the web UI if needed and run the server with the
// embedded database and demo data. Everything is overridable through the environment.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstall } from './lib/ensure-install.mjs';
import { killGroup, repoRoot, tsxNode } from './lib/proc.mjs';
import { SERVER_ENTRY, startEnv } from './lib/server-proc.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

const MIGRATE_ENTRY = 'apps/server/src/cli/db-migrate.ts';

async function main() {
  await ensureInstall();
  await ensureWebBuild();
  if (!existsSync(join(repoRoot, SERVER_ENTRY))) {
    console.error(`start: ${SERVER_ENTRY} does not exist yet; nothing to run.`);
    process.exit(1);
  }
  // With PostgreSQL the owner step (migrations, the server's login) runs first, in a process of its
  // own; the server never sees the owner's URL (docs/adr/0011-database-roles-and-resilience.md).
  if (process.env.DATABASE_OWNER_URL) {
    const migrate = spawnSync(...tsxNode(MIGRATE_ENTRY), { cwd: repoRoot, env: process.env, stdio: 'inherit' });
    if (migrate.status !== 0) process.exit(migrate.status ?? 1);
  }
  const serverEnv = startEnv(process.env);
  delete serverEnv.DATABASE_OWNER_URL;
  // Own process group: Ctrl+C reaches only this process, which passes it on exactly once (the
  // server sees one signal, not two), and `kill <pid>` of this process works the same way.
  const child = spawn(...tsxNode(SERVER_ENTRY), { cwd: repoRoot, env: serverEnv, stdio: 'inherit', detached: true });
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => killGroup(child.pid, sig));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`start: FAILED: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
