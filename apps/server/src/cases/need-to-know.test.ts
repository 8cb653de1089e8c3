import { randomUUID } from 'node:crypto';
import { CaseListItem } from '@hoeder/contracts';
import { CLASSIFICATIONS, type CaseSection, type Classification, type Organisation, type Role } from '@hoeder/domain';
import { auditEntriesFor, countCaseEvents } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_ACCOUNTS, type DemoAccount } from '../demo/demo-accounts';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { samplePolicyFacts, sampleRegistration, userIdOf } from '../testing/service-fixture';
import { driveCase } from '../testing/http-flows';
import { trackRequests, uncoveredRoutes } from '../testing/access-matrix';

/**
 * The access matrix over HTTP: every case route × every role × member/non-member × classification.
 * The expectation is written out here from the need-to-know rules, independently of the code.
 */
const CAN_READ: Record<Role, readonly CaseSection[]> = {
  triage_officer: ['summary', 'persons', 'intake', 'triage', 'measures', 'team', 'timeline'],
  threat_analyst: ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'team', 'timeline'],
  decision_maker: ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'measures', 'team', 'timeline', 'agenda'],
  lcc_coordinator: ['summary', 'persons', 'measures', 'timeline', 'agenda'],
  police_team_lead: ['summary', 'measures'],
  kmar_team_lead: ['summary', 'measures'],
  liaison: ['summary', 'persons', 'decision', 'measures', 'timeline', 'agenda'],
  inspector: ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'measures', 'team', 'timeline', 'agenda'],
  advisory_member: [],
  functional_admin: [],
  security_officer: [],
  om_prosecutor: ['summary', 'persons'],
};
const NCTV_ONLY: readonly Organisation[] = ['NCTV', 'NCTV_DAF', 'INSPECTORATE'];
const RESTRICTED: Partial<Record<CaseSection, Classification>> = { assessment: 'stg_confidential', intake: 'dep_confidential', triage: 'dep_confidential', decision: 'dep_confidential' };
const rank = (c: Classification) => CLASSIFICATIONS.indexOf(c);
const LIST_ANSWER = z.array(CaseListItem.strict());

function expectedSections(a: DemoAccount, member: boolean, classification: Classification): Set<CaseSection> {
  const role = a.roles[0]!;
  if (!member && role !== 'inspector') return new Set();
  return new Set(
    CAN_READ[role].filter((s) => {
      const floor = RESTRICTED[s];
      const marking = floor && rank(floor) > rank(classification) ? floor : classification;
      return rank(a.clearance) >= rank(marking) && (!floor || NCTV_ONLY.includes(a.organisation));
    }),
  );
}

const MAY_COMMAND: Record<string, readonly Role[]> = {
  members: ['triage_officer', 'decision_maker'],
  triage: ['triage_officer'],
  decisions: ['decision_maker'],
  approve: ['decision_maker'],
  reject: ['decision_maker'],
  end: ['decision_maker'],
};

