import type { Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Agreements, care referrals, the employer and the sourced policy facts (issue 12 items 4–7):
 * every demo account × every route, written out from the rules. The arrangements are read by the
 * liaison, decision makers, the inspectorate and the executing side (LCC, unit leads: never care)
 * that sees the case; recorded by the liaison on the team; the facts are for a decision maker on
 * the team. One audit entry each.
 */
const READERS: readonly Role[] = ['liaison', 'decision_maker', 'inspector', 'lcc_coordinator', 'police_team_lead', 'kmar_team_lead'];
const CARE_READERS: readonly Role[] = ['liaison', 'decision_maker', 'inspector'];
const MEMBERS = ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'politie', 'liaison'];

let f: HttpFixture;
let seen: () => Set<string>;
let caseId: string;
let personId: string;
let arrangementId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'lcc', 'politie', 'liaison'], 'measures_active');
  const liaison = await f.session('liaison');
  const view = (await f.api(liaison, 'GET', `/api/cases/${caseId}/arrangements`)).body as { persons: { personId: string; role: string }[] };
  personId = view.persons.find((p) => p.role === 'threatened_person')!.personId;
  const made = await f.api(liaison, 'POST', `/api/cases/${caseId}/agreements`, { personId, type: 'cooperation', description: 'Meldt wijzigingen vooraf.', consequence: 'Geen dwang; informeren en adviseren gaat door.' });
  arrangementId = (made.body as { arrangementId: string }).arrangementId;
}, 180_000);
afterAll(() => f.close());

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('arrangements for %s', (username, account) => {
  it('answers each route by role and case membership, and audits every request once', async () => {
    const who = await f.session(username);
    const role = account.roles[0]!;
    const member = MEMBERS.includes(username);
    // A unit lead sees a case only through an active assignment to their unit (none here).
    const seesCase = (member && !account.unitId) || role === 'inspector';
    const reads = READERS.includes(role) && seesCase;
    const write = (ok: number) => (!seesCase ? 404 : role === 'liaison' && member ? ok : 403);
    const requests: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['view', 'GET', `/api/cases/${caseId}/arrangements`, undefined, reads ? 200 : 404],
      ['agreement', 'POST', `/api/cases/${caseId}/agreements`, { personId, type: 'integrity_restriction', description: 'Geen contact met oude netwerk.', consequence: 'Herbeoordeling van het pakket.' }, write(201)],
      ['care', 'POST', `/api/cases/${caseId}/care-referrals`, { personId, module: 'care_person', description: '' }, write(201)],
      ['employer', 'POST', `/api/cases/${caseId}/employers`, { personId, name: 'Werkgever BV', contact: 'HR', owner: 'Hoofd HR' }, write(201)],
      ['step', 'POST', `/api/cases/${caseId}/arrangements/${arrangementId}/steps`, { expectedVersion: 999, action: 'accept' }, write(409)],
      ['facts', 'GET', `/api/cases/${caseId}/policy-facts`, undefined, role === 'decision_maker' && member ? 200 : 404],
    ];
    for (const [name, method, path, body, status] of requests) {
      const reply = await f.api(who, method, path, body);
      expect({ name, status: reply.status }).toEqual({ name, status });
      if (name === 'view' && reply.status === 200) {
        const view = reply.body as { care: unknown[] | null; mayEdit: boolean };
        expect({ name, care: view.care !== null, mayEdit: view.mayEdit }).toEqual({ name, care: CARE_READERS.includes(role), mayEdit: role === 'liaison' && member });
      }
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
    }
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('arrangements/arrangement-matrix.test.ts', seen())).toEqual([]);
  });
});
