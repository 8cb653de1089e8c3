import { attentionRank, type CasePhase, type Classification, PHASE_ATTENTION } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCaseSearch } from '../access/mint';
import { openTestDatabase, type TestDatabase } from '../testing';
import { upsertUser } from '../users/user.repository';
import { ATTENTION_BY_INDEX, searchCaseSummaries, usesAttentionIndex, type CaseSearch } from './case-search.repository';

// ADR 0039: the default order is read from the attention index with need-to-know checked per
// candidate, and the count stops at a limit. These tests hold both shortcuts to the plain rule.
const reader = '00000000-0000-4000-8000-00000000aa01';
const other = '00000000-0000-4000-8000-00000000aa02';
const at = new Date('2026-06-02T09:00:00.000Z');
const today = '2026-06-02';
const PHASES: CasePhase[] = ['registered', 'in_assessment', 'assessed', 'decision_pending_approval', 'measures_active', 'measures_active', 'measures_active', 'handed_off', 'closed_advice', 'ended'];
const MARKINGS: Classification[] = ['dep_confidential', 'stg_confidential', 'stg_secret'];
const id = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

interface Seeded { caseId: string; phase: CasePhase; reviewDate: string | null; updatedAt: string; classification: Classification; visible: boolean }
const seeded: Seeded[] = [];
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  for (const [userId, subject] of [[reader, 'lezer'], [other, 'ander']] as const) {
    await upsertUser(t.db, { userId, subject, displayName: subject, organisation: 'NCTV', roles: ['decision_maker'], clearance: 'stg_secret', createdAt: at });
  }
  for (let n = 1; n <= 60; n++) {
    const phase = PHASES[n % PHASES.length]!;
    // Reviews before, on and after today, and none; ties in updated_at so case_id decides.
    const reviewDate = phase === 'measures_active' ? (n % 4 === 0 ? null : `2026-0${5 + (n % 3)}-0${1 + (n % 5)}`) : null;
    const updatedAt = new Date(at.getTime() - (n % 7) * 3_600_000).toISOString();
    const classification = MARKINGS[n % 3]!;
    // Visible: a member (every other case) or a live break-glass grant (every fifth); an expired
    // grant and another user's membership do not count.
    const member = n % 2 === 0;
    const glass = n % 5 === 0;
    seeded.push({ caseId: id(n), phase, reviewDate, updatedAt, classification, visible: (member || glass) && classification !== 'stg_secret' });
    await t.db
      .insertInto('case_summary')
      .values({ case_id: id(n), reference: `HOE-T-${n}`, phase, phenomenon: 'organised_crime', classification, version: 1, registered_at: at, updated_at: new Date(updatedAt), review_date: reviewDate, attention_rank: PHASE_ATTENTION[phase] })
      .execute();
    await t.db.insertInto('case_member').values({ case_id: id(n), user_id: member ? reader : other, added_at: at }).execute();
    const expires = new Date(at.getTime() + (glass ? 3_600_000 : n % 3 === 0 ? -60_000 : 0));
    if (glass || n % 3 === 0) {
      await t.db.insertInto('break_glass_grant').values({ grant_id: id(1000 + n), case_id: id(n), user_id: reader, justification: 'test', granted_at: new Date(at.getTime() - 7_200_000), expires_at: expires }).execute();
    }
  }
}, 60_000);
afterAll(() => t.close());

const grant = () =>
  mintCaseSearch({ userId: reader, oversight: false, assignmentCaseIds: null, at, summaryClassifications: ['dep_confidential', 'stg_confidential'], personClassifications: [] });
const base: CaseSearch = { sort: 'attention', today, offset: 0, limit: 7 };

/** The rule written plainly: the visible cases by effective rank, review date (none last), newest change, id. */
const expectedOrder = () =>
  seeded
    .filter((c) => c.visible)
    .sort(
      (a, b) =>
        attentionRank(a.phase, a.reviewDate, today) - attentionRank(b.phase, b.reviewDate, today) ||
        (a.reviewDate ?? '9999').localeCompare(b.reviewDate ?? '9999') ||
        b.updatedAt.localeCompare(a.updatedAt) ||
        a.caseId.localeCompare(b.caseId),
    )
    .map((c) => c.caseId);

