import { findUserBySubject, type Database } from '@hoeder/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider, { type Configuration, type OidcContext } from 'oidc-provider';
import type { AppConfig } from '../../config';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts';
import type { Clock } from '../../platform/clock';
import { deriveKey, isHttps } from '../cookies';
import { EMBEDDED_ISSUER_PATH, issuerUrl, redirectUri } from '../oidc-client';
import { messagePage } from '../pages';
import { createOidcAdapterFactory } from './oidc-adapter';

export const INTERACTION_PATH = `${EMBEDDED_ISSUER_PATH}/interaction`;

/**
 * A fresh signing key per start: the embedded provider only signs ID tokens that this same process
 * validates seconds later, so nothing needs a key that outlives it, and no private key is stored.
 */
function signingKeys(): Configuration['jwks'] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}

/**
 * The account directory of the demo provider is DEMO_ACCOUNTS; the application's registry is
 * app_user. An account the application does not know still signs in at the provider, so the
 * relying party (not the provider) decides, as it would with an external issuer.
 */
async function findAccount(db: Kysely<Database>, sub: string) {
  const known = (await findUserBySubject(db, sub)) !== undefined || DEMO_ACCOUNTS.some((a) => a.username === sub);
  return known ? { accountId: sub, claims: () => ({ sub }) } : undefined;
}

/** First-party client: consent is implied, so a grant for the openid scope is created on the spot. */
async function loadExistingGrant(ctx: OidcContext) {
  const { client, session, result, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  if (grantId) return provider.Grant.find(grantId);
  const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
  grant.addOIDCScope('openid');
  await grant.save();
  return grant;
}

async function renderError(ctx: OidcContext) {
  ctx.type = 'html';
  ctx.body = messagePage({ title: 'Inloggen mislukt', message: 'Er ging iets mis bij het inloggen. Probeer het opnieuw.' });
}

export function createEmbeddedProvider(deps: { db: Kysely<Database>; clock: Clock; config: AppConfig; log: FastifyBaseLogger }): Provider {
  const { config } = deps;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const };
  const provider = new Provider(issuerUrl(config), {
    adapter: createOidcAdapterFactory(deps.db, deps.clock),
    clients: [
      {
        client_id: config.oidc.clientId,
        client_secret: config.oidc.clientSecret,
        redirect_uris: [redirectUri(config)],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: (_ctx, sub) => findAccount(deps.db, sub),
    loadExistingGrant,
    interactions: { url: async (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    renderError,
    cookies: { keys: [deriveKey(config, 'oidc-provider-cookies').toString('base64url')], long: cookieOptions, short: cookieOptions },
    jwks: signingKeys(),
    pkce: { required: () => true },
    claims: { openid: ['sub'] },
    scopes: ['openid'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    ttl: { AuthorizationCode: 60, IdToken: 300, AccessToken: 300, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  });
  // Behind a TLS-terminating proxy the provider must trust X-Forwarded-Proto to set Secure cookies.
  provider.proxy = isHttps(config);
  // Only the error's name: messages may echo request parameters.
  provider.on('server_error', (_ctx, error) => deps.log.error({ errType: error.name }, 'embedded OIDC provider error'));
  return provider;
}

/**
 * Mounts the provider under /oidc on this Fastify server. The hand-over happens in onRequest,
 * before Fastify reads the body, because the provider parses its own (form-encoded) bodies; the
 * global onRequest hooks (security headers) have run by then.
 */
export function mountEmbeddedProvider(app: FastifyInstance, provider: Provider): void {
  const handle = provider.callback();
  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: `${EMBEDDED_ISSUER_PATH}/*`,
    schema: { hide: true },
    onRequest: async (request, reply) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(EMBEDDED_ISSUER_PATH.length) || '/';
      await new Promise<void>((resolve) => {
        reply.raw.once('close', resolve);
        handle(raw, reply.raw);
      });
    },
    handler: async () => undefined,
  });
}
