import type { Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { seedDemoOfficers } from '../demo/demo-master-data';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * The master-data and agenda access matrix: every demo account × every route of issue 11 items 3
 * and 5, written out from the rules: officers for the LCC (all) and a unit lead (own unit: be-1 for
 * `politie`, bsb-1 for `kmar`); the agenda through the case's need-to-know (liaison, LCC, decision
 * makers, the inspectorate read; the liaison and LCC on the team write). One audit entry each.
 */
const UNITS: readonly Role[] = ['lcc_coordinator', 'police_team_lead', 'kmar_team_lead', 'inspector', 'functional_admin'];
const AGENDA_READERS: readonly Role[] = ['liaison', 'lcc_coordinator', 'decision_maker', 'inspector'];
/** The posts need the measures section too: the liaison, LCC, decision makers and inspectorate all read it. */
const POSTS_READERS: readonly Role[] = ['liaison', 'lcc_coordinator', 'decision_maker', 'inspector'];
const AGENDA_WRITERS: readonly Role[] = ['liaison', 'lcc_coordinator'];
const MEMBERS = ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'politie', 'liaison'];

let f: HttpFixture;
let seen: () => Set<string>;
let caseId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  await seedDemoOfficers(f.deps);
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'lcc', 'politie', 'liaison'], 'measures_active');
}, 180_000);
afterAll(() => f.close());

const CSV = 'officer_id,display_name,unit_id,team,qualifications,contract\nmatrix-1,Mats Matrix,bb-2,,driver,fulltime-36\n';

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('master data and agenda for %s', (username, account) => {
  it('answers each route by role, unit and case membership, and audits every request once', async () => {
    const who = await f.session(username);
    const role = account.roles[0]!;
    const is = (roles: readonly Role[]) => roles.includes(role);
    const lcc = role === 'lcc_coordinator';
    const member = MEMBERS.includes(username);
    // A unit lead sees a case only through an active assignment to their unit (none here), whatever the team says.
    const seesCase = (member && !account.unitId) || role === 'inspector';
    const readsAgenda = is(AGENDA_READERS) && seesCase;
    const requests: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['units', 'GET', '/api/units', undefined, is(UNITS) ? 200 : 403],
      ['officers', 'GET', '/api/officers', undefined, lcc || account.unitId ? 200 : 403],
      ['officers of bsb-1', 'GET', '/api/officers?unitId=bsb-1', undefined, lcc || account.unitId === 'bsb-1' ? 200 : 403],
      ['officer of dkdb-1', 'GET', '/api/officers/o0001', undefined, lcc ? 200 : account.unitId ? 404 : 403],
      ['absence', 'POST', '/api/officers/o0001/absences', { from: '2026-03-16', until: '2026-03-17', reason: 'training' }, lcc ? 201 : 403],
      ['import preview', 'POST', '/api/officers/import', { csv: CSV, dryRun: true }, lcc ? 200 : 403],
      ['agenda', 'GET', `/api/cases/${caseId}/agenda`, undefined, readsAgenda ? 200 : 404],
      ['agenda as of', 'GET', `/api/cases/${caseId}/agenda?asOf=2026-03-01T00:00:00.000Z`, undefined, readsAgenda ? 200 : 404],
      ['agenda posts', 'GET', `/api/cases/${caseId}/agenda/posts?startDate=2026-03-09`, undefined, readsAgenda && is(POSTS_READERS) ? 200 : 404],
      ['record agenda', 'POST', `/api/cases/${caseId}/agenda`, { expectedVersion: 999, activities: [] }, !seesCase ? 404 : is(AGENDA_WRITERS) && member ? 409 : 403],
    ];
    for (const [name, method, path, body, status] of requests) {
      const reply = await f.api(who, method, path, body);
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
    }
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('execution/execution-matrix.test.ts', seen())).toEqual([]);
  });
});
