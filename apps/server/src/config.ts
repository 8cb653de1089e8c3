/** Everything configurable comes from the environment, read once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** How long start-up waits for an unreachable PostgreSQL server before giving up. */
  databaseWaitSeconds: number;
  dataDir: string;
  seed: 'demo' | 'none';
  logLevel: string;
  oidc: {
    /** External issuer URL; when absent the embedded demo provider is mounted at /oidc. */
    issuer: string | undefined;
    clientId: string;
    clientSecret: string;
  };
  session: { idleMinutes: number; absoluteHours: number };
  webDist: string;
  /** Test-only clock control (POST /api/test/clock); off unless HOEDER_TEST_CLOCK=adjustable. */
  testClock: 'adjustable' | 'off';
  /** A folder of method template JSON files loaded beside the shipped ones. */
  methodTemplatesDir: string | undefined;
}

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
};

/** The adjustable clock is for end-to-end tests only: never by default, refused in production. */
function testClock(env: NodeJS.ProcessEnv): AppConfig['testClock'] {
  const value = env.HOEDER_TEST_CLOCK ?? '';
  if (value === '' || value === 'off') return 'off';
  if (value !== 'adjustable') throw new Error('HOEDER_TEST_CLOCK must be "adjustable" or unset');
  if (env.NODE_ENV === 'production') throw new Error('HOEDER_TEST_CLOCK is refused when NODE_ENV=production');
  return 'adjustable';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int(env.PORT, 3000, 'PORT');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseWaitSeconds: int(env.HOEDER_DB_WAIT_SECONDS, 60, 'HOEDER_DB_WAIT_SECONDS'),
    dataDir: env.HOEDER_DATA_DIR ?? '.data/pglite',
    seed: env.HOEDER_SEED === 'none' ? 'none' : 'demo',
    logLevel: env.LOG_LEVEL ?? 'info',
    oidc: {
      issuer: env.OIDC_ISSUER || undefined,
      clientId: env.OIDC_CLIENT_ID ?? 'hoeder-web',
      clientSecret: env.OIDC_CLIENT_SECRET ?? 'hoeder-demo-client-secret-not-for-production',
    },
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
      absoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 10, 'SESSION_ABSOLUTE_HOURS'),
    },
    webDist: env.HOEDER_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
    testClock: testClock(env),
    methodTemplatesDir: env.HOEDER_METHOD_TEMPLATES_DIR || undefined,
  };
}
