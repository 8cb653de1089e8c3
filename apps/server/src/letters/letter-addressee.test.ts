import type { LocalAuthoritiesView } from '@hoeder/contracts';
import { mayOnLetters } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';

/**
 * Issue 12 item 4 (ADR 0032): the local authorities a notice is addressed from, every demo account ×
 * both routes. Not case-bound: whoever drafts letters (liaison, decision maker) reads and records
 * them; everyone else gets a 403. One audit entry per request.
 */
let f: HttpFixture;
let seen: () => Set<string>;

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
}, 120_000);
afterAll(() => f.close());

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('local authority addressees for %s', (username, account) => {
  it('answers by role and audits every request once', async () => {
    const who = await f.session(username);
    const drafts = mayOnLetters(account.roles, 'draft');
    const body = { role: 'mayor', name: `de burgemeester (${username})`, office: 'Gemeente Ergens', addressLines: ['Postbus 1', '1234 AA Ergens'] };
    const requests: [string, 'GET' | 'POST', unknown, number][] = [
      ['record', 'POST', body, drafts ? 201 : 403],
      ['list', 'GET', undefined, drafts ? 200 : 403],
    ];
    for (const [name, method, payload, status] of requests) {
      const reply = await f.api(who, method, '/api/letters/local-authorities', payload);
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : 'denied' });
      if (name === 'list' && status === 200) expect((reply.body as LocalAuthoritiesView).addressees.some((a) => a.name === body.name)).toBe(true);
    }
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('letters/letter-addressee.test.ts', seen())).toEqual([]);
  });
});
