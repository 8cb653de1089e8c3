import { CLASSIFICATIONS, type Classification, type Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * The break-glass matrix: every demo account asks break-glass on a Stg. Geheim case and on an id
 * that does not exist. Written out from DOMAIN §10 and ADR 0006: only these roles may ask; a grant
 * is issued only when it would let the requester read the case's summary (clearance), and a case
 * it would not is answered exactly like a missing one (issue 10, fault 6).
 */
const MAY_ASK: readonly Role[] = ['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator'];
const MARKING: Classification = 'stg_secret';
const rank = (c: Classification) => CLASSIFICATIONS.indexOf(c);
const REASON = 'Acute dreiging gemeld in de nacht; het casusteam is niet bereikbaar.';
const MISSING = '00000000-0000-4000-8000-00000000abcd';

let f: HttpFixture;
let seen: () => Set<string>;
let caseId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  caseId = await driveCase(f, MARKING, ['analist'], 'in_assessment');
}, 120_000);
afterAll(() => f.close());

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('break-glass for %s', (username, account) => {
  it('is granted only where the grant would be usable; a hidden case answers like a missing one; each request is audited once', async () => {
    const who = await f.session(username);
    const asks = account.roles.some((r) => MAY_ASK.includes(r));
    const usable = rank(account.clearance) >= rank(MARKING);
    const onCase = await f.api(who, 'POST', `/api/cases/${caseId}/break-glass`, { justification: REASON });
    const onMissing = await f.api(who, 'POST', `/api/cases/${MISSING}/break-glass`, { justification: REASON });
    expect(onCase.status).toBe(!asks ? 403 : usable ? 201 : 404);
    expect(onMissing.status).toBe(asks ? 404 : 403);
    if (onCase.status !== 201) expect((onCase.body as { error: unknown }).error).toEqual((onMissing.body as { error: unknown }).error);
    for (const reply of [onCase, onMissing]) {
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect(entries).toMatchObject([{ operation: 'case.break_glass', status: reply.status === 201 ? 'ok' : 'denied', user_id: account.userId }]);
    }
  });

  it('reads the list of grants only as oversight', async () => {
    const reply = await f.api(await f.session(username), 'GET', '/api/oversight/break-glass-grants');
    const oversight = account.roles.includes('inspector');
    expect(reply.status).toBe(oversight ? 200 : 403);
    expect(await auditOfRequest(f.database.db, reply.requestId)).toMatchObject([{ operation: 'oversight.break_glass_list', status: oversight ? 'ok' : 'denied' }]);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('cases/break-glass-matrix.test.ts', seen())).toEqual([]);
  });
});
