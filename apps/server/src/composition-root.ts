import { openDatabase, type DatabaseHandle } from '@hoeder/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from './app';
import type { AppConfig } from './config';
import { adjustableClock, systemClock, type Clock } from './platform/clock';
import { createServices } from './services';
import { startAuditSealing } from './audit/audit-sealer';

export interface Composition {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
}

export async function compose(
  config: AppConfig,
  options: { clock?: Clock; database?: DatabaseHandle; logStream?: NodeJS.WritableStream } = {},
): Promise<Composition> {
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = options.clock ?? (config.testClock === 'adjustable' ? adjustableClock() : systemClock);
  const deps = createServices(database, config, clock);
  const app = await buildApp(deps, options.logStream ? { logStream: options.logStream } : {});
  // One sealer per process; the advisory lock keeps it to one at a time across processes.
  const sealing =
    config.audit.sealIntervalMs > 0
      ? startAuditSealing(() => deps.audit.sealOnce(database.db), config.audit.sealIntervalMs, (error) => app.log.error({ err: error }, 'audit seal failed'))
      : null;
  app.addHook('onClose', async () => {
    await sealing?.stop();
    if (!options.database) await database.close();
  });
  return { app, deps, database };
}
