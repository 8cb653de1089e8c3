import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../platform/app-error';

export const CSRF_HEADER = 'x-csrf-token';
export const LOGOUT_PATH = '/auth/logout';

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the origin check saw on a refused request: which header, and the origin it named. */
export interface ForeignOrigin {
  check: 'origin' | 'referer';
  seen: string;
}

const originOf = (value: string): string => {
  try {
    return new URL(value).origin;
  } catch {
    return 'unparseable';
  }
};

/**
 * The second CSRF line (ADR 0013): a state-changing request must come from this service's own
 * origin. Origin decides when present (`null` included, which is foreign); without it the Referer's
 * origin does. With neither the request is let through: every browser labels a cross-origin POST
 * with Origin, so only non-browser clients send neither, and for those the token check still holds.
 */
export function foreignOrigin(request: Pick<FastifyRequest, 'method' | 'headers'>, publicOrigin: string): ForeignOrigin | undefined {
  if (!STATE_CHANGING.has(request.method)) return undefined;
  const { origin, referer } = request.headers;
  if (typeof origin === 'string') {
    const seen = origin === 'null' ? 'null' : originOf(origin);
    return seen === publicOrigin ? undefined : { check: 'origin', seen: seen.slice(0, 200) };
  }
  if (typeof referer === 'string') {
    const seen = originOf(referer);
    return seen === publicOrigin ? undefined : { check: 'referer', seen: seen.slice(0, 200) };
  }
  return undefined;
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Synchronizer-token check for state-changing API calls and logout: the request must carry the
 * session's own token in a header, which a cross-site form or image can never set. A write to the
 * API without a session is refused as unauthenticated; logout without a session has nothing to do.
 */
export function checkCsrf(request: FastifyRequest, sessionCsrfToken: string | undefined): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const path = request.url.split('?', 1)[0] ?? '';
  const isApi = path.startsWith('/api/');
  if (!isApi && path !== LOGOUT_PATH) return;
  if (sessionCsrfToken === undefined) {
    if (isApi) throw new AppError('UNAUTHENTICATED', 'log in first');
    return;
  }
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !sameToken(given, sessionCsrfToken)) {
    throw new AppError('CSRF_FAILED', `the ${CSRF_HEADER} header is missing or does not match this session`);
  }
}
