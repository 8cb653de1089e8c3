import { countAuditEntries, listAuditEntriesAfter } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignOrigin } from './csrf';
import { counterRoute, startAuthTestApp, type AuthTestApp } from './testing/auth-test-app';
import { CookieJar, loginAs, openLoginForm } from './testing/login-as';

/** Security property: a state-changing request from another origin is refused and audited (ADR 0013). */
let t: AuthTestApp;
const counter = counterRoute();

beforeAll(async () => {
  t = await startAuthTestApp({ routes: counter.routes });
});
afterAll(() => t.close());

const lastAudit = async () => (await listAuditEntriesAfter(t.database.db, 0, 100_000)).at(-1);

describe('the origin check', () => {
  it('refuses a write with a foreign or null Origin, or a foreign Referer, with 403 CSRF_FAILED and one audit entry', async () => {
    const who = await loginAs(t.baseUrl, 'besluit');
    const base = { cookie: who.cookie, 'x-csrf-token': who.csrfToken };
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: t.baseUrl.replace('127.0.0.1', 'localhost') },
      { origin: 'not a url' },
      { referer: 'https://evil.example/page?x=1' },
    ];
    for (const headers of foreign) {
      const before = await countAuditEntries(t.database.db);
      const response = await fetch(`${t.baseUrl}/api/test/counter`, { method: 'POST', headers: { ...base, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
      expect(await countAuditEntries(t.database.db)).toBe(before + 1);
      expect(await lastAudit()).toMatchObject({ operation: 'auth.origin_check', status: 'denied', userId: who.me.userId });
    }
    expect(counter.writes.count).toBe(0);
  });

  it('accepts its own Origin, its own Referer, and a request that names neither (the token decides)', async () => {
    const who = await loginAs(t.baseUrl, 'analist');
    const base = { cookie: who.cookie, 'x-csrf-token': who.csrfToken };
    const variants: Record<string, string>[] = [{ origin: t.baseUrl }, { referer: `${t.baseUrl}/cases/1` }, {}];
    for (const headers of variants) {
      const response = await fetch(`${t.baseUrl}/api/test/counter`, { method: 'POST', headers: { ...base, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
    expect(counter.writes.count).toBe(3);
  });

  it('refuses a foreign write without a session too, and audits it without a user', async () => {
    const response = await fetch(`${t.baseUrl}/api/test/counter`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await lastAudit()).toMatchObject({ operation: 'auth.origin_check', userId: null, details: { check: 'origin', origin: 'https://evil.example' } });
  });

  it('refuses logout and the login form posted from another site', async () => {
    const who = await loginAs(t.baseUrl, 'lcc');
    const logout = await fetch(`${t.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, origin: 'https://evil.example' } });
    expect(logout.status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/me`, { headers: { cookie: who.cookie } })).status).toBe(200);
    const jar = new CookieJar();
    const { action } = await openLoginForm(t.baseUrl, jar);
    const login = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'username=lcc&password=hoeder-demo',
    });
    expect(login.status).toBe(403);
  });

  it('leaves reads alone', () => {
    expect(foreignOrigin({ method: 'GET', headers: { origin: 'https://evil.example' } }, 'http://h')).toBeUndefined();
    expect(foreignOrigin({ method: 'DELETE', headers: { origin: 'https://evil.example' } }, 'http://h')).toEqual({ check: 'origin', seen: 'https://evil.example' });
  });
});