const commandRequests = (caseId: string) => {
  const d = randomUUID();
  const stale = { expectedVersion: 999 };
  return [
    ['members', `/api/cases/${caseId}/members`, { ...stale, userId: userIdOf('analist2') }],
    ['triage', `/api/cases/${caseId}/triage`, { ...stale, facts: { phenomenon: 'terrorism', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Terroristische dreiging.' }],
    ['decisions', `/api/cases/${caseId}/decisions`, { ...stale, facts: samplePolicyFacts(), factOverrides: [], motivation: 'Een motivering.', reviewDate: '2026-12-01' }],
    ['approve', `/api/cases/${caseId}/decisions/${d}/approve`, { ...stale, note: 'ok' }],
    ['reject', `/api/cases/${caseId}/decisions/${d}/reject`, { ...stale, reason: 'Niet akkoord.' }],
    ['end', `/api/cases/${caseId}/end`, { ...stale, reason: 'Beëindigd wegens test.' }],
  ] as const;
};

let f: HttpFixture;
let seen: () => Set<string>;
/**
 * Who reads the case. The LCC and unit leads never through membership (issue 11): the LCC through
 * a live assignment, a unit lead only through one tasked to their unit (none is tasked here; see
 * assignments/assignment-matrix.test.ts for tasked units).
 */
const ASSIGNMENT_BASED = new Set(['lcc', 'politie', 'kmar']);
const cases: { caseId: string; classification: Classification; members: Set<string>; viaAssignment: Set<string> }[] = [];
const reads = (c: (typeof cases)[number], username: string) => (ASSIGNMENT_BASED.has(username) ? c.viaAssignment.has(username) : c.members.has(username));

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  const dep = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'politie', 'lcc', 'liaison'], 'measures_active');
  const stg = await driveCase(f, 'stg_confidential', ['analist', 'besluit', 'kmar'], 'assessed');
  // A member whose clearance is below the case's marking (e.g. after a re-classification): only
  // possible behind the application's back, which is exactly what condition 3 must still stop.
  await f.database.asOwner((owner) => sql`INSERT INTO case_member (case_id, user_id, added_at) VALUES (${stg}, ${userIdOf('liaison')}, now())`.execute(owner));
  cases.push({ caseId: dep, classification: 'dep_confidential', members: new Set(['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'politie', 'lcc', 'liaison']), viaAssignment: new Set(['lcc']) });
  cases.push({ caseId: stg, classification: 'stg_confidential', members: new Set(['triage', 'analist', 'analist2', 'besluit', 'kmar', 'liaison']), viaAssignment: new Set() });
}, 180_000);
afterAll(() => f.close());

const auditOf = async (caseId: string, requestId: string) => (await auditEntriesFor(f.database.db, caseId)).filter((e) => e.traceId === requestId);

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('need-to-know for %s', (username, account) => {
  it.each([0, 1])('case %i: view, timeline and list show exactly what may be seen, and every read is audited', async (i) => {
    const c = cases[i]!;
    const who = await f.session(username);
    const sections = expectedSections(account, reads(c, username), c.classification);
    const view = await f.api(who, 'GET', `/api/cases/${c.caseId}`);
    const [entry] = await auditOf(c.caseId, view.requestId);
    if (!sections.has('summary')) {
      expect(view.status).toBe(404);
      expect(entry).toMatchObject({ operation: 'case.view', status: 'denied', userId: account.userId });
    } else {
      expect(view.status).toBe(200);
      expect(new Set((view.body as { sections: string[] }).sections)).toEqual(sections);
      const body = view.body as Record<string, unknown>;
      expect('assessments' in body).toBe(sections.has('assessment'));
      expect('intake' in body).toBe(sections.has('intake'));
      expect('persons' in body).toBe(sections.has('persons'));
      expect(entry).toMatchObject({ operation: 'case.view', status: 'ok', userId: account.userId, userRole: account.roles[0], userOrganisation: account.organisation });
    }
    const timeline = await f.api(who, 'GET', `/api/cases/${c.caseId}/timeline`);
    expect(timeline.status).toBe(sections.has('timeline') ? 200 : 404);
    expect(await auditOf(c.caseId, timeline.requestId)).toHaveLength(1);
    if (timeline.status === 200) {
      for (const e of timeline.body as { section: CaseSection }[]) expect(sections.has(e.section)).toBe(true);
    }
    const list = await f.api(who, 'GET', '/api/cases');
    expect(list.status).toBe(200);
    expect((list.body as { caseId: string }[]).some((x) => x.caseId === c.caseId)).toBe(sections.has('summary'));
    // The list is printed by its response schema (ADR 0042): exactly the contract's fields, nothing more.
    expect(LIST_ANSWER.safeParse(list.body).error).toBeUndefined();
  });

  it.each([0, 1])('case %i: every command route is refused unless role, membership and clearance allow it', async (i) => {
    const c = cases[i]!;
    const who = await f.session(username);
    const visible = expectedSections(account, reads(c, username), c.classification).has('summary');
    const cleared = rank(account.clearance) >= rank(c.classification);
    const eventsBefore = await countCaseEvents(f.database.db);
    for (const [kind, path, body] of commandRequests(c.caseId)) {
      const reply = await f.api(who, 'POST', path, body);
      const allowed = visible && c.members.has(username) && cleared && MAY_COMMAND[kind]!.includes(account.roles[0]!);
      const expected = !visible ? 404 : allowed ? 409 : 403;
      expect({ kind, status: reply.status }).toEqual({ kind, status: expected });
      expect(await auditOf(c.caseId, reply.requestId)).toHaveLength(1);
    }
    expect(await countCaseEvents(f.database.db)).toBe(eventsBefore);
  });

  it.each([0, 1])('case %i: the package policy routes of a case answer only a deciding member', async (i) => {
    const c = cases[i]!;
    const who = await f.session(username);
    const sees = expectedSections(account, reads(c, username), c.classification).has('decision');
    const allowed = sees && c.members.has(username) && MAY_COMMAND.decisions!.includes(account.roles[0]!);
    const prefill = await f.api(who, 'GET', `/api/cases/${c.caseId}/policy`);
    const proposal = await f.api(who, 'POST', `/api/cases/${c.caseId}/policy/proposal`, { facts: samplePolicyFacts() });
    for (const reply of [prefill, proposal]) {
      expect(reply.status).toBe(allowed ? 200 : 404);
      expect(await auditOf(c.caseId, reply.requestId)).toHaveLength(1);
    }
  });

  it('may register cases and list staff only in the roles that need to', async () => {
    const who = await f.session(username);
    const role = account.roles[0]!;
    const users = await f.api(who, 'GET', '/api/users');
    expect(users.status).toBe(role === 'triage_officer' || role === 'decision_maker' ? 200 : 403);
    const registered = await f.api(who, 'POST', '/api/cases', sampleRegistration());
    expect(registered.status).toBe(role === 'triage_officer' ? 201 : 403);
  });
});

describe('without a session', () => {
  it('every API route answers 401 and reveals nothing', async () => {
    const c = cases[0]!;
    const reads = ['/api/cases', `/api/cases/${c.caseId}`, `/api/cases/${c.caseId}/timeline`, '/api/users', '/api/me'];
    for (const path of reads) expect((await f.api(null, 'GET', path)).status).toBe(401);
    for (const [, path, body] of commandRequests(c.caseId)) expect((await f.api(null, 'POST', path, body)).status).toBe(401);
    expect((await f.api(null, 'POST', '/api/cases', sampleRegistration())).status).toBe(401);
    expect((await f.api(null, 'POST', `/api/cases/${c.caseId}/break-glass`, { justification: 'Een spoedeisende reden om te kijken.' })).status).toBe(401);
    expect((await f.api(null, 'GET', '/api/oversight/break-glass-grants')).status).toBe(401);
    expect((await f.api(null, 'GET', `/api/cases/${c.caseId}/policy`)).status).toBe(401);
    expect((await f.api(null, 'POST', `/api/cases/${c.caseId}/policy/proposal`, { facts: samplePolicyFacts() })).status).toBe(401);
  });
});

describe('application logs', () => {
  it('hold no personal data', () => {
    expect(f.logs().length).toBeGreaterThan(0);
    expect(f.logs()).not.toContain(sampleRegistration().persons[0]!.fullName);
    expect(f.logs()).not.toContain('hoeder_session=');
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('cases/need-to-know.test.ts', seen())).toEqual([]);
  });
});
