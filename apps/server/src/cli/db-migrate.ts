import { runOwnerStep } from '@hoeder/db';
import { loadConfig } from '../config';

/**
 * `npm run db:migrate`: the owner step (ADR 0011). Connects with DATABASE_OWNER_URL, applies the
 * pending migrations and, when DATABASE_URL is set, makes sure the server's login named there
 * exists and is a member of hoeder_app. The server itself never sees the owner's URL: `npm start`
 * runs this in a process of its own first and leaves the variable out of the server's environment.
 */
async function main(): Promise<number> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    console.log('db:migrate: DATABASE_OWNER_URL is not set; nothing to do (the embedded PGlite database migrates itself at start)');
    return 0;
  }
  const config = loadConfig();
  const result = await runOwnerStep({ ownerUrl, appUrl: config.databaseUrl, waitMs: config.databaseWaitSeconds * 1000 });
  const applied = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'schema already current';
  console.log(`db:migrate: ${applied}${result.appLogin ? `; server login ${result.appLogin}` : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error('db:migrate failed:', error instanceof Error ? error.message : error, cause);
    process.exit(1);
  },
);
