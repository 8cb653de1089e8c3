import type { Role } from '@hoeder/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';

/**
 * The policy access matrix: every demo account × every package-policy route. Written out from
 * ADR 0103: administrators write and see drafts; decision makers and the inspectorate read
 * published versions; the deviation report is for the inspectorate and decision makers. Every
 * request, allowed or refused, leaves exactly one audit entry (ADR 0010) and nothing changes.
 */
const ADMIN: readonly Role[] = ['functional_admin'];
const READERS: readonly Role[] = ['functional_admin', 'decision_maker', 'inspector'];
const DEVIATIONS: readonly Role[] = ['inspector', 'decision_maker'];

let f: HttpFixture;
let seen: () => Set<string>;
beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  await f.deps.policies.ensureShipped();
}, 120_000);
afterAll(() => f.close());

const historyRows = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM policy_version_history`.execute(f.database.db)).rows[0]?.n);

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('package policy for %s', (username, account) => {
  it('answers each route by role, audits every request once and changes nothing', async () => {
    const who = await f.session(username);
    const has = (roles: readonly Role[]) => account.roles.some((r) => roles.includes(r));
    const [admin, reader] = [has(ADMIN), has(READERS)];
    const stale = { expectedRevision: 999, note: 'Matrix.' };
    const requests: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['list', 'GET', '/api/policy/versions', undefined, reader ? 200 : 403],
      ['published', 'GET', '/api/policy/versions/2026.1', undefined, reader ? 200 : 403],
      ['draft', 'GET', '/api/policy/versions/2027.1', undefined, admin ? 200 : reader ? 404 : 403],
      ['validate', 'POST', '/api/policy/versions/2027.1/validate', { xml: '<definitions/>' }, admin ? 200 : 403],
      ['save', 'POST', '/api/policy/versions/2027.1/draft', { expectedRevision: 999, effectiveFrom: '2027-01-01', summary: 'Matrix', xml: '<definitions/>' }, admin ? 400 : 403],
      ['impact', 'POST', '/api/policy/versions/2027.1/impact', undefined, admin ? 200 : 403],
      ['submit', 'POST', '/api/policy/versions/2027.1/submit', stale, admin ? 409 : 403],
      ['publish', 'POST', '/api/policy/versions/2027.1/publish', stale, admin ? 409 : 403],
      ['return', 'POST', '/api/policy/versions/2027.1/return', stale, admin ? 409 : 403],
      ['deviations', 'GET', '/api/policy/deviations', undefined, has(DEVIATIONS) ? 200 : 403],
    ];
    const before = await historyRows();
    for (const [name, method, path, body, status] of requests) {
      const reply = await f.api(who, method, path, body);
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
    }
    expect(await historyRows()).toBe(before);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('policy/policy-matrix.test.ts', seen())).toEqual([]);
  });
});
