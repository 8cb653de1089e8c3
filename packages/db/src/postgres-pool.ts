import pg from 'pg';
import { isDatabaseUnavailable } from './connection-errors';

/** Where the database layer reports connection trouble; never handed personal data. */
export type DatabaseLog = (level: 'warn' | 'error', message: string) => void;

export const consoleLog: DatabaseLog = (level, message) => {
  if (level === 'error') console.error(`[database] ${message}`);
  else console.warn(`[database] ${message}`);
};

/** A connection error in one line: code and driver message (these carry no row data). */
export const describeError = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return [typeof code === 'string' ? code : '', typeof message === 'string' ? message : String(error)].filter(Boolean).join(' ');
};

/**
 * A pg pool that survives the server going away. Without an 'error' listener Node ends the process
 * when an idle client's connection drops ("Connection terminated unexpectedly"); with it, pg-pool
 * discards that client and opens a new one on the next checkout. A checked-out client emits
 * 'error' as well (the server dies between two statements of a transaction): its query rejects,
 * and pg-pool discards it on release because it is no longer queryable. Connecting gives up after
 * five seconds, so a request during an outage fails fast instead of hanging; TCP keep-alive from
 * ten seconds of silence lets a connection to a vanished host (failover, partition) be noticed.
 */
export function resilientPool(connectionString: string, log: DatabaseLog, max = 10, options: { pipeline?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000, pipeline: options.pipeline ?? false });
  pool.on('error', (error) => log('warn', `idle database connection lost (${describeError(error)}); replaced on next use`));
  pool.on('connect', (client) => {
    // The failure reaches the waiting query (and so the request); this only keeps it from being "unhandled".
    client.on('error', () => undefined);
  });
  return pool;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server answers, with exponential back-off (0.25 s doubling to 5 s), for at most
 * `waitMs`: a server started together with its database, or during a failover, comes up instead
 * of exiting at once. Failures that waiting cannot cure (wrong password, no such database) throw
 * at once.
 */
export async function waitForDatabase(pool: pg.Pool, waitMs: number, log: DatabaseLog): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1, delay = 250; ; attempt += 1, delay = Math.min(delay * 2, 5_000)) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw new Error(`cannot use the database: ${describeError(error)}`, { cause: error });
      if (Date.now() + delay > deadline) {
        throw new Error(`the database was not reachable within ${Math.round(waitMs / 1000)} s (${describeError(error)})`, { cause: error });
      }
      log('warn', `database not reachable yet (${describeError(error)}); attempt ${attempt}, next in ${delay} ms`);
      await pause(delay);
    }
  }
}
