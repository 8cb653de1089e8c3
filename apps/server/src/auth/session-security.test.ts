import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock';
import { loginStateCookieOptions, sessionCookieOptions } from './cookies';
import { PASSWORD_RATE_LIMIT } from './embedded-provider/interaction.routes';
import { counterRoute, startAuthTestApp, type AuthTestApp } from './testing/auth-test-app';
import { CookieJar, loginAs, openLoginForm, submitLoginForm } from './testing/login-as';

const clock = fixedClock(new Date());
const MINUTE = 60_000;
let t: AuthTestApp;
const counter = counterRoute();

const me = (cookie: string) => fetch(`${t.baseUrl}/api/me`, { headers: { cookie } });
const increment = (headers: Record<string, string>) => fetch(`${t.baseUrl}/api/test/counter`, { method: 'POST', headers });

beforeAll(async () => {
  t = await startAuthTestApp({ clock, routes: counter.routes });
});
afterAll(() => t.close());

describe('timeouts (injected clock)', () => {
  it('ends a session after the idle timeout, while activity keeps it alive', async () => {
    const { cookie } = await loginAs(t.baseUrl, 'triage');
    clock.advance(29 * MINUTE);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(30 * MINUTE);
    expect((await me(cookie)).status).toBe(401);
  });

  it('ends an active session at the absolute timeout', async () => {
    const { cookie } = await loginAs(t.baseUrl, 'analist');
    for (let elapsed = 0; elapsed + 25 < 10 * 60; elapsed += 25) {
      clock.advance(25 * MINUTE);
      expect((await me(cookie)).status).toBe(200);
    }
    clock.advance(25 * MINUTE);
    expect((await me(cookie)).status).toBe(401);
  });
});

describe('CSRF and authentication of writes', () => {
  it('refuses a write without a session with 401', async () => {
    const response = await increment({});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(counter.writes.count).toBe(0);
  });

  it('refuses a write with a missing or wrong CSRF token with 403 and changes nothing', async () => {
    const { cookie, csrfToken } = await loginAs(t.baseUrl, 'besluit');
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': 'wrong' }, { cookie, 'x-csrf-token': `${csrfToken.slice(0, -1)}${csrfToken.endsWith('A') ? 'B' : 'A'}` }];
    for (const headers of attempts) {
      const response = await increment(headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    }
    expect(counter.writes.count).toBe(0);
    expect((await increment({ cookie, 'x-csrf-token': csrfToken })).status).toBe(200);
    expect(counter.writes.count).toBe(1);
  });

  it('does not log out without the CSRF token', async () => {
    const { cookie } = await loginAs(t.baseUrl, 'lcc');
    const response = await fetch(`${t.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it('does not accept another session’s CSRF token', async () => {
    const a = await loginAs(t.baseUrl, 'politie');
    const b = await loginAs(t.baseUrl, 'kmar');
    expect((await increment({ cookie: a.cookie, 'x-csrf-token': b.csrfToken })).status).toBe(403);
  });
});

describe('cookies', () => {
  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/ and not Secure over http', async () => {
    const jar = new CookieJar();
    const { action } = await openLoginForm(t.baseUrl, jar);
    const setCookies: string[] = [];
    let url: URL | null = action;
    let init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=liaison&password=hoeder-demo' };
    while (url) {
      const response: Response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
      jar.store(response);
      setCookies.push(...response.headers.getSetCookie());
      const location = response.headers.get('location');
      url = location && url.pathname !== '/auth/callback' ? new URL(location, url) : null;
      init = {};
    }
    const session = setCookies.find((c) => c.startsWith('hoeder_session='));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Secure/);
  });

  it('marks cookies Secure when the public URL is https; the login-state cookie is Lax and short-lived', () => {
    expect(sessionCookieOptions({ publicUrl: 'https://hoeder.example' })).toEqual({ httpOnly: true, sameSite: 'strict', secure: true, path: '/' });
    expect(sessionCookieOptions({ publicUrl: 'http://localhost:3000' }).secure).toBe(false);
    expect(loginStateCookieOptions({ publicUrl: 'https://hoeder.example' })).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/auth/callback', maxAge: 600 });
  });

  it('refuses a callback whose login-state cookie was tampered with', async () => {
    const response = await fetch(`${t.baseUrl}/auth/callback?code=x&state=y`, { headers: { cookie: 'hoeder_login=eyJ9.forged' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Inlogpoging verlopen');
  });
});

describe('security headers and the login page', () => {
  it('sets a strict content security policy and the other security headers', async () => {
    for (const path of ['/api/me', '/auth/assets/auth.css']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('serves an accessible Dutch login page with no inline script or style', async () => {
    const { html, status } = await openLoginForm(t.baseUrl, new CookieJar());
    expect(status).toBe(200);
    expect(html).toContain('<html lang="nl">');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('limits password attempts per client', async () => {
    const jar = new CookieJar();
    const { action } = await openLoginForm(t.baseUrl, jar);
    const statuses: number[] = [];
    for (let i = 0; i <= PASSWORD_RATE_LIMIT.max; i += 1) {
      const { response } = await submitLoginForm(jar, action, 'triage', 'wrong');
      await response.body?.cancel();
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
