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

  it('OM content marked for the OM only is withheld from the authority, and a weighing drawing on it cannot be theirs', async () => {
    const c = await crownWitnessCase(f);
    await c.steps.open([]);
    const nctv = (await c.read('besluit')).body as CoordinationView;
    expect(nctv.track?.interest).toBeNull();
    expect(nctv.withheld).toBe(1);
    expect(JSON.stringify(nctv)).not.toContain('top van het netwerk');
    const om = (await c.read('om')).body as CoordinationView;
    expect(om.track?.interest?.investigativeInterest).toContain('top van het netwerk');
    await c.steps.inventory();
    expect((await c.steps.weigh('besluit')).status).toBe(422);
    expect((await c.steps.weigh('om')).status).toBe(201);
    const consult = await c.steps.consult('om', ['NCTV']);
    expect(consult.status).toBe(201);
    const afterConsult = (await c.read('besluit')).body as CoordinationView;
    expect(afterConsult.consultations).toHaveLength(1);
    expect(afterConsult.weighings).toHaveLength(0);
  }, 120_000);

  it('the OM work list shows the cases with a track', async () => {
    const list = await f.api(await f.session('om'), 'GET', '/api/coordination/cases');
    expect(list.status).toBe(200);
    const rows = list.body as { crownWitness: boolean; entries: number }[];
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.crownWitness && r.entries > 0)).toBe(true);
  });
});
