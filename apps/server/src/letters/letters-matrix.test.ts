import type { LettersView, ObjectionsView, ObjectionView } from '@hoeder/contracts';
import type { Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { addressedTo, letterRecords, type LetterRecords } from '../testing/letter-records';

/**
 * Letters and objections (issue 12 items 3 and 8), every demo account × every route, written out
 * from the rules (ADR 0022): readers of the case's decision section in the roles liaison, decision
 * maker and inspectorate read letters and objections; members draft (liaison, decision maker) and
 * lodge (same); decision makers on the team approve (not their own draft) and handle objections.
 * A case the account cannot see, or whose decision section it does not read, is a 404 on reads;
 * a visible case it may not write on is a 403. One audit entry per request.
 */
const READERS: readonly Role[] = ['liaison', 'decision_maker', 'inspector'];
const DRAFTERS: readonly Role[] = ['liaison', 'decision_maker'];
const HANDLERS: readonly Role[] = ['decision_maker'];
/** Who sees the case (as the work matrix's SEES): the team (analist2 challenged the DAF), the LCC through the assignment, the inspectorate. */
const SEES = ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'liaison', 'inspectie'];
/** Team members whose role could write here (the others are refused by role first). */
const MEMBERS = ['besluit', 'besluit2', 'liaison'];

let f: HttpFixture;
let seen: () => Set<string>;
let caseId: string;
let decisionId: string;
let records: LetterRecords;
/** One draft per approver (drafted by the liaison) and one objection per handler, so each write can succeed once. */
const draftOf = new Map<string, string>();
const objectionOf = new Map<string, ObjectionView>();

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'lcc', 'politie', 'liaison'], 'measures_active');
  const liaison = await f.session('liaison');
  records = await letterRecords(f, caseId, liaison);
  for (const approver of ['besluit', 'besluit2']) {
    const drafted = await f.api(liaison, 'POST', `/api/cases/${caseId}/letters`, addressedTo(records).decision_letter);
    expect(drafted.status).toBe(201);
    draftOf.set(approver, (drafted.body as { letterId: string }).letterId);
  }
  const objections = (await f.api(liaison, 'GET', `/api/cases/${caseId}/objections`)).body as ObjectionsView;
  decisionId = objections.decisions[0]!.decisionId;
  for (const handler of ['besluit', 'besluit2']) {
    const lodged = await f.api(liaison, 'POST', `/api/cases/${caseId}/objections`, { decisionId, party: 'person', receivedOn: '2026-03-02', grounds: 'Het pakket is te zwaar.', advisoryCommittee: false });
    expect(lodged.status).toBe(201);
    objectionOf.set(handler, lodged.body as ObjectionView);
  }
}, 180_000);
afterAll(() => f.close());

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('letters and objections for %s', (username, account) => {
  it('answers each route by role, case membership and the decision section, and audits every request once', async () => {
    const who = await f.session(username);
    const role = account.roles[0]!;
    const is = (roles: readonly Role[]) => roles.includes(role);
    const member = MEMBERS.includes(username);
    const seesCase = SEES.includes(username);
    const reads = seesCase && is(READERS);
    const writes = (roles: readonly Role[], created: number) => (!seesCase ? 404 : is(roles) && member ? created : 403);
    const letterId = draftOf.get(username) ?? draftOf.get('besluit')!;
    const objection = objectionOf.get(username) ?? objectionOf.get('besluit')!;
    const requests: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['letters', 'GET', `/api/cases/${caseId}/letters`, undefined, reads ? 200 : 404],
      ['draft', 'POST', `/api/cases/${caseId}/letters`, addressedTo(records).employer_letter, writes(DRAFTERS, 201)],
      ['approve', 'POST', `/api/cases/${caseId}/letters/${letterId}/approve`, {}, writes(HANDLERS, 200)],
      ['pdf', 'GET', `/api/cases/${caseId}/letters/${letterId}/pdf`, undefined, reads ? 200 : 404],
      ['objections', 'GET', `/api/cases/${caseId}/objections`, undefined, reads ? 200 : 404],
      ['lodge', 'POST', `/api/cases/${caseId}/objections`, { decisionId, party: 'employer', receivedOn: '2026-03-02', grounds: 'De werkgever is het oneens.', advisoryCommittee: true }, writes(DRAFTERS, 201)],
      ['step', 'POST', `/api/cases/${caseId}/objections/${objection.objectionId}/steps`, { type: 'RecordHearing', expectedUpdatedAt: objection.updatedAt, hearingOn: '2026-03-10' }, writes(HANDLERS, 200)],
    ];
    for (const [name, method, path, body, status] of requests) {
      const reply = await f.api(who, method, path, body);
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
      if (name === 'letters' && status === 200) expect((reply.body as LettersView).mayDraft).toBe(is(DRAFTERS) && member);
    }
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('letters/letters-matrix.test.ts', seen())).toEqual([]);
  });
});
