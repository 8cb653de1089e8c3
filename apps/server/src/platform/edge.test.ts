import { countAuditEntries } from '@hoeder/db';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CookieJar, openLoginForm, submitLoginForm } from '../auth/testing/login-as';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { AppError } from './app-error';
import { parseWith } from './http';

/**
 * Security properties of the HTTP edge (ADR 0013): every private reply is no-store, odd paths get a
 * 4xx (never a 5xx) with or without a built web UI, and control characters never reach a handler.
 */
let f: HttpFixture;
let webDist: string;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  // A built web UI changes how unknown paths are answered (static files, index.html fallback).
  webDist = mkdtempSync(join(tmpdir(), 'hoeder-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Hoeder</title>');
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
  f = await openHttpFixture({
    env: { HOEDER_WEB_DIST: webDist, HOEDER_TEST_CLOCK: 'adjustable' },
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
}, 120_000);
afterAll(async () => {
  await f.close();
  rmSync(webDist, { recursive: true, force: true });
});

/** Sends a request line exactly as given (fetch would normalise dots and escape bytes). */
function rawRequest(path: string, method = 'GET'): Promise<{ status: number; head: string }> {
  const { hostname, port } = new URL(f.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`, 'latin1')));
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), head: data.split('\r\n\r\n')[0] ?? '' }));
    socket.on('error', reject);
  });
}

const fill = (url: string) =>
  url.replace(':caseId', '3f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c').replace(':decisionId', '4f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c').replace(':version', '2099.1').replace(':uid', 'x').replace('*', 'x');

describe('Cache-Control on private replies', () => {
  it('is no-store with Pragma no-cache on every registered /api route, logged in or not, success or error', async () => {
    const api = routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(api.length).toBeGreaterThanOrEqual(30);
    const who = await f.session('besluit');
    const statuses = new Set<number>();
    const variants: Record<string, string>[] = [{}, { cookie: who.cookie, 'x-csrf-token': who.csrfToken }];
    for (const route of api) {
      for (const headers of variants) {
        const response = await fetch(new URL(fill(route.url), f.baseUrl), { method: route.method, headers });
        await response.body?.cancel();
        statuses.add(response.status);
        expect(response.headers.get('cache-control'), `${route.method} ${route.url} → ${response.status}`).toBe('no-store');
        expect(response.headers.get('pragma'), `${route.method} ${route.url}`).toBe('no-cache');
      }
    }
    // Both success and refusals were seen, so the property covers both kinds of reply.
    expect([...statuses].some((s) => s < 300) && [...statuses].some((s) => s >= 400)).toBe(true);
  });

  it('is no-store on unknown /api paths, the login routes and the provider login form, but not on the login stylesheet', async () => {
    for (const path of ['/api/nope', '/api', '/auth/login', '/auth/callback', '/oidc/interaction/unknown']) {
      const response = await fetch(new URL(path, f.baseUrl), { redirect: 'manual' });
      await response.body?.cancel();
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('pragma'), path).toBe('no-cache');
    }
    const css = await fetch(new URL('/auth/assets/auth.css', f.baseUrl));
    expect(css.headers.get('cache-control')).toContain('max-age');
  });
});

const ODD_PATHS = ['/%00', '/a%00b', '/%2e%2e/', '/..%2f', '/assets/%00', '/assets/..%2f..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/api/%00', '/.%2e/api/me', '/%', '/%zz', '/a%ff', '/%ed%a0%80', '/x\\..\\y', '/%7f', '/%c2%85', `/${'a'.repeat(20_000)}`, `/api/cases/${'a'.repeat(5_000)}`, '/assets/app.js%00.html'];

describe('odd paths, without logging in', () => {
  it.each(ODD_PATHS.map((p) => [p.length > 60 ? `${p.slice(0, 20)}… (${p.length} characters)` : p, p]))('%s gets 400 or 404, never a 5xx', async (_label, path) => {
    const { status } = await rawRequest(path);
    // Node refuses a request line over its header limit itself, with 431.
    expect([400, 404, ...(path.length > 16_000 ? [431] : [])]).toContain(status);
  });

  it('answers control characters in the login routes\' query strings without a 5xx', async () => {
    for (const path of ['/auth/login?returnTo=%00', '/auth/login?returnTo=/a%00b', '/auth/callback?code=%00&state=%00', '/auth/callback?code=%ud800', '/api/me?x=%00']) {
      const { status } = await rawRequest(path);
      expect(status, path).toBeGreaterThanOrEqual(200);
      expect(status, path).toBeLessThan(500);
    }
  });

  it('still serves the web UI, its assets and client-side routes', async () => {
    expect((await rawRequest('/assets/app.js')).status).toBe(200);
    expect((await rawRequest('/cases/3f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c')).status).toBe(200);
  });

  it('answers generated paths outside and inside /api without a 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom('.', '..', '%2e', '%2e%2e', '%2f', '%5c', '%00', '%0a', '%0d', '%7f', '%ff', '%', 'assets', 'api', 'auth', 'oidc', 'index.html', '~', ';', '%3b', '%25'),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
      fc.integer({ min: 100, max: 4_000 }).map((n) => 'a'.repeat(n)),
    );
    const path = fc.tuple(fc.array(segment, { maxLength: 8 }), fc.boolean()).map(([parts, slash]) => `/${parts.join('/')}${slash ? '/' : ''}`);
    for (const method of ['GET', 'POST']) {
      await fc.assert(
        fc.asyncProperty(path, async (p) => {
          const { status } = await rawRequest(p, method);
          expect(status, `${method} ${p}`).toBeGreaterThanOrEqual(200);
          expect(status, `${method} ${p}`).toBeLessThan(500);
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('control characters in query strings and path parameters, logged in', () => {
  it('are refused with a 400 naming the field, and the attempt is audited once', async () => {
    const who = await f.session('besluit');
    const caseId = '3f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c';
    const cases: [string, string][] = [
      [`/api/cases/${caseId}?asOf=2026-01-01T00:00:00Z%00`, 'asOf'],
      [`/api/cases/${caseId}?asOf=%00`, 'asOf'],
      ['/api/cases/%00', 'path'],
      [`/api/cases/${caseId.slice(0, 8)}%00${caseId.slice(9)}/timeline`, 'path'],
      [`/api/cases/${caseId}/assessment/compare?from=1%00&to=2`, 'from'],
      ['/api/policy/versions/2027.1%00', 'path'],
    ];
    for (const [path, field] of cases) {
      const audits = await countAuditEntries(f.database.db);
      const reply = await f.api(who, 'GET', path);
      expect(reply.status, path).toBe(400);
      const error = (reply.body as { error: { code: string; details: { issues: { field: string }[] } } }).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.issues.map((i) => i.field)).toContain(field);
      expect(await countAuditEntries(f.database.db), path).toBe(audits + 1);
    }
  });
});

describe('refused logins', () => {
  it('leave no typed username or password in the application log', async () => {
    const jar = new CookieJar();
    const { action } = await openLoginForm(f.baseUrl, jar);
    for (const username of ['triage', 'Geheime.Naam']) await (await submitLoginForm(jar, action, username, 'Wachtwoord-Lek-42')).response.body?.cancel();
    expect(f.logs()).not.toMatch(/Geheime\.Naam|Wachtwoord-Lek-42/);
  });
});

describe('the OpenAPI description', () => {
  it('is public by decision (ADR 0013): served without a login, listing no hidden or test route', async () => {
    expect(routes.some((r) => r.url === '/api/test/clock')).toBe(true);
    const reply = await f.api(null, 'GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    const paths = Object.keys((reply.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toContain('/api/cases');
    expect(paths.filter((p) => p.startsWith('/api/test') || p.startsWith('/oidc') || p === '/api/openapi.json')).toEqual([]);
  });
});

describe('parseWith', () => {
  it('refuses a control character even where a schema let a plain string through, naming the field', () => {
    const loose = z.object({ a: z.object({ b: z.string() }), r: z.record(z.string(), z.string()).optional() });
    const refusal = (data: unknown) => {
      try {
        parseWith(loose, data);
        return undefined;
      } catch (error) {
        return error as AppError;
      }
    };
    expect(refusal({ a: { b: 'ok\ttab\nline' } })).toBeUndefined();
    expect(refusal({ a: { b: 'x\u0000y' } })).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'a.b' }] } });
    expect(refusal({ a: { b: '\ud800' } })?.code).toBe('VALIDATION_FAILED');
    expect(refusal({ a: { b: 'ok' }, r: { 'k\u0001': 'v' } })).toMatchObject({ details: { issues: [{ field: 'r.(key)' }] } });
  });
});
