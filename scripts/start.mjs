// `npm start`: install what is missing, build the web UI if needed and run the server with the
// embedded database and demo data, on a supported Node LTS. Everything is overridable through the
// environment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstall } from './lib/ensure-install.mjs';
import { onSupportedNode } from './lib/lts-node.mjs';
import { repoRoot, runTied, serverNode, tsxNode } from './lib/proc.mjs';
import { SERVER_ENTRY, startEnv } from './lib/server-proc.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

const MIGRATE_ENTRY = 'apps/server/src/cli/db-migrate.ts';

async function main() {
  await ensureInstall();
  await onSupportedNode('start');
  // A UI of one's own (HOEDER_WEB_DIST) is served as it is; only ours is built here.
  if (!process.env.HOEDER_WEB_DIST) await ensureWebBuild();
  if (!existsSync(join(repoRoot, SERVER_ENTRY))) {
    console.error(`start: ${SERVER_ENTRY} does not exist yet; nothing to run.`);
    process.exit(1);
  }
  // With PostgreSQL the owner step (migrations, the server's login) runs first, in a process of its
  // own; the server never sees the owner's URL (docs/adr/0011-database-roles-and-resilience.md).
  if (process.env.DATABASE_OWNER_URL) {
    const migrated = await runTied(...tsxNode(MIGRATE_ENTRY), { env: process.env });
    if (migrated !== 0) process.exit(migrated);
  }
  const serverEnv = startEnv(process.env);
  delete serverEnv.DATABASE_OWNER_URL;
  // Tied to this process: its own process group, so Ctrl+C reaches the server once (passed on by
  // this process, not also by the terminal), and it stops when this process dies in any way,
  // even SIGKILL of `npm start`'s whole group (it used to keep running and answering).
  process.exit(await runTied(...serverNode(SERVER_ENTRY), { env: serverEnv }));
}

main().catch((err) => {
  console.error(`start: FAILED: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
