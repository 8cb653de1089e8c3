import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Database } from '@hoeder/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config';
import type { AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import { isHealthCheck } from '../platform/health.routes';
import { registerAuthRoutes } from './auth.routes';
import { CALLBACK_PATH, SESSION_COOKIE } from './cookies';
import { checkCsrf, foreignOrigin, type ForeignOrigin } from './csrf';
import { registerInteractionRoutes } from './embedded-provider/interaction.routes';
import { createEmbeddedProvider, INTERACTION_PATH, mountEmbeddedProvider } from './embedded-provider/provider';
import { createOidcClient, EMBEDDED_ISSUER_PATH } from './oidc-client';
import { securityHeaderOptions } from './security-headers';
import { AUTH_PROCESSING_ACTIVITY, recordLoginFailure, requestContext, resolveSession, type ResolvedSession } from './session.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null: set for every request from the session cookie. */
    actor: AuthenticatedActor | null;
  }
}

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: AppConfig;
  audit: AuditService;
}

/** The rate-limited login routes and the stage of the login each one is. */
const LOGIN_STAGES: Partial<Record<string, 'start' | 'password' | 'callback'>> = {
  '/auth/login': 'start',
  [CALLBACK_PATH]: 'callback',
  [`${INTERACTION_PATH}/:uid/login`]: 'password',
};

/** The session behind a request, kept beside it (not on it) so its CSRF token is not widely exposed. */
const sessions = new WeakMap<FastifyRequest, ResolvedSession>();

/** The actor of a request that requires a login; a request without one is refused with 401. */
export function requireActor(request: FastifyRequest): AuthenticatedActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'log in first');
  return request.actor;
}

/** Audits a state-changing request from another origin (with the user, when known) and refuses it. */
async function refuseForeignOrigin(deps: AuthDeps, request: FastifyRequest, foreign: ForeignOrigin): Promise<never> {
  await deps.db.transaction().execute((trx) =>
    deps.audit.record(trx, requestContext(request, deps.clock), request.actor, {
      operation: 'auth.origin_check',
      status: 'denied',
      processingActivity: AUTH_PROCESSING_ACTIVITY,
      objectType: 'request',
      details: { check: foreign.check, origin: foreign.seen, method: request.method, route: request.routeOptions.url ?? 'unknown' },
    }),
  );
  const error = new AppError('CSRF_FAILED', `the request did not come from ${deps.config.publicUrl}`);
  error.audited = true;
  throw error;
}

/**
 * Registers everything authentication needs on the root instance: cookies, security headers, rate
 * limiting (opt-in per route via `config.rateLimit`), the session and CSRF hooks, the login routes
 * and, without an external issuer, the embedded OpenID provider at /oidc. Call it before any route.
 */
export async function registerAuth(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, securityHeaderOptions(deps.config));
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 'too many attempts; try again in a minute'),
  });

  app.decorateRequest('actor', null);
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (isHealthCheck(request.url)) return;
    const provider = request.url.startsWith(`${EMBEDDED_ISSUER_PATH}/`);
    const session = provider ? null : await resolveSession(deps, request.cookies[SESSION_COOKIE]);
    if (session) {
      sessions.set(request, session);
      request.actor = session.actor;
    }
    const foreign = foreignOrigin(request, publicOrigin);
    if (foreign) await refuseForeignOrigin(deps, request, foreign);
    if (!provider) checkCsrf(request, session?.csrfToken);
  });
  // A login refused by the rate limit is a refused login too: audited, without any account.
  app.addHook('onError', async (request, _reply, error) => {
    const stage = LOGIN_STAGES[request.routeOptions.url ?? ''];
    if (!stage || !(error instanceof AppError) || error.code !== 'RATE_LIMITED') return;
    await recordLoginFailure(deps, requestContext(request, deps.clock), { reason: 'rate_limited', userId: null, stage });
  });

  await registerAuthRoutes(app, { ...deps, client: createOidcClient(deps.config), sessionOf: (request) => sessions.get(request) });

  if (deps.config.oidc.issuer === undefined) {
    const provider = createEmbeddedProvider({ ...deps, log: app.log });
    await registerInteractionRoutes(app, provider, deps);
    mountEmbeddedProvider(app, provider);
  }
}
