import { describe, expect, it } from 'vitest';
import { openLoginState, safeReturnTo, sealLoginState, type LoginState } from './login-state';

const PUBLIC = 'https://hoeder.example';

describe('safeReturnTo', () => {
  it.each([
    ['/zaken/123?tab=besluit#top', '/zaken/123?tab=besluit#top'],
    ['/', '/'],
  ])('keeps the same-origin path %s', (input, expected) => expect(safeReturnTo(input, PUBLIC)).toBe(expected));

  it.each([undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', '/%0d%0aLocation:x'.replace('%0d%0a', '\r\n'), 'zaken', '/auth/logout', '/oidc/auth', 42])(
    'falls back to / for %s',
    (input) => expect(safeReturnTo(input, PUBLIC)).toBe('/'),
  );
});

describe('login-state cookie', () => {
  const key = Buffer.alloc(32, 7);
  const now = new Date('2026-03-01T10:00:00Z');
  const state: LoginState = { codeVerifier: 'v', state: 's', nonce: 'n', returnTo: '/x', previousSessionHash: null, startedAt: now.getTime() };

  it('opens what it sealed, within ten minutes', () => {
    const sealed = sealLoginState(key, state);
    expect(openLoginState(key, sealed, now)).toEqual(state);
    expect(openLoginState(key, sealed, new Date(now.getTime() + 11 * 60_000))).toBeNull();
  });

  it('refuses a changed body, another key or garbage', () => {
    const sealed = sealLoginState(key, state);
    const [body, mac] = sealed.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...state, returnTo: '/elsewhere' })).toString('base64url');
    expect(openLoginState(key, `${forgedBody}.${mac}`, now)).toBeNull();
    expect(openLoginState(Buffer.alloc(32, 8), sealed, now)).toBeNull();
    expect(openLoginState(key, `${body}`, now)).toBeNull();
    expect(openLoginState(key, undefined, now)).toBeNull();
  });
});
