import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithActiveMeasures, openServiceFixture, type ServiceFixture } from '../testing/service-fixture';

/**
 * Agreements, care referrals and employer duties as of a moment (issue 12, ADR 0031), with the
 * injected clock: what was recorded by then, with its status and owner then; a later step is not shown.
 */
let f: ServiceFixture;
let caseId: string;
let person: string;
const DAY = 86_400_000;
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
  person = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), caseId)).persons.find((p) => p.role === 'threatened_person')!.personId;
}, 120_000);
afterAll(() => f.close());

describe('arrangements as of a moment', () => {
  it('shows each arrangement with its status, owner and history at that moment; later steps and later records are not shown', async () => {
    const a = f.deps.arrangements;
    const liaison = f.actor('liaison');
    const earlier = new Date(f.clock.now().getTime() - 1000);
    const agreement = must(await a.recordAgreement(f.ctx(), liaison, caseId, { personId: person, type: 'cooperation', description: 'Meldt reizen vooraf.', consequence: 'Geen dwang; we blijven informeren.' }));
    must(await a.recordEmployer(f.ctx(), liaison, caseId, { personId: person, name: 'Transportbedrijf Noord', contact: 'HR', owner: 'HR-manager', followUpOn: '2026-03-20' }));
    f.clock.advance(DAY);
    const moment = f.clock.now();
    f.clock.advance(DAY);
    must(await a.step(f.ctx(), liaison, caseId, agreement.arrangementId, { expectedVersion: 1, action: 'accept' }));
    const duty = must(await a.view(f.ctx(), liaison, caseId)).employers![0]!.duties[0]!;
    must(await a.step(f.ctx(), liaison, caseId, duty.arrangementId, { expectedVersion: 1, action: 'confirm_in_place', owner: 'Beveiligingscoördinator' }));
    must(await a.recordCare(f.ctx(), liaison, caseId, { personId: person, module: 'peer_support', description: '' }));

    const now = must(await a.view(f.ctx(), liaison, caseId));
    expect(now).toMatchObject({ asOf: null, mayEdit: true });
    expect(now.agreements?.[0]?.status).toBe('agreed');
    expect(now.employers?.[0]?.duties[0]).toMatchObject({ status: 'in_place', owner: 'Beveiligingscoördinator' });
    expect(now.care).toHaveLength(1);

    const past = must(await a.view(f.ctx(), liaison, caseId, moment));
    expect(past).toMatchObject({ asOf: moment.toISOString(), mayEdit: false });
    expect(past.agreements?.map((x) => [x.status, x.version, x.actions, x.events.map((e) => e.action)])).toEqual([['offered', 1, [], ['record']]]);
    expect(past.employers?.[0]?.duties[0]).toMatchObject({ status: 'open', owner: 'HR-manager', followUpOn: '2026-03-20', actions: [] });
    expect(past.care, 'the referral recorded after the moment is not shown').toEqual([]);

    const before = must(await a.view(f.ctx(), liaison, caseId, earlier));
    expect([before.agreements, before.employers]).toEqual([[], []]);
  });

  it('keeps need-to-know as of a moment: the LCC still sees no care, an outsider nothing', async () => {
    const moment = f.clock.now();
    expect(must(await f.deps.arrangements.view(f.ctx(), f.actor('lcc'), caseId, moment)).care).toBeNull();
    expect(await f.deps.arrangements.view(f.ctx(), f.actor('analist'), caseId, moment)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
