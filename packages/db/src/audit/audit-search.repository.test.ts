import type { AuditRecord } from '@hoeder/domain/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing';
import { insertAuditEntries } from './audit.repository';
import { searchAuditEntries } from './audit-search.repository';

// ADR 0039: the page's entries are chosen by seq first (from the filter's index), then read; a
// period is ordered by time. These hold the pages to the plain rule.
const actorA = '00000000-0000-4000-8000-00000000ab01';
const actorB = '00000000-0000-4000-8000-00000000ab02';
const start = Date.parse('2026-05-01T00:00:00.000Z');
let t: TestDatabase;

const entry = (n: number): AuditRecord => ({
  // Time runs mostly with n, but every seventh entry is stamped three and a half hours earlier: seq order and
  // time order differ, as they may when requests commit out of order.
  occurredAt: new Date(start + n * 3_600_000 - (n % 7 === 0 ? 12_600_000 : 0)).toISOString(),
  traceId: `t-${n}`,
  operation: n % 3 === 0 ? 'case.view' : 'case.search',
  status: 'ok',
  userId: n % 2 === 0 ? actorA : actorB,
  userOrganisation: 'NCTV',
  userRole: 'decision_maker',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: null,
  dataSubjectId: null,
  details: { n },
});

beforeAll(async () => {
  t = await openTestDatabase();
  await insertAuditEntries(t.db, Array.from({ length: 90 }, (_, i) => entry(i + 1)));
}, 60_000);
afterAll(() => t.close());

const all = async (filters: Parameters<typeof searchAuditEntries>[1]) => {
  const ns: number[] = [];
  for (let offset = 0; ; offset += 5) {
    const page = await searchAuditEntries(t.db, { ...filters, offset, limit: 5 });
    ns.push(...page.rows.map((r) => (r.details as { n: number }).n));
    if (page.rows.length < 5) return { ns, total: page.total };
  }
};

describe('audit search pages (ADR 0039)', () => {
  it('by actor and operation: every match once, newest first, counted', async () => {
    const byActor = await all({ actorId: actorA, offset: 0, limit: 7 });
    const expected = Array.from({ length: 90 }, (_, i) => i + 1).filter((n) => n % 2 === 0).reverse();
    expect(byActor).toEqual({ ns: expected, total: expected.length });
    const both = await all({ actorId: actorB, operation: 'case.view', offset: 0, limit: 7 });
    expect(both.ns).toEqual(expected.map((n) => n - 1).filter((n) => n % 3 === 0));
  });

  it('by period: every entry in it once, by time newest first', async () => {
    const from = new Date(start + 20 * 3_600_000).toISOString();
    const to = new Date(start + 60 * 3_600_000).toISOString();
    const { ns, total } = await all({ from, to, offset: 0, limit: 7 });
    const inPeriod = Array.from({ length: 90 }, (_, i) => entry(i + 1)).filter((e) => e.occurredAt >= from && e.occurredAt <= to);
    const expected = inPeriod.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.traceId.localeCompare(a.traceId)).map((e) => (e.details as { n: number }).n);
    expect(ns).toEqual(expected);
    expect(total).toBe(expected.length);
    // Not the seq order: an entry stamped earlier comes later on the page.
    expect(ns).not.toEqual([...ns].sort((a, b) => b - a));
  });
});
