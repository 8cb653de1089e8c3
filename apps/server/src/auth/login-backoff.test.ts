import { listAuditEntriesAfter } from '@hoeder/db';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts';
import { fixedClock } from '../platform/clock';
import { freePort } from '../testing/free-port';
import { createAuditService } from '../audit/audit.service';
import { registerAuth } from './auth.plugin';
import { PASSWORD_RATE_LIMIT } from './embedded-provider/interaction.routes';
import { afterFailure, blockSecondsAfter, LOGIN_BACKOFF } from './login-backoff';
import { startAuthTestApp, type AuthTestApp } from './testing/auth-test-app';
import { CookieJar, openLoginForm, submitLoginForm } from './testing/login-as';

/** Security property: failed logins are audited without the password, and an account backs off across clients and instances. */
const clock = fixedClock(new Date('2026-06-01T09:00:00Z'));
let t: AuthTestApp;

beforeAll(async () => {
  t = await startAuthTestApp({ clock });
});
afterAll(() => t.close());

const userId = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.userId;

async function attempt(baseUrl: string, username: string, password: string) {
  const jar = new CookieJar();
  const { action } = await openLoginForm(baseUrl, jar);
  const { response } = await submitLoginForm(jar, action, username, password);
  const html = await response.text();
  return { status: response.status, html, loggedIn: jar.get('hoeder_session') !== undefined };
}

const loginAudits = async () => (await listAuditEntriesAfter(t.database.db, 0, 100_000)).filter((e) => e.operation === 'auth.login');

describe('the back-off rule', () => {
  it('is free for the first failures, then doubles up to the cap', () => {
    const free = LOGIN_BACKOFF.freeFailures;
    expect(blockSecondsAfter(free - 1)).toBe(0);
    expect(blockSecondsAfter(free)).toBe(30);
    expect(blockSecondsAfter(free + 1)).toBe(60);
    expect(blockSecondsAfter(free + 20)).toBe(LOGIN_BACKOFF.maxBlockSeconds);
  });

  it('forgets failures older than its memory', () => {
    const now = new Date('2026-06-02T10:00:00Z');
    expect(afterFailure({ failures: 9, lastFailureAt: new Date('2026-06-01T09:00:00Z'), blockedUntil: null }, now)).toEqual({ failures: 1, lastFailureAt: now, blockedUntil: null });
    expect(afterFailure({ failures: 4, lastFailureAt: new Date('2026-06-02T09:59:00Z'), blockedUntil: null }, now).blockedUntil).toEqual(new Date(now.getTime() + 30_000));
  });
});

describe('password attempts', () => {
  it('blocks an account after repeated failures, even with the right password, and lets it in after the block', async () => {
    const before = (await loginAudits()).length;
    for (let i = 0; i < LOGIN_BACKOFF.freeFailures; i += 1) expect((await attempt(t.baseUrl, 'triage', 'wrong-password-123')).status).toBe(200);
    const blocked = await attempt(t.baseUrl, 'triage', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.loggedIn).toBe(false);
    expect(blocked.html).toContain('Te veel mislukte pogingen');
    const audits = (await loginAudits()).slice(before);
    expect(audits.map((a) => a.details.reason)).toEqual([...Array<string>(LOGIN_BACKOFF.freeFailures).fill('invalid_credentials'), 'account_backoff']);
    expect(audits.every((a) => a.objectId === userId('triage') && a.status === 'denied')).toBe(true);
    expect(JSON.stringify(audits)).not.toMatch(/wrong-password-123|hoeder-demo|"triage"/);
    clock.advance(31_000);
    expect((await attempt(t.baseUrl, 'triage', DEMO_PASSWORD)).loggedIn).toBe(true);
  });

  it('treats an unknown username the same (no account enumeration) and never records the typed name', async () => {
    for (let i = 0; i < LOGIN_BACKOFF.freeFailures; i += 1) expect((await attempt(t.baseUrl, 'no.such.user', 'x')).status).toBe(200);
    expect((await attempt(t.baseUrl, 'No.Such.User ', 'x')).status).toBe(429);
    const audits = (await loginAudits()).slice(-LOGIN_BACKOFF.freeFailures - 1);
    expect(audits.every((a) => a.objectId === null)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain('no.such.user');
  });

  it('forgets rows beyond its memory, so the table does not grow with every mistyped name', async () => {
    await attempt(t.baseUrl, 'typo.one', 'x');
    const rows = () => t.database.db.selectFrom('login_backoff').select('account_key').execute();
    const before = (await rows()).length;
    expect(before).toBeGreaterThan(0);
    clock.advance((LOGIN_BACKOFF.memoryHours + 1) * 3_600_000);
    await attempt(t.baseUrl, 'typo.two', 'x');
    expect(await rows()).toHaveLength(1);
  });

  it('holds across instances that share the database', async () => {
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    const other = Fastify({ logger: false });
    await registerAuth(other, { db: t.database.db, clock, config, audit: createAuditService() });
    await other.listen({ port, host: '127.0.0.1' });
    try {
      for (let i = 0; i < LOGIN_BACKOFF.freeFailures; i += 1) await attempt(t.baseUrl, 'politie', 'wrong');
      expect((await attempt(config.publicUrl, 'politie', DEMO_PASSWORD)).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('the rate limit on the login form', () => {
  it('audits every attempt it refuses, without an account', async () => {
    const limited = await startAuthTestApp({ clock });
    try {
      const jar = new CookieJar();
      const { action } = await openLoginForm(limited.baseUrl, jar);
      for (let i = 0; i < PASSWORD_RATE_LIMIT.max; i += 1) await (await submitLoginForm(jar, action, `user${i}`, 'wrong')).response.body?.cancel();
      const refused = await submitLoginForm(jar, action, 'lcc', DEMO_PASSWORD);
      await refused.response.body?.cancel();
      expect(refused.response.status).toBe(429);
      const last = (await listAuditEntriesAfter(limited.database.db, 0, 100_000)).at(-1);
      expect(last).toMatchObject({ operation: 'auth.login', status: 'denied', objectId: null, details: { reason: 'rate_limited', stage: 'password' } });
    } finally {
      await limited.close();
    }
  });
});
