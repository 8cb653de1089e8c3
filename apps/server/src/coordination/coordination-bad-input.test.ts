import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import type { CoordinationView } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { crownWitnessCase } from './coordination-http-flow';

/**
 * Bad input on every write route of the coordination record gets a clear 4xx naming the field and
 * changes nothing; one audit entry each. The valid bodies carry a stale version, so even a body
 * the generator happens to leave valid is refused (409) and stores nothing.
 */
let f: HttpFixture;
let c: Awaited<ReturnType<typeof crownWitnessCase>>;
let weighingId = '';
beforeAll(async () => {
  f = await openHttpFixture();
  c = await crownWitnessCase(f);
  await c.steps.open();
  await c.steps.inventory();
  weighingId = ((await c.steps.weigh()).body as CoordinationView).weighings[0]!.weighingId;
  // Log everyone in first: a login writes its own audit entry.
  for (const who of ['om', 'besluit', 'besluit2']) await f.session(who);
}, 180_000);
afterAll(() => f.close());

const stored = async () => Number((await f.database.db.selectFrom('coordination_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const participants = [{ name: 'Rechercheur Team Getuigen', organisation: 'POLICE' }];

const routes = () => [
  { who: 'om', path: `/api/cases/${c.caseId}/crown-witness`, valid: { expectedVersion: 999, witnessPersonId: c.witness, investigativeInterest: 'Belang.', prosecutorialInterest: 'Vervolging.', releaseTo: ['NCTV'] } },
  { who: 'besluit', path: `/api/cases/${c.caseId}/crown-witness/inventory`, valid: { expectedVersion: 999, personsInScope: [{ personId: c.witness, riskLevel: 'high', risks: 'Dreiging.' }], requiredMeasures: [{ personId: c.witness, domain: 'home', measure: 'static_guard_home' }], protectionCapacity: 'B&B.', witnessProtectionCapacity: 'GB.', ethicalConsequences: 'Ethiek.' } },
  { who: 'om', path: `/api/cases/${c.caseId}/crown-witness/deal-public`, valid: { expectedVersion: 999, note: 'Openbaar.', releaseTo: [] } },
  { who: 'om', path: `/api/cases/${c.caseId}/coordination/consultations`, valid: { expectedVersion: 999, level: 'strategic', heldOn: '2026-03-01', participants, summary: 'Overleg.', releaseTo: ['NCTV'] } },
  { who: 'besluit', path: `/api/cases/${c.caseId}/coordination/weighings`, valid: { expectedVersion: 999, subject: 'case', protectionInterest: 'Veiligheid.', investigationInterest: 'Opsporing.', outcome: 'proceed', reasons: 'Zorgvuldig gewogen.', participants, releaseTo: [] } },
  { who: 'besluit2', path: `/api/cases/${c.caseId}/coordination/weighings/${weighingId}/review`, valid: { expectedVersion: 999, verdict: 'upheld', findings: 'Zorgvuldig getoetst.' } },
];

async function expectRefused(who: string, path: string, body: unknown, field?: string) {
  const [before, audits] = [await stored(), await countAuditEntries(f.database.db)];
  const reply = await f.api(await f.session(who), 'POST', path, body);
  expect(reply.status, `${path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  const error = (reply.body as { error: { message: string; details?: { issues?: { field: string }[] } } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  if (field) expect(error.details?.issues?.map((i) => i.field)).toContain(field);
  expect(await stored()).toBe(before);
  expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
}

describe('bad input on the coordination write routes', () => {
  it('generated bad bodies get a clear 4xx and change nothing', async () => {
    const wrong = wrongValue({ maxInt: -1, strings: BAD_STRINGS });
    for (const route of routes()) {
      await fc.assert(fc.asyncProperty(badBody(route.valid, { wrong, fewerKeysThan: 3, optional: ['releaseTo'] }), (body) => expectRefused(route.who, route.path, body)), { numRuns: 15 });
    }
  }, 300_000);

  it('a control character in any text position is a 400 naming the field', async () => {
    for (const route of routes()) {
      for (const { field, body } of unsafeTextPositions(route.valid)) await expectRefused(route.who, route.path, body, field);
    }
  }, 120_000);

  it('names the field: a measure outside its domain, an unknown organisation to release to, a bad date, a bad weighing id', async () => {
    const [open, inventory, , consultation, weighing] = routes() as [ReturnType<typeof routes>[number], ReturnType<typeof routes>[number], unknown, ReturnType<typeof routes>[number], ReturnType<typeof routes>[number]];
    await expectRefused(inventory.who, inventory.path, { ...inventory.valid, requiredMeasures: [{ personId: c.witness, domain: 'home', measure: 'armoured_tank' }] }, 'requiredMeasures.0.measure');
    await expectRefused(open.who, open.path, { ...open.valid, releaseTo: ['POLICE'] }, 'releaseTo.0');
    await expectRefused(consultation.who, consultation.path, { ...consultation.valid, releaseTo: ['ADVISORY_BODY'] }, 'releaseTo.0');
    await expectRefused(consultation.who, consultation.path, { ...consultation.valid, heldOn: '2026-13-01' }, 'heldOn');
    await expectRefused(weighing.who, weighing.path, { ...weighing.valid, reasons: 'kort' }, 'reasons');
    await expectRefused('besluit2', `/api/cases/${c.caseId}/coordination/weighings/not-a-uuid/review`, { expectedVersion: 999, verdict: 'upheld', findings: 'Zorgvuldig getoetst.' }, 'weighingId');
  });

  it('the domain refuses a person who is not on the case, naming the field', async () => {
    const inventory = routes()[1]!;
    const reply = await f.api(await f.session('besluit'), 'POST', inventory.path, { ...inventory.valid, expectedVersion: c.version(), personsInScope: [{ personId: c.witness, riskLevel: 'high', risks: 'x' }, { personId: crypto.randomUUID(), riskLevel: 'low', risks: 'y' }] });
    expect(reply.status).toBe(400);
    expect((reply.body as { error: { message: string } }).error.message).toContain('personsInScope');
  });
});
