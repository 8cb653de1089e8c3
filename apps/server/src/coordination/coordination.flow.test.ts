import type { CoordinationView } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfRequest } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { crownWitnessCase } from './coordination-http-flow';

let f: HttpFixture;
beforeAll(async () => {
  f = await openHttpFixture();
}, 120_000);
afterAll(() => f.close());

const count = async () => Number((await f.database.db.selectFrom('coordination_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the crown-witness track over HTTP', () => {
  it('is weighed and independently reviewed; "deal public" is refused and audited until the measures are active, then accepted; as-of shows it as it was', async () => {
    const c = await crownWitnessCase(f);
    expect((await c.steps.open()).status).toBe(201);
    const inventoried = await c.steps.inventory();
    expect(inventoried.status).toBe(201);
    const afterInventory = new Date(f.clock.now().getTime() - 30_000).toISOString();
    const weighed = await c.steps.weigh();
    expect(weighed.status).toBe(201);
    const weighingId = (weighed.body as CoordinationView).weighings[0]!.weighingId;

    // Not the author, not a participant: the OM took part and may not review either.
    const own = await c.steps.review('besluit', weighingId);
    expect(own).toMatchObject({ status: 409, body: { error: { code: 'FOUR_EYES_VIOLATION' } } });
    expect(await c.steps.review('om', weighingId)).toMatchObject({ status: 403 });
    expect((await c.steps.review('besluit2', weighingId)).status).toBe(201);

    const before = await count();
    const refused = await c.steps.dealPublic();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'RULE_VIOLATION', details: { blockers: ['measures_inactive'] } } });
    expect(await count()).toBe(before);
    const [entry] = await auditOfRequest(f.database.db, refused.requestId);
    expect(entry).toMatchObject({ operation: 'crown_witness.deal_public', status: 'error', object_id: c.caseId });
    const withDetails = await f.database.db.selectFrom('audit_entry').select('details').where('trace_id', '=', refused.requestId).executeTakeFirstOrThrow();
    expect(JSON.stringify(withDetails.details)).toContain('measures_inactive');

    const pending = (await c.read('om')).body as CoordinationView;
    expect(pending.track?.gate).toEqual({ open: false, blockers: ['measures_inactive'] });
    expect(pending.track?.inventory?.requiredMeasures.map((m) => m.active)).toEqual([false, false]);

    await c.steps.decide();
    const open = (await c.read('om')).body as CoordinationView;
    expect(open.track?.gate).toEqual({ open: true, blockers: [] });
    const accepted = await c.steps.dealPublic();
    expect(accepted.status).toBe(201);
    expect((accepted.body as CoordinationView).track?.dealPublicAt).not.toBeNull();
    expect((await c.steps.dealPublic()).status).toBe(422);

    const then = (await c.read('besluit', afterInventory)).body as CoordinationView;
    expect(then.asOf).toBe(afterInventory);
    expect(then.track?.inventory?.version).toBe(1);
    expect(then.weighings).toEqual([]);
    expect(then.track?.dealPublicAt).toBeNull();
    expect(then.may.dealPublic).toBe(false);
  }, 120_000);

  it('a track the OM released to nobody is unknown to the authority, which cannot inventory or weigh it (ADR 0030)', async () => {
    const c = await crownWitnessCase(f);
    await c.steps.open([]);
    const nctv = (await c.read('besluit')).body as CoordinationView;
    expect(nctv.track).toBeNull();
    expect(nctv.withheld).toBe(0);
    expect(nctv.version).toBe(0);
    expect(JSON.stringify(nctv)).not.toContain('top van het netwerk');
    const om = (await c.read('om')).body as CoordinationView;
    expect(om.track?.interest?.investigativeInterest).toContain('top van het netwerk');
    const besluit = await f.session('besluit');
    const inventory = await f.api(besluit, 'POST', `/api/cases/${c.caseId}/crown-witness/inventory`, {
      expectedVersion: 0,
      personsInScope: [{ personId: c.witness, riskLevel: 'high', risks: 'Vergelding.' }],
      requiredMeasures: [],
      protectionCapacity: 'x',
      witnessProtectionCapacity: 'x',
      ethicalConsequences: 'x',
    });
    expect(inventory.status).toBe(409);
    expect((inventory.body as { error: { code: string } }).error.code).toBe('INVALID_TRANSITION');
    const weighing = await f.api(besluit, 'POST', `/api/cases/${c.caseId}/coordination/weighings`, { expectedVersion: 0, subject: 'crown_witness', protectionInterest: 'p', investigationInterest: 'i', outcome: 'proceed', reasons: 'Tien tekens of meer.', participants: [] });
    expect((weighing.body as { error: { code: string } }).error.code).toBe('INVALID_TRANSITION');
    const consult = await c.steps.consult('om', ['NCTV']);
    expect(consult.status).toBe(201);
    const afterConsult = (await c.read('besluit')).body as CoordinationView;
    expect(afterConsult.consultations).toHaveLength(1);
    expect(afterConsult.track).toBeNull();
    // One entry known to the authority: version 1, as on a case without a track (no gap left by the track).
    expect(afterConsult.version).toBe(1);
  }, 120_000);

  it('the OM work list shows the cases with a track', async () => {
    const list = await f.api(await f.session('om'), 'GET', '/api/coordination/cases');
    expect(list.status).toBe(200);
    const rows = list.body as { crownWitness: boolean; entries: number }[];
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.crownWitness && r.entries > 0)).toBe(true);
  });
});
