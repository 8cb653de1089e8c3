import * as oidc from 'openid-client';
import type { AppConfig } from '../config';
import { CALLBACK_PATH } from './cookies';

export const EMBEDDED_ISSUER_PATH = '/oidc';

export const issuerUrl = (config: Pick<AppConfig, 'publicUrl' | 'oidc'>): string => config.oidc.issuer ?? `${config.publicUrl}${EMBEDDED_ISSUER_PATH}`;

export const redirectUri = (config: Pick<AppConfig, 'publicUrl'>): string => `${config.publicUrl}${CALLBACK_PATH}`;

export interface AuthorizationStart {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** The relying party side of the code flow; the same code for the embedded and an external issuer. */
export interface OidcClient {
  start(): Promise<AuthorizationStart>;
  /** Exchanges the code of the callback URL and validates the ID token; returns its subject. */
  finish(callbackUrl: URL, checks: { codeVerifier: string; state: string; nonce: string }): Promise<{ subject: string }>;
}

/**
 * Discovery happens on first use, not at start-up: the embedded issuer lives on this very server,
 * which is not listening yet while plugins register. A failed discovery is retried next time.
 */
export function createOidcClient(config: Pick<AppConfig, 'publicUrl' | 'oidc'>): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const embedded = config.oidc.issuer === undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(issuerUrl(config)), config.oidc.clientId, undefined, oidc.ClientSecretBasic(config.oidc.clientSecret), {
        // Only the embedded issuer may be plain http (local demo); an external one must use TLS.
        ...(embedded && issuerUrl(config).startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    async start() {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri(config),
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, codeVerifier, state, nonce };
    },
    async finish(callbackUrl, checks) {
      const tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims?.sub) throw new Error('the ID token has no subject');
      return { subject: claims.sub };
    },
  };
}
