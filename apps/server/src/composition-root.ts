import { openDatabase, type DatabaseHandle } from '@hoeder/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from './app';
import { createAuditService } from './audit/audit.service';
import { createCaseService } from './cases/case.service';
import type { AppConfig } from './config';
import { systemClock, type Clock } from './platform/clock';
import { createUserService } from './users/user.service';

export interface Composition {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
}

/** Plain factory wiring: every service gets exactly what it needs, nothing global. */
export function createServices(database: DatabaseHandle, config: AppConfig, clock: Clock): AppDeps {
  const db = database.db;
  const audit = createAuditService();
  return {
    config,
    db,
    clock,
    audit,
    cases: createCaseService({ db, audit }),
    users: createUserService({ db, audit }),
  };
}

export async function compose(config: AppConfig, options: { clock?: Clock; database?: DatabaseHandle } = {}): Promise<Composition> {
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const deps = createServices(database, config, options.clock ?? systemClock);
  const app = await buildApp(deps);
  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  return { app, deps, database };
}
