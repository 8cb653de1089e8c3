import { mkdirSync } from 'node:fs';
import { compose } from './composition-root';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-accounts';
import { seedDemo } from './demo/demo-seed';

/** Starts Hoeder: database (migrated), demo data when asked, identity provider, API and web UI. */
async function main() {
  // The owner's URL belongs to the migration step (`npm run db:migrate`), never to the running server.
  delete process.env.DATABASE_OWNER_URL;
  const config = loadConfig();
  if (!config.databaseUrl && config.dataDir !== 'memory://') mkdirSync(config.dataDir, { recursive: true });
  const { app, deps } = await compose(config);
  if (config.seed === 'demo') {
    const seeded = await seedDemo(deps);
    app.log.info({ cases: seeded.casesCreated, accounts: seeded.accounts }, 'demo data ready (synthetic)');
  }
  await app.listen({ port: config.port, host: config.host });
  const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${a.roles.join(', ').padEnd(18)} ${a.displayName}`).join('\n');
  // The start banner is for the person who typed `npm start`; it holds no personal data.
  // eslint-disable-next-line no-console
  console.log(
    [
      '',
      `Hoeder draait op ${config.publicUrl}`,
      `Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
      config.seed === 'demo' ? `Demo-accounts (wachtwoord: ${DEMO_PASSWORD}) — SYNTHETISCHE gegevens:\n${accounts}` : '',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Hoeder failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
