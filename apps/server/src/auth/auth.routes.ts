import { findUserBySubject, type Database } from '@hoeder/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config';
import { AppError } from '../platform/app-error';
import { LOGOUT_PATH } from './csrf';
import { deriveKey, LOGIN_STATE_COOKIE, loginStateCookieOptions, SESSION_COOKIE, sessionCookieOptions, CALLBACK_PATH } from './cookies';
import { endProviderSessions } from './embedded-provider/oidc-adapter';
import { openLoginState, safeReturnTo, sealLoginState, type LoginState } from './login-state';
import type { OidcClient } from './oidc-client';
import { AUTH_CSS, AUTH_CSS_PATH, continuePage, messagePage } from './pages';
import { endSession, hashSessionId, recordLoginFailure, requestContext, startSession, type ResolvedSession, type SessionDeps } from './session.service';

export const AUTH_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export interface AuthRouteDeps extends SessionDeps {
  db: Kysely<Database>;
  config: AppConfig;
  client: OidcClient;
  sessionOf(request: FastifyRequest): ResolvedSession | undefined;
}

const sendHtml = (reply: FastifyReply, status: number, html: string) =>
  reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

/** openid-client and provider errors carry protocol codes (no personal data); keep only those. */
const protocolErrorCode = (error: unknown): string => {
  const e = error as { error?: unknown; code?: unknown; name?: unknown };
  return String(e.error ?? e.code ?? e.name ?? 'unknown').slice(0, 80);
};

export async function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  const { config, client } = deps;
  const stateKey = deriveKey(config, 'login-state-cookie');
  const embedded = config.oidc.issuer === undefined;

  app.get(AUTH_CSS_PATH, { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(AUTH_CSS));

  app.get<{ Querystring: { returnTo?: string } }>('/auth/login', { config: { rateLimit: AUTH_RATE_LIMIT }, schema: { tags: ['auth'], summary: 'Start login (OIDC code flow with PKCE)' } }, async (request, reply) => {
    let start;
    try {
      start = await client.start();
    } catch (error) {
      request.log.error({ errCode: protocolErrorCode(error) }, 'identity provider discovery failed');
      return sendHtml(reply, 503, messagePage({ title: 'Inlogdienst niet bereikbaar', message: 'De inlogdienst is op dit moment niet bereikbaar. Probeer het later opnieuw.' }));
    }
    const current = request.cookies[SESSION_COOKIE];
    const state: LoginState = {
      codeVerifier: start.codeVerifier,
      state: start.state,
      nonce: start.nonce,
      returnTo: safeReturnTo(request.query.returnTo, config.publicUrl),
      previousSessionHash: current ? hashSessionId(current) : null,
      startedAt: deps.clock.now().getTime(),
    };
    reply.setCookie(LOGIN_STATE_COOKIE, sealLoginState(stateKey, state), loginStateCookieOptions(config));
    return reply.header('cache-control', 'no-store').redirect(start.url.href, 303);
  });

  app.get(CALLBACK_PATH, { config: { rateLimit: AUTH_RATE_LIMIT }, schema: { tags: ['auth'], summary: 'OIDC redirect target' } }, async (request, reply) => {
    const ctx = requestContext(request, deps.clock);
    const login = openLoginState(stateKey, request.cookies[LOGIN_STATE_COOKIE], ctx.now);
    reply.clearCookie(LOGIN_STATE_COOKIE, loginStateCookieOptions(config));
    if (!login) {
      await recordLoginFailure(deps, ctx, { reason: 'expired_login_attempt', userId: null, stage: 'callback' });
      return sendHtml(reply, 400, messagePage({ title: 'Inlogpoging verlopen', message: 'Deze inlogpoging is verlopen of niet in deze browser begonnen. Begin opnieuw.' }));
    }
    let subject: string;
    try {
      ({ subject } = await client.finish(new URL(request.url, config.publicUrl), login));
    } catch (error) {
      await recordLoginFailure(deps, ctx, { reason: 'protocol_error', userId: null, stage: 'callback', errorCode: protocolErrorCode(error) });
      return sendHtml(reply, 400, messagePage({ title: 'Inloggen mislukt', message: 'Het inloggen kon niet worden afgerond. Probeer het opnieuw.' }));
    }
    const user = await findUserBySubject(deps.db, subject);
    if (!user || !user.active) {
      await recordLoginFailure(deps, ctx, { reason: user ? 'inactive_user' : 'unknown_user', userId: user?.userId ?? null, stage: 'callback' });
      return sendHtml(reply, 403, messagePage({ title: 'Geen toegang', message: 'U bent aangemeld, maar u heeft geen (actief) account in Hoeder. Neem contact op met de functioneel beheerder.', retry: false }));
    }
    const current = request.cookies[SESSION_COOKIE];
    const previous = [login.previousSessionHash, current ? hashSessionId(current) : null].filter((h): h is string => h !== null);
    const { cookieValue } = await startSession(deps, ctx, user, previous);
    reply.setCookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(config));
    // Same-origin issuer: a plain redirect keeps the chain same-site. External issuer: see continuePage.
    if (embedded) return reply.header('cache-control', 'no-store').redirect(login.returnTo, 303);
    return sendHtml(reply, 200, continuePage(login.returnTo));
  });

  app.post(LOGOUT_PATH, { schema: { tags: ['auth'], summary: 'End the session (needs x-csrf-token)' } }, async (request, reply) => {
    const session = deps.sessionOf(request);
    if (session) {
      await endSession(deps, requestContext(request, deps.clock), session.actor);
      if (embedded) await endProviderSessions(deps.db, session.subject);
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    return reply.code(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token' } }, async (request, reply) => {
    const session = deps.sessionOf(request);
    if (!session) throw new AppError('UNAUTHENTICATED', 'log in first');
    const { actor } = session;
    return reply.header('cache-control', 'no-store').send({
      userId: actor.userId,
      displayName: actor.displayName,
      roles: actor.roles,
      organisation: actor.organisation,
      clearance: actor.clearance,
      unitId: actor.unitId ?? null,
      csrfToken: session.csrfToken,
    });
  });
}
