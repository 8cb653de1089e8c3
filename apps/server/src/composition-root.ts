import { consoleLog, openDatabase, type DatabaseHandle, type DatabaseLog } from '@hoeder/db';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp, type AppDeps } from './app';
import type { AppConfig } from './config';
import { adjustableClock, systemClock, type Clock } from './platform/clock';
import { createServices } from './services';
import { startAuditSealing } from './audit/audit-sealer';
import { startNotifying } from './work/notifier';

export interface Composition {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
}

export async function compose(
  config: AppConfig,
  options: { clock?: Clock; database?: DatabaseHandle; logStream?: NodeJS.WritableStream; onRoute?: (route: RouteOptions) => void } = {},
): Promise<Composition> {
  // The database reports connection trouble before the app (and its logger) exists; from then on to the app's log.
  let log: DatabaseLog = consoleLog;
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, waitMs: config.databaseWaitSeconds * 1000, log: (level, message) => log(level, message) }));
  const clock = options.clock ?? (config.testClock === 'adjustable' ? adjustableClock() : systemClock);
  const deps = createServices(database, config, clock);
  const app = await buildApp(deps, { ...(options.logStream ? { logStream: options.logStream } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  log = (level, message) => app.log[level]({ component: 'database' }, message);
  // One sealer per process; the advisory lock keeps it to one at a time across processes.
  const sealing =
    config.audit.sealIntervalMs > 0
      ? startAuditSealing(() => deps.audit.sealOnce(database.db), config.audit.sealIntervalMs, (error) => app.log.error({ err: error }, 'audit seal failed'))
      : null;
  // Work notifications (issue 13): each round reads every user's queues and fills the mail outbox.
  const notifying =
    config.notifyIntervalMs > 0 ? startNotifying(() => deps.notifier.notifyOnce(), config.notifyIntervalMs, (error) => app.log.error({ err: error }, 'work notification round failed')) : null;
  app.addHook('onClose', async () => {
    await notifying?.stop();
    await sealing?.stop();
    if (!options.database) await database.close();
  });
  return { app, deps, database };
}