describe('case search shortcuts (ADR 0039)', () => {
  it('the default order is read from the index, and its pages equal the plain rule', async () => {
    expect(ATTENTION_BY_INDEX).toBe(true);
    expect(usesAttentionIndex(base)).toBe(true);
    const ids: string[] = [];
    for (let offset = 0; offset < 60; offset += 7) {
      const page = await searchCaseSummaries(t.db, grant(), { ...base, offset });
      ids.push(...page.rows.map((r) => r.caseId));
    }
    expect(ids).toEqual(expectedOrder());
    expect(ids.some((i) => seeded.find((c) => c.caseId === i)!.phase === 'measures_active')).toBe(true);
  });

  it('a hidden case is never listed or counted, on either path', async () => {
    const visible = expectedOrder();
    const hidden = seeded.filter((c) => !c.visible).map((c) => c.caseId);
    expect(hidden.length).toBeGreaterThan(10);
    for (const search of [{ ...base, limit: 100 }, { ...base, sort: 'updated' as const, limit: 100 }, { ...base, dir: 'desc' as const, limit: 100 }]) {
      const page = await searchCaseSummaries(t.db, grant(), search);
      expect(page.rows.map((r) => r.caseId).sort()).toEqual([...visible].sort());
      expect(page).toMatchObject({ total: visible.length, totalCapped: false });
    }
  });

  it('the count stops at its limit over visible cases only, and says so', async () => {
    const visible = expectedOrder().length;
    // At the number of visible cases: not capped, though far more cases exist.
    expect(await searchCaseSummaries(t.db, grant(), { ...base, countLimit: visible })).toMatchObject({ total: visible, totalCapped: false });
    expect(await searchCaseSummaries(t.db, grant(), { ...base, countLimit: visible - 1 })).toMatchObject({ total: visible - 1, totalCapped: true });
    // A page past the end counts on its own, with the same rule.
    expect(await searchCaseSummaries(t.db, grant(), { ...base, offset: 500, countLimit: visible })).toMatchObject({ rows: [], total: visible, totalCapped: false });
  });

  it('the count from memberships plus grant-only cases equals the plain rule at every cap and filter (ADR 0045)', async () => {
    // Members of both kinds of case, grants on member cases (counted once), grants on other cases,
    // expired grants, another user's memberships and a marking above the reader's are all seeded.
    const both = seeded.filter((c) => c.visible && Number(c.caseId.slice(-4)) % 10 === 0);
    const grantOnly = seeded.filter((c) => c.visible && Number(c.caseId.slice(-4)) % 2 === 1);
    expect(both.length).toBeGreaterThan(0);
    expect(grantOnly.length).toBeGreaterThan(0);
    for (const phase of [undefined, 'measures_active', 'registered', 'ended'] as const) {
      const matches = seeded.filter((c) => c.visible && (!phase || c.phase === phase)).length;
      for (const cap of [1, Math.max(1, matches - 2), matches, matches + 3]) {
        for (const sort of ['attention', 'updated'] as const) {
          const page = await searchCaseSummaries(t.db, grant(), { ...base, sort, phase, countLimit: cap });
          expect({ phase, cap, sort, total: page.total, capped: page.totalCapped }).toEqual({ phase, cap, sort, total: Math.min(matches, cap), capped: matches > cap });
        }
      }
    }
  });

  it('a search by part of a reference finds and counts visible cases only', async () => {
    const page = await searchCaseSummaries(t.db, grant(), { ...base, text: 't-1', limit: 100 });
    const expected = seeded.filter((c) => c.visible && /^HOE-T-1/.test(`HOE-T-${Number(c.caseId.slice(-4))}`)).map((c) => c.caseId);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.rows.map((r) => r.caseId).sort()).toEqual(expected.sort());
    expect(page.total).toBe(expected.length);
  });

  it('an assignment-based reader without assignments reaches only its live break-glass grants', async () => {
    const none = mintCaseSearch({ userId: reader, oversight: false, assignmentCaseIds: [], at, summaryClassifications: ['dep_confidential'], personClassifications: [] });
    const glassOnly = seeded.filter((c) => Number(c.caseId.slice(-4)) % 5 === 0 && c.classification === 'dep_confidential').length;
    expect((await searchCaseSummaries(t.db, none, base)).total).toBe(glassOnly);
  });
});
