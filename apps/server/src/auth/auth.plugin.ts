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
import { SESSION_COOKIE } from './cookies';
import { checkCsrf } from './csrf';
import { registerInteractionRoutes } from './embedded-provider/interaction.routes';
import { createEmbeddedProvider, mountEmbeddedProvider } from './embedded-provider/provider';
import { createOidcClient, EMBEDDED_ISSUER_PATH } from './oidc-client';
import { securityHeaderOptions } from './security-headers';
import { resolveSession, type ResolvedSession } from './session.service';

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

/** The session behind a request, kept beside it (not on it) so its CSRF token is not widely exposed. */
const sessions = new WeakMap<FastifyRequest, ResolvedSession>();

/** The actor of a request that requires a login; a request without one is refused with 401. */
export function requireActor(request: FastifyRequest): AuthenticatedActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'log in first');
  return request.actor;
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
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith(`${EMBEDDED_ISSUER_PATH}/`) || isHealthCheck(request.url)) return;
    const session = await resolveSession(deps, request.cookies[SESSION_COOKIE]);
    if (session) {
      sessions.set(request, session);
      request.actor = session.actor;
    }
    checkCsrf(request, session?.csrfToken);
  });

  await registerAuthRoutes(app, { ...deps, client: createOidcClient(deps.config), sessionOf: (request) => sessions.get(request) });

  if (deps.config.oidc.issuer === undefined) {
    const provider = createEmbeddedProvider({ ...deps, log: app.log });
    await registerInteractionRoutes(app, provider, deps);
    mountEmbeddedProvider(app, provider);
  }
}
