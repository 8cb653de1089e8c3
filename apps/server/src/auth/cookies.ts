import type { CookieSerializeOptions } from '@fastify/cookie';
import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '../config';

export const SESSION_COOKIE = 'hoeder_session';
export const LOGIN_STATE_COOKIE = 'hoeder_login';
export const CALLBACK_PATH = '/auth/callback';
export const LOGIN_STATE_MAX_AGE_SECONDS = 600;

export const isHttps = (config: Pick<AppConfig, 'publicUrl'>): boolean => new URL(config.publicUrl).protocol === 'https:';

/**
 * The session cookie: never readable by scripts, never sent on cross-site requests (the first
 * line of CSRF defence), and only over TLS when the service is served over https. No Max-Age:
 * the server decides how long a session lives, the browser drops the cookie when it closes.
 */
export function sessionCookieOptions(config: Pick<AppConfig, 'publicUrl'>): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', secure: isHttps(config), path: '/' };
}

/**
 * The short-lived cookie carrying PKCE verifier, state and nonce to the callback. It must be Lax:
 * the callback is a top-level navigation coming back from the identity provider, which for an
 * external issuer is cross-site, and Strict cookies are not sent on it.
 */
export function loginStateCookieOptions(config: Pick<AppConfig, 'publicUrl'>): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isHttps(config), path: CALLBACK_PATH, maxAge: LOGIN_STATE_MAX_AGE_SECONDS };
}

/**
 * Derives a key for one purpose from the client secret, which every instance already shares, so
 * no extra secret must be configured and instances agree on signatures.
 */
export function deriveKey(config: Pick<AppConfig, 'oidc'>, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', config.oidc.clientSecret, 'hoeder-auth', purpose, 32));
}
