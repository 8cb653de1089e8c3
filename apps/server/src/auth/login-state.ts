import { createHmac, timingSafeEqual } from 'node:crypto';
import { LOGIN_STATE_MAX_AGE_SECONDS } from './cookies';

/** What the callback needs to finish the login this browser started. */
export interface LoginState {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  /** Hash of the session this browser had when it started logging in; the callback ends it. */
  previousSessionHash: string | null;
  startedAt: number;
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** Serialises and signs, so a cookie planted by anyone else (e.g. a sibling domain) is refused. */
export function sealLoginState(key: Buffer, value: LoginState): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

export function openLoginState(key: Buffer, sealed: string | undefined, now: Date): LoginState | null {
  if (!sealed) return null;
  const [body, mac] = sealed.split('.');
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LoginState;
  const age = now.getTime() - value.startedAt;
  return age >= 0 && age <= LOGIN_STATE_MAX_AGE_SECONDS * 1000 ? value : null;
}

/**
 * Only a path on this origin may be returned to after login (no open redirect): it must start
 * with one slash, and resolving it against the public URL must not leave the origin.
 */
export function safeReturnTo(candidate: unknown, publicUrl: string): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.length > 2000) return '/';
  if ([...candidate].some((c) => c === '\\' || c.charCodeAt(0) < 0x20)) return '/';
  const origin = new URL(publicUrl).origin;
  const resolved = new URL(candidate, origin);
  if (resolved.origin !== origin || resolved.pathname.startsWith('/auth/') || resolved.pathname.startsWith('/oidc/')) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
