import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuditService, type AuditService } from '../../audit/audit.service';
import { loadConfig, type AppConfig } from '../../config';
import { DEMO_ACCOUNTS, upsertDemoAccounts, type DemoAccount } from '../../demo/demo-accounts';
import { AppError, STATUS_OF } from '../../platform/app-error';
import { systemClock, type Clock } from '../../platform/clock';
import { registerAuth, requireActor } from '../auth.plugin';
import { freePort } from '../../testing/free-port';

/**
 * A state-changing test route, POST /api/test/counter, that counts the writes the auth layer let
 * through: security tests assert a refused request changed nothing.
 */
export function counterRoute() {
  const writes = { count: 0 };
  const routes = (app: FastifyInstance) => {
    app.post('/api/test/counter', async (request) => {
      requireActor(request);
      writes.count += 1;
      return { counter: writes.count };
    });
  };
  return { writes, routes };
}

export interface AuthTestApp {
  app: FastifyInstance;
  baseUrl: string;
  config: AppConfig;
  database: TestDatabase;
  audit: AuditService;
  close(): Promise<void>;
}

export interface AuthTestAppOptions {
  clock?: Clock;
  /** Accounts to put in app_user; all demo accounts unless given. */
  accounts?: readonly DemoAccount[];
  /** Routes the test adds after auth is registered. */
  routes?: (app: FastifyInstance) => void;
}

/**
 * A minimal app for auth tests: a fresh test database with the demo users, the auth plugin, an
 * error handler that maps AppError codes like the real one, listening on 127.0.0.1.
 */
export async function startAuthTestApp(options: AuthTestAppOptions = {}): Promise<AuthTestApp> {
  const database = await openTestDatabase();
  await upsertDemoAccounts(database.db, new Date('2026-01-01T00:00:00Z'), options.accounts ?? DEMO_ACCOUNTS);
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
  const audit = createAuditService();
  const app = Fastify({ logger: false });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const code = error instanceof AppError ? error.code : undefined;
    const status = code ? STATUS_OF[code] : (error.statusCode ?? 500);
    return reply.code(status).send({ error: { code: code ?? 'INTERNAL', message: error.message } });
  });
  await registerAuth(app, { db: database.db, clock: options.clock ?? systemClock, config, audit });
  options.routes?.(app);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    baseUrl: config.publicUrl,
    config,
    database,
    audit,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
