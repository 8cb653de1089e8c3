import { auditEntriesFor, listBreakGlassGrants } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../auth/testing/login-as';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { userIdOf } from '../testing/service-fixture';
import { productInput } from '../assessments/daf-samples';

const REASON = 'Acute dreiging gemeld in de nacht; het casusteam is niet bereikbaar.';

let f: HttpFixture;
let caseId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  // analist2 is not on this case's team.
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'in_assessment');
}, 120_000);
afterAll(() => f.close());

describe('break-glass access', () => {
  it('is refused without a written justification, and for roles that may not use it', async () => {
    const analyst = await f.session('analist2');
    expect((await f.api(analyst, 'POST', `/api/cases/${caseId}/break-glass`, { justification: 'kort' })).status).toBe(400);
    expect((await f.api(await f.session('politie'), 'POST', `/api/cases/${caseId}/break-glass`, { justification: REASON })).status).toBe(403);
    expect((await f.api(analyst, 'POST', `/api/cases/00000000-0000-4000-8000-0000000000ff/break-glass`, { justification: REASON })).status).toBe(404);
    expect((await f.api(analyst, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
  });

  it('answers a case the grant would not let the requester read exactly like a missing case (issue 10, fault 6)', async () => {
    // The LCC coordinator may use break-glass but is cleared Stg. Confidentieel: a Stg. Geheim
    // case stays unreadable under a grant, so the request must not reveal that the case exists.
    const secret = await driveCase(f, 'stg_secret', ['analist'], 'in_assessment');
    const lcc = await f.session('lcc');
    const grantsBefore = (await listBreakGlassGrants(f.database.db)).length;
    const hidden = await f.api(lcc, 'POST', `/api/cases/${secret}/break-glass`, { justification: REASON });
    const missing = await f.api(lcc, 'POST', '/api/cases/00000000-0000-4000-8000-0000000000fe/break-glass', { justification: REASON });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((hidden.body as { error: unknown }).error).toEqual((missing.body as { error: unknown }).error);
    expect(await listBreakGlassGrants(f.database.db)).toHaveLength(grantsBefore);
    const entries = (await auditEntriesFor(f.database.db, secret)).filter((e) => e.traceId === hidden.requestId);
    expect(entries).toMatchObject([{ operation: 'case.break_glass', status: 'denied', userId: userIdOf('lcc') }]);
    expect((await f.api(lcc, 'GET', `/api/cases/${secret}`)).status).toBe(404);
  });

  it('grants a justified, audited, alerting, read-only view that expires', async () => {
    const analyst = await f.session('analist2');
    const granted = await f.api(analyst, 'POST', `/api/cases/${caseId}/break-glass`, { justification: REASON });
    expect(granted.status).toBe(201);
    expect(f.logs()).toContain('break_glass_granted');
    expect(f.logs()).not.toContain(REASON);

    const view = await f.api(analyst, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    const [entry] = (await auditEntriesFor(f.database.db, caseId)).filter((e) => e.traceId === view.requestId);
    expect(entry).toMatchObject({ operation: 'case.view', status: 'ok', userId: userIdOf('analist2'), processingActivity: 'protection.break_glass' });
    expect((await f.api(analyst, 'GET', '/api/cases')).body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId })]));

    // Reading the DAF under the grant is allowed; writing it is not.
    expect((await f.api(analyst, 'GET', `/api/cases/${caseId}/assessment`)).status).toBe(200);
    const write = await f.api(analyst, 'POST', `/api/cases/${caseId}/assessment/items`, { expectedVersion: 0, item: productInput(f.clock.now().toISOString().slice(0, 10)) });
    expect(write.status).toBe(403);

    f.clock.advance(4 * 3_600_000 + 1);
    // The idle timeout has ended that session too: log in again to see the grant has expired.
    expect((await f.api(analyst, 'GET', `/api/cases/${caseId}`)).status).toBe(401);
    const fresh = await loginAs(f.baseUrl, 'analist2');
    expect((await f.api(fresh, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
  });

  it('lists every grant for oversight only', async () => {
    const list = await f.api(await loginAs(f.baseUrl, 'inspectie'), 'GET', '/api/oversight/break-glass-grants');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ caseId, userId: userIdOf('analist2'), justification: REASON })]);
    expect((await f.api(await loginAs(f.baseUrl, 'besluit'), 'GET', '/api/oversight/break-glass-grants')).status).toBe(403);
  });
});
