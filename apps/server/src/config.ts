import { join } from 'node:path';
import { AnomalyThresholdsConfig } from '@hoeder/contracts';
import type { AnomalyThresholds } from '@hoeder/domain';

/** Everything configurable comes from the environment, read once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** How long start-up waits for an unreachable PostgreSQL server before giving up. */
  databaseWaitSeconds: number;
  /** PostgreSQL connections the server keeps at most (ADR 0036). */
  databasePoolSize: number;
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
  /** Milliseconds between rounds of work notifications (issue 13); 0 turns them off. */
  notifyIntervalMs: number;
  /** Access anomaly detection (ADR 0026): ms between evaluation jobs (0 off) and threshold overrides. */
  anomaly: { intervalMs: number; thresholds: AnomalyThresholds };
  audit: {
    /** PEM file of the Ed25519 key that signs audit checkpoints; when absent a demo key is used. */
    signingKeyPath: string | undefined;
    /** Where the demo key is generated on first start and kept. */
    demoKeyPath: string;
    /** Milliseconds between seals; 0 turns the background sealer off. */
    sealIntervalMs: number;
  };
  /** The job queue's worker and the planning runs (ADR 0018, 0019). */
  planning: {
    /** Milliseconds between polls of the job queue; 0 runs no job worker in this process. */
    jobPollMs: number;
    /** The full search's time budget per run. */
    timeLimitMs: number;
  };
}

const nonNegativeInt = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
};

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
};

/** `HOEDER_ANOMALY_THRESHOLDS`: JSON overriding the anomaly rules' thresholds; refused at start-up when malformed. */
function anomalyThresholds(value: string | undefined): AnomalyThresholds {
  if (!value) return {};
  const parsed = AnomalyThresholdsConfig.safeParse(JSON.parse(value));
  if (!parsed.success) throw new Error(`HOEDER_ANOMALY_THRESHOLDS: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data as AnomalyThresholds;
}

/** The adjustable clock is for end-to-end tests only: never by default, refused in production. */
function testClock(env: NodeJS.ProcessEnv): AppConfig['testClock'] {
  const value = env.HOEDER_TEST_CLOCK ?? '';
  if (value === '' || value === 'off') return 'off';
  if (value !== 'adjustable') throw new Error('HOEDER_TEST_CLOCK must be "adjustable" or unset');
  if (env.NODE_ENV === 'production') throw new Error('HOEDER_TEST_CLOCK is refused when NODE_ENV=production');
  return 'adjustable';
}

/** Connections to PostgreSQL (HOEDER_DB_POOL_SIZE); what this default bought is in ADR 0036. */
export const DEFAULT_POOL_SIZE = 10;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int(env.PORT, 3000, 'PORT');
  const dataDir = env.HOEDER_DATA_DIR ?? '.data/pglite';
  const databaseUrl = env.DATABASE_URL || undefined;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl,
    databaseUrl,
    databaseWaitSeconds: int(env.HOEDER_DB_WAIT_SECONDS, 60, 'HOEDER_DB_WAIT_SECONDS'),
    databasePoolSize: int(env.HOEDER_DB_POOL_SIZE, DEFAULT_POOL_SIZE, 'HOEDER_DB_POOL_SIZE'),
    dataDir,
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
    audit: {
      signingKeyPath: env.HOEDER_AUDIT_SIGNING_KEY || undefined,
      // Beside the PGlite folder (.data/pglite → .data/pglite-audit-signing-key.pem), or in .data/ for PostgreSQL.
      demoKeyPath: env.HOEDER_AUDIT_DEMO_KEY || (databaseUrl || dataDir === 'memory://' ? join('.data', 'audit-signing-key.pem') : `${dataDir.replace(/\/+$/, '')}-audit-signing-key.pem`),
      sealIntervalMs: nonNegativeInt(env.HOEDER_AUDIT_SEAL_INTERVAL_MS, 1000, 'HOEDER_AUDIT_SEAL_INTERVAL_MS'),
    },
    notifyIntervalMs: nonNegativeInt(env.HOEDER_NOTIFY_INTERVAL_MS, 60_000, 'HOEDER_NOTIFY_INTERVAL_MS'),
    anomaly: {
      intervalMs: nonNegativeInt(env.HOEDER_ANOMALY_INTERVAL_MS, 5_000, 'HOEDER_ANOMALY_INTERVAL_MS'),
      thresholds: anomalyThresholds(env.HOEDER_ANOMALY_THRESHOLDS),
    },
    planning: {
      jobPollMs: nonNegativeInt(env.HOEDER_JOB_POLL_MS, 500, 'HOEDER_JOB_POLL_MS'),
      timeLimitMs: nonNegativeInt(env.HOEDER_PLAN_TIME_LIMIT_MS, 12_000, 'HOEDER_PLAN_TIME_LIMIT_MS'),
    },
  };
}
