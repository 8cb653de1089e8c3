import { openDatabase, type DatabaseHandle } from '@hoeder/db';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp, type AppDeps } from './app';
import type { AppConfig } from './config';
import { adjustableClock, systemClock, type Clock } from './platform/clock';
import { createServices } from './services';

export interface Composition {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
}

export async function compose(
  config: AppConfig,
  options: { clock?: Clock; database?: DatabaseHandle; logStream?: NodeJS.WritableStream; onRoute?: (route: RouteOptions) => void } = {},
): Promise<Composition> {
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = options.clock ?? (config.testClock === 'adjustable' ? adjustableClock() : systemClock);
  const deps = createServices(database, config, clock);
  const app = await buildApp(deps, { ...(options.logStream ? { logStream: options.logStream } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  return { app, deps, database };
}
