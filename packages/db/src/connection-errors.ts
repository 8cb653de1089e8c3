/**
 * Tells "the database is not reachable right now" from every other failure, so the HTTP edge can
 * answer 503 (try again) instead of 500, and start-up can wait instead of giving up.
 */

/** Socket-level failures of node:net while connecting or talking to the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that is going away or not there yet: 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, recovering), 08xxx connection
 * exceptions.
 */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);

/** Messages of `pg` and `pg-pool` that carry no code. */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (?:is )?closed/i,
  /pglite is closed/i,
];

function isUnavailable(error: unknown, depth: number): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
  // Node reports a refused dual-stack connect as an AggregateError of per-address errors.
  if (Array.isArray(errors) && errors.some((e) => isUnavailable(e, depth + 1))) return true;
  return isUnavailable(cause, depth + 1);
}

/** True when `error` (or its cause) means the database server cannot be reached or is restarting. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isUnavailable(error, 0);
}
