import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../platform/app-error';

export const CSRF_HEADER = 'x-csrf-token';
export const LOGOUT_PATH = '/auth/logout';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
