import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchQuery, type CaseSearchResponse } from '@hoeder/contracts';
import { attentionRank, type Classification, type Result } from '@hoeder/domain';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { visibleCases } from '../platform/guard/case-check';
import { caseWithActiveMeasures, openServiceFixture, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const search = async (username: string, query: Record<string, unknown> = {}): Promise<CaseSearchResponse> =>
  must(await f.deps.caseSearch.search(f.ctx(), f.actor(username), CaseSearchQuery.parse(query)));

/** Every page of a search, to compare the union with the list rule. */
async function allPages(username: string, query: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await search(username, { ...query, page, pageSize: 3 });
    ids.push(...r.items.map((i) => i.caseId));
    if (page * 3 >= r.total) return { ids, total: r.total };
  }
}

async function register(classification: Classification, name: string, team: string[]) {
  const { caseId } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ classification, persons: [{ role: 'threatened_person', fullName: name }] })));
  let v = 1;
  for (const u of team) v = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) })).version;
  return caseId;
}

let secretCase: string, policeCase: string, active: string, ended: string;
beforeAll(async () => {
  f = await openServiceFixture();
  secretCase = await register('stg_secret', 'Marijke Zeldzaam', ['besluit']);
  policeCase = await register('dep_confidential', 'Henk Vindbaar', ['politie', 'besluit']);
  for (let i = 0; i < 5; i++) await register('dep_confidential', `Persoon ${i}`, ['besluit']);
  active = (await caseWithActiveMeasures(f)).caseId;
  ended = (await caseWithActiveMeasures(f)).caseId;
  const v = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), ended)).version;
  must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), ended, v, { type: 'EndCase', reason: 'Dreiging is weggenomen.' }));
  // lcc reads one case it is not on through a break-glass grant.
  must(await f.deps.breakGlass.grant(f.ctx(), f.actor('lcc'), policeCase, 'Spoedeisende coördinatie bij een incident vannacht.'));
}, 120_000);
afterAll(() => f.close());

describe('case search: need-to-know holds for pages and counts', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s: every page together is exactly the visible set, and the total counts only it', async (username) => {
    const expected = (await visibleCases(f.database.db, f.actor(username), f.clock.now())).map((c) => c.caseId).sort();
    const { ids, total } = await allPages(username);
    expect(ids.slice().sort()).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(total).toBe(expected.length);
  });

  it('a name is found only in cases the reader sees, and counts nothing else', async () => {
    expect((await search('besluit', { q: 'zeldzaam' })).items.map((i) => i.caseId)).toEqual([secretCase]);
    // Not on the team (and the marking is above its clearance): no hit, total 0.
    expect(await search('politie', { q: 'Zeldzaam' })).toMatchObject({ items: [], total: 0 });
    expect(await search('kmar', { q: 'Henk' })).toMatchObject({ items: [], total: 0 });
    expect((await search('lcc', { q: 'henk vindbaar' })).items.map((i) => i.caseId)).toEqual([policeCase]);
    expect((await search('inspectie', { q: 'Zeldzaam' })).total).toBe(1);
  });

  it('a reference is found by part of it; LIKE wildcards match themselves', async () => {
    const reference = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), active)).reference;
    expect((await search('besluit', { q: reference.slice(-6).toLowerCase() })).items.map((i) => i.caseId)).toEqual([active]);
    expect((await search('besluit', { q: '%' })).total).toBe(0);
    expect((await search('besluit', { q: '_' })).total).toBe(0);
  });

  it('the search text is never written to the audit log', async () => {
    const ctx = f.ctx();
    must(await f.deps.caseSearch.search(ctx, f.actor('besluit'), CaseSearchQuery.parse({ q: 'Zeldzaam' })));
    const [entry] = await f.database.db.selectFrom('audit_entry').select(['operation', 'details']).where('trace_id', '=', ctx.traceId).execute();
    expect(entry).toMatchObject({ operation: 'case.search', details: { caseIds: [secretCase], total: 1, textSearch: true } });
    expect(JSON.stringify(entry!.details)).not.toMatch(/zeldzaam/i);
  });
});

describe('case search: filters, order and paging', () => {
  it('filters by phase and phenomenon, with the filtered total', async () => {
    const r = await search('besluit', { phase: 'measures_active' });
    expect(r.items.map((i) => i.caseId)).toEqual([active]);
    expect(r.total).toBe(1);
    expect((await search('besluit', { phenomenon: 'terrorism' })).total).toBe(0);
  });

  it('the default order puts what needs action first and ended cases last', async () => {
    f.clock.set(new Date('2026-06-02T09:00:00.000Z'));
    const { items } = await search('besluit', { pageSize: 100 });
    const today = '2026-06-02';
    const ranks = items.map((i) => attentionRank(i.phase, i.reviewDate, today));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(items[0]!.caseId).toBe(active);
    expect(items.at(-1)!.caseId).toBe(ended);
  });

  it('other orders, and a page beyond the end keeps the total', async () => {
    const byReference = (await search('besluit', { sort: 'reference', pageSize: 100 })).items.map((i) => i.reference);
    expect(byReference).toEqual([...byReference].sort());
    const past = await search('besluit', { page: 99 });
    expect(past.items).toEqual([]);
    expect(past.total).toBeGreaterThan(0);
  });
});
