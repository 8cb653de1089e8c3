import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { startAuthTestApp, type AuthTestApp } from './testing/auth-test-app';
import { CookieJar, loginAs, openLoginForm, submitLoginForm } from './testing/login-as';

let t: AuthTestApp;

const auditRows = () =>
  t.database.db.selectFrom('audit_entry').select(['operation', 'status', 'user_id', 'object_type', 'object_id', 'details']).orderBy('seq').execute();

const me = (cookie: string) => fetch(`${t.baseUrl}/api/me`, { headers: { cookie } });

const account = (username: string) => {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(username);
  return found;
};

beforeAll(async () => {
  // Every demo account but 'advies' is known to the application: that one tests an unknown subject.
  t = await startAuthTestApp({ accounts: DEMO_ACCOUNTS.filter((a) => a.username !== 'advies') });
});
afterAll(() => t.close());

describe('login through the authorisation-code flow', () => {
  it.each(['triage', 'politie'])('logs in as %s and /api/me describes that user', async (username) => {
    const { cookie, csrfToken, me: body } = await loginAs(t.baseUrl, username);
    const expected = account(username);
    expect(body).toEqual({
      userId: expected.userId,
      displayName: expected.displayName,
      roles: expected.roles,
      organisation: expected.organisation,
      clearance: expected.clearance,
      unitId: expected.unitId ?? null,
      csrfToken,
    });
    expect(csrfToken.length).toBeGreaterThanOrEqual(32);
    expect((await me(cookie)).status).toBe(200);
  });

  it('audits the login with the user and the new session', async () => {
    const { me: body } = await loginAs(t.baseUrl, 'besluit');
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ operation: 'auth.login', status: 'ok', user_id: body.userId, object_type: 'auth_session' });
  });

  it('answers /api/me with a coded 401 when not logged in', async () => {
    const response = await fetch(`${t.baseUrl}/api/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('redirects to a same-origin returnTo after login and ignores a foreign one', async () => {
    const start = await fetch(`${t.baseUrl}/auth/login?returnTo=${encodeURIComponent('//evil.example/x')}`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.pathname).toBe('/oidc/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
  });
});

describe('a failed login', () => {
  it('re-shows the form with a Dutch error, opens no session and audits the failure without the username', async () => {
    const before = (await auditRows()).length;
    await expect(loginAs(t.baseUrl, 'analist', 'wrong-password')).rejects.toThrow(/failed/);
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'auth.login', status: 'denied', user_id: null, object_id: account('analist').userId });
    expect(rows[0]?.details).toEqual({ reason: 'invalid_credentials', stage: 'password', failures: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/analist|wrong-password/);
    const sessions = await t.database.db.selectFrom('auth_session').select('user_id').where('user_id', '=', account('analist').userId).execute();
    expect(sessions).toHaveLength(0);
  });

  it('shows the form again with a clear Dutch error', async () => {
    const jar = new CookieJar();
    const { action } = await openLoginForm(t.baseUrl, jar);
    const { response } = await submitLoginForm(jar, action, 'nobody', 'x');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('role="alert"');
    expect(html).toContain('De gebruikersnaam of het wachtwoord is onjuist');
    expect(jar.get('hoeder_session')).toBeUndefined();
  });

  it('refuses a subject the application does not know, with a Dutch page, audited as denied', async () => {
    const before = (await auditRows()).length;
    await expect(loginAs(t.baseUrl, 'advies')).rejects.toThrow(/status 403/);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.operation, r.status, (r.details as { reason: string }).reason])).toEqual([['auth.login', 'denied', 'unknown_user']]);
  });

  it('refuses an inactive user', async () => {
    await t.database.db.updateTable('app_user').set({ active: false }).where('subject', '=', 'beheer').execute();
    await expect(loginAs(t.baseUrl, 'beheer')).rejects.toThrow(/status 403/);
    await t.database.db.updateTable('app_user').set({ active: true }).where('subject', '=', 'beheer').execute();
  });
});

describe('session lifecycle', () => {
  it('rotates: a second login in the same browser ends the first session', async () => {
    const first = await loginAs(t.baseUrl, 'lcc');
    const second = await loginAs(t.baseUrl, 'lcc', undefined, { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await me(second.cookie)).status).toBe(200);
    expect((await me(first.cookie)).status).toBe(401);
    const rows = await t.database.db.selectFrom('auth_session').select(['ended_at']).where('user_id', '=', first.me.userId).orderBy('created_at').execute();
    expect(rows.map((r) => r.ended_at !== null)).toEqual([true, false]);
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const { cookie, csrfToken, me: body } = await loginAs(t.baseUrl, 'kmar');
    const response = await fetch(`${t.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/hoeder_session=;/);
    expect((await me(cookie)).status).toBe(401);
    const row = await t.database.db.selectFrom('auth_session').select('ended_at').where('user_id', '=', body.userId).executeTakeFirstOrThrow();
    expect(row.ended_at).not.toBeNull();
    expect((await auditRows()).at(-1)).toMatchObject({ operation: 'auth.logout', status: 'ok', user_id: body.userId });
  });

  it('logout also ends the session at the embedded provider: the next login asks for the password again', async () => {
    const jar = new CookieJar();
    const { action } = await openLoginForm(t.baseUrl, jar);
    await (await submitLoginForm(jar, action, 'inspectie', 'hoeder-demo')).response.body?.cancel();
    const session = jar.get('hoeder_session');
    const { csrfToken } = (await (await me(`hoeder_session=${session}`)).json()) as { csrfToken: string };
    // Still logged in at the provider: a login with the provider's cookies alone goes straight through.
    const providerCookiesOnly = jar.header().split('; ').filter((c) => !c.startsWith('hoeder_session=')).join('; ');
    await expect(openLoginForm(t.baseUrl, new CookieJar(providerCookiesOnly))).rejects.toThrow(/no login form/);
    const out = await fetch(`${t.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie: jar.header(), 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    const again = await openLoginForm(t.baseUrl, new CookieJar(jar.header()));
    expect(again.html).toContain('name="password"');
  });
});
