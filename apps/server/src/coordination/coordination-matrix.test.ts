import { randomUUID } from 'node:crypto';
import type { CoordinationView } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { crownWitnessCase } from './coordination-http-flow';

/**
 * The access matrix of the coordination record (issue 14): every demo account × every route, on a
 * crown-witness case whose measures are in force and whose assignment is tasked to the police and
 * KMar units — so the LCC and the unit leads SEE the case, and still never reach the record.
 * The expectations are written out here from ADR 0025, independently of the code.
 */

/** Who reads the record of this case: its decision makers and OM on the team, and oversight. */
const READERS = new Set(['besluit', 'besluit2', 'om', 'inspectie']);
/** Who sees the case at all (the 404/403 line): the team, oversight, and the LCC and units through the assignment. */
const SEES_CASE = new Set(['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'om', 'inspectie', 'lcc', 'politie', 'kmar']);
/** Who may use the work list. */
const LISTS = new Set(['besluit', 'besluit2', 'om', 'inspectie']);
/** Per write route: who may write (a team member in the role; oversight never writes). */
const WRITERS: Record<string, readonly string[]> = {
  open: ['om'],
  inventory: ['besluit', 'besluit2'],
  dealPublic: ['om'],
  consultation: ['besluit', 'besluit2', 'om'],
  weighing: ['besluit', 'besluit2', 'om'],
  review: ['besluit', 'besluit2'],
};
const OM_ONLY_TEXT = 'Alleen voor het OM: de timing van de aanhouding.';
const OM_TEXT = 'top van het netwerk';

let f: HttpFixture;
let seen: () => Set<string>;
let caseId = '';
let weighingId = '';

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  const c = await crownWitnessCase(f);
  caseId = c.caseId;
  await c.steps.open();
  await c.steps.inventory();
  weighingId = ((await c.steps.weigh()).body as CoordinationView).weighings[0]!.weighingId;
  await c.steps.review('besluit2', weighingId);
  await c.steps.decide();
  await c.steps.dealPublic();
  await f.api(await f.session('om'), 'POST', `/api/cases/${caseId}/coordination/consultations`, { expectedVersion: c.version(), level: 'strategic', heldOn: '2026-03-01', participants: [], summary: OM_ONLY_TEXT, releaseTo: [] });
  // The case's assignment, accepted by the LCC and tasked to both units: they see the case.
  const lcc = await f.session('lcc');
  const inbox = (await f.api(lcc, 'GET', '/api/assignments')).body as { items: { caseId: string; assignmentId: string }[] };
  const assignmentId = inbox.items.find((i) => i.caseId === caseId)!.assignmentId;
  expect((await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/accept`, { version: 1 })).status).toBeLessThan(300);
  expect((await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/units`, { unitIds: ['be-1', 'bsb-1'] })).status).toBeLessThan(300);
}, 300_000);
afterAll(() => f.close());

const eventCount = async () => Number((await f.database.db.selectFrom('coordination_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const writes = () => {
  const stale = { expectedVersion: 999 };
  const participants = [{ name: 'Een Deelnemer', organisation: 'NCTV' }];
  return [
    ['open', `/api/cases/${caseId}/crown-witness`, { ...stale, witnessPersonId: randomUUID(), investigativeInterest: 'x', prosecutorialInterest: 'y' }],
    ['inventory', `/api/cases/${caseId}/crown-witness/inventory`, { ...stale, personsInScope: [{ personId: randomUUID(), riskLevel: 'high', risks: 'r' }], requiredMeasures: [], protectionCapacity: 'p', witnessProtectionCapacity: 'w', ethicalConsequences: 'e' }],
    ['dealPublic', `/api/cases/${caseId}/crown-witness/deal-public`, { ...stale, note: 'n' }],
    ['consultation', `/api/cases/${caseId}/coordination/consultations`, { ...stale, level: 'operational', heldOn: '2026-03-01', participants, summary: 's' }],
    ['weighing', `/api/cases/${caseId}/coordination/weighings`, { ...stale, subject: 'case', protectionInterest: 'p', investigationInterest: 'i', outcome: 'proceed', reasons: 'Tien tekens of meer.', participants }],
    ['review', `/api/cases/${caseId}/coordination/weighings/${weighingId}/review`, { ...stale, verdict: 'upheld', findings: 'Tien tekens of meer.' }],
  ] as const;
};

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('the coordination record for %s', (username, account) => {
  it('reads the record only as a decision maker or OM on the team, or oversight; every read is audited', async () => {
    const who = await f.session(username);
    const reply = await f.api(who, 'GET', `/api/cases/${caseId}/coordination`);
    expect(reply.status).toBe(READERS.has(username) ? 200 : 404);
    expect(await auditOfRequest(f.database.db, reply.requestId)).toMatchObject([{ operation: 'coordination.view', status: READERS.has(username) ? 'ok' : 'denied', user_id: account.userId }]);
    const asOf = await f.api(who, 'GET', `/api/cases/${caseId}/coordination?asOf=2026-01-01T00:00:00Z`);
    expect(asOf.status).toBe(READERS.has(username) ? 200 : 404);
    const list = await f.api(who, 'GET', '/api/coordination/cases');
    expect(list.status).toBe(LISTS.has(username) ? 200 : 403);
    if (list.status === 200) expect((list.body as { caseId: string }[]).map((r) => r.caseId)).toEqual([caseId]);
  });

  it('security: OM content reaches only whom the OM released it to — never executing units or the advisory body', async () => {
    const reply = await f.api(await f.session(username), 'GET', `/api/cases/${caseId}/coordination`);
    const body = JSON.stringify(reply.body);
    expect(body.includes(OM_ONLY_TEXT)).toBe(username === 'om');
    expect(body.includes(OM_TEXT)).toBe(READERS.has(username));
    if (['politie', 'kmar', 'lcc', 'advies'].includes(username)) {
      expect(reply.status).toBe(404);
      expect(body).not.toContain('Otto Officier');
    }
  });

  it('every write route is refused unless role and team allow it; refusals are audited and change nothing', async () => {
    const who = await f.session(username);
    const before = await eventCount();
    for (const [kind, path, body] of writes()) {
      const reply = await f.api(who, 'POST', path, body);
      const expected = !SEES_CASE.has(username) ? 404 : WRITERS[kind]!.includes(username) ? 409 : 403;
      expect({ kind, status: reply.status }).toEqual({ kind, status: expected });
      expect(await auditOfRequest(f.database.db, reply.requestId)).toHaveLength(1);
    }
    expect(await eventCount()).toBe(before);
  });
});

describe('without a session', () => {
  it('every coordination route answers 401', async () => {
    expect((await f.api(null, 'GET', `/api/cases/${caseId}/coordination`)).status).toBe(401);
    expect((await f.api(null, 'GET', '/api/coordination/cases')).status).toBe(401);
    for (const [, path, body] of writes()) expect((await f.api(null, 'POST', path, body)).status).toBe(401);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('coordination/coordination-matrix.test.ts', seen())).toEqual([]);
  });
});
