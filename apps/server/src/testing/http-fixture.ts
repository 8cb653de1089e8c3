import { PassThrough } from 'node:stream';
import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { loginAs, type LoggedIn } from '../auth/testing/login-as';
import { compose, type PlanningOverrides } from '../composition-root';
import { loadConfig } from '../config';
import { upsertDemoAccounts } from '../demo/demo-accounts';
import type { AppDeps } from '../app';
import { fixedClock } from '../platform/clock';
import { START } from './service-fixture';
import { freePort } from './free-port';

export interface ApiReply {
  status: number;
  body: unknown;
  requestId: string;
}

export interface HttpFixture {
  baseUrl: string;
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  /** Everything the application logged, to check that no personal data is in it. */
  logs(): string;
  session(username: string): Promise<LoggedIn>;
  api(who: LoggedIn | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiReply>;
  close(): Promise<void>;
}


/** The real application (auth, services, routes) on a fresh database, listening on loopback. */
export async function openHttpFixture(options: { env?: NodeJS.ProcessEnv; onRoute?: (route: RouteOptions) => void; planning?: PlanningOverrides; database?: TestDatabase } = {}): Promise<HttpFixture> {
  const database = options.database ?? (await openTestDatabase());
  if (!options.database) await upsertDemoAccounts(database.db, START);
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, HOEDER_DATA_DIR: 'memory://', LOG_LEVEL: 'info', ...options.env });
  const clock = fixedClock(START);
  const logStream = new PassThrough();
  let logText = '';
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
  const { app, deps } = await compose(config, { database, clock, logStream, ...(options.onRoute ? { onRoute: options.onRoute } : {}), ...(options.planning ? { planning: options.planning } : {}) });
  await app.listen({ port, host: '127.0.0.1' });
  const sessions = new Map<string, Promise<LoggedIn>>();
  return {
    baseUrl: config.publicUrl,
    app,
    deps,
    database,
    clock,
    logs: () => logText,
    session: (username) => {
      if (!sessions.has(username)) sessions.set(username, loginAs(config.publicUrl, username));
      return sessions.get(username)!;
    },
    api: async (who, method, path, body) => {
      const headers: Record<string, string> = who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(new URL(path, config.publicUrl), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      // A download (e.g. a letter's PDF) is not JSON: its body is given as the raw text.
      const json = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, body: text ? (json ? JSON.parse(text) : text) : null, requestId: response.headers.get('x-request-id') ?? '' };
    },
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
