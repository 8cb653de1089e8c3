import { hasUnsafeCharacter } from '@hoeder/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/**
 * Paths whose replies may carry personal data or session state: the API, the login routes (except
 * their stylesheet) and the embedded provider's login form. They are never stored by a browser or
 * proxy (ADR 0013).
 */
const PRIVATE_PATH = /^\/(api|auth|oidc\/interaction)(\/|$)/;
const PUBLIC_ASSET = /^\/auth\/assets\//;

export const pathOf = (url: string): string => url.split('?', 1)[0] ?? '';

export function isPrivatePath(path: string): boolean {
  return PRIVATE_PATH.test(path) && !PUBLIC_ASSET.test(path);
}

/** Sets `Cache-Control: no-store` and `Pragma: no-cache` on every private reply, errors included. */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (!isPrivatePath(pathOf(request.url))) return;
    reply.header('cache-control', 'no-store');
    reply.header('pragma', 'no-cache');
  });
}

/**
 * Why a path is refused before routing, or undefined. The raw path must decode, hold no control
 * character or lone surrogate, and have no dot segment or encoded slash: no route has them, and
 * the static file handler answers them with an error instead of a 404.
 */
export function oddPathReason(url: string): string | undefined {
  const raw = pathOf(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return 'is not a valid URL path';
  }
  if (hasUnsafeCharacter(decoded)) return 'contains a control character or an unpaired surrogate';
  if (/%2f|%5c|\\/i.test(raw)) return 'contains an encoded slash or a backslash';
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return 'contains a dot segment';
  return undefined;
}

/** Refuses odd paths with a 400 naming the path; runs after the session hook so a known user's attempt is audited. */
export function installPathCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const reason = oddPathReason(request.url);
    if (reason) throw new AppError('VALIDATION_FAILED', `path: ${reason}`, { issues: [{ field: 'path', message: reason }] });
  });
}

/**
 * Fastify's router refuses some URLs (undecodable, over-long parameters) before any hook runs;
 * those get the same error body and headers as every other 400.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'path: a path segment is too long' : 'path: is not a valid URL path';
  void reply
    .code(400)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-request-id', request.id)
    .send({ error: { code: 'VALIDATION_FAILED', message, details: { issues: [{ field: 'path', message: message.slice(6) }] } }, requestId: request.id });
}
