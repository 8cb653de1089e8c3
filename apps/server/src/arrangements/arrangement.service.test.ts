import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionProposed } from '@hoeder/domain';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
let caseId: string;
let version: number;
let person: string;
let partner: string;
beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId, version } = await caseWithActiveMeasures(f));
  const view = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), caseId));
  person = view.persons.find((p) => p.role === 'threatened_person')!.personId;
  partner = view.persons.find((p) => p.role === 'household_member')!.personId;
}, 120_000);
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const DAY = 86_400_000;

describe('agreements, care and the employer', () => {
  it('the liaison records a cooperation agreement; a refusal is a step with its note, and informing goes on (offered again)', async () => {
    const a = f.deps.arrangements;
    const { arrangementId } = must(await a.recordAgreement(f.ctx(), f.actor('liaison'), caseId, { personId: person, type: 'cooperation', description: 'Meldt wijzigingen in agenda vooraf.', consequence: 'Geen dwang; we blijven informeren en adviseren, het pakket wordt herbeoordeeld.' }));
    const refused = must(await a.step(f.ctx(), f.actor('liaison'), caseId, arrangementId, { expectedVersion: 1, action: 'refuse', note: 'Wil agenda niet delen met de eenheid.' }));
    expect(refused).toMatchObject({ status: 'refused', version: 2, actions: expect.arrayContaining(['offer_again', 'accept']) });
    const view = must(await a.view(f.ctx(), f.actor('liaison'), caseId));
    expect(view.agreements?.[0]?.events.map((e) => [e.action, e.toStatus, e.note])).toEqual([
      ['record', 'offered', null],
      ['refuse', 'refused', 'Wil agenda niet delen met de eenheid.'],
    ]);
    expect(await a.step(f.ctx(), f.actor('liaison'), caseId, arrangementId, { expectedVersion: 1, action: 'offer_again' })).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    expect(await a.step(f.ctx(), f.actor('liaison'), caseId, arrangementId, { expectedVersion: 2, action: 'report_not_kept', note: 'nooit afgesproken geweest' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('care referrals for person and partner run through their statuses; peer support can be offered', async () => {
    const a = f.deps.arrangements;
    const { arrangementId } = must(await a.recordCare(f.ctx(), f.actor('liaison'), caseId, { personId: partner, module: 'care_partner', description: 'Via slachtofferhulp', followUpOn: '2026-03-20' }));
    must(await a.step(f.ctx(), f.actor('liaison'), caseId, arrangementId, { expectedVersion: 1, action: 'refer', followUpOn: '2026-04-01' }));
    must(await a.recordCare(f.ctx(), f.actor('liaison'), caseId, { personId: person, module: 'peer_support', description: '' }));
    const care = must(await a.view(f.ctx(), f.actor('liaison'), caseId)).care ?? [];
    expect(care.map((c) => [c.code, c.status, c.followUpOn])).toEqual([
      ['care_partner', 'referred', '2026-04-01'],
      ['peer_support', 'proposed', null],
    ]);
  });

  it('an employer per person opens its five duties with owner and follow-up date; a second employer for the same person is refused', async () => {
    const a = f.deps.arrangements;
    must(await a.recordEmployer(f.ctx(), f.actor('liaison'), caseId, { personId: person, name: 'Advocatenkantoor De Wit', contact: 'Office manager', owner: 'J. de Wit', followUpOn: '2026-03-05' }));
    expect(await a.recordEmployer(f.ctx(), f.actor('liaison'), caseId, { personId: person, name: 'Ander', contact: '', owner: 'X' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const [employer] = must(await a.view(f.ctx(), f.actor('besluit'), caseId)).employers ?? [];
    expect(employer?.duties.map((d) => [d.code, d.status, d.owner])).toEqual(['alertness', 'resilience', 'prevention', 'security_measures', 'follow_advice'].map((c) => [c, 'open', 'J. de Wit']));
    const duty = employer!.duties[0]!;
    expect(must(await a.step(f.ctx(), f.actor('liaison'), caseId, duty.arrangementId, { expectedVersion: 1, action: 'confirm_in_place', owner: 'Beveiligingscoördinator' }))).toMatchObject({ status: 'in_place', owner: 'Beveiligingscoördinator', followUpOn: null });
  });

  it('an overdue follow-up appears in "Voor mij" for the liaison, and only for the liaison', async () => {
    f.clock.advance(5 * DAY);
    const queues = must(await f.deps.workQueues.queues(f.ctx(), f.actor('liaison')));
    const followUp = queues.queues.find((q) => q.queueId === 'arrangement_follow_up');
    expect(followUp?.items).toEqual([expect.objectContaining({ caseId, dueOn: '2026-03-05' })]);
    const dm = must(await f.deps.workQueues.queues(f.ctx(), f.actor('besluit')));
    expect(dm.queues.some((q) => q.queueId === 'arrangement_follow_up')).toBe(false);
  });
});

describe('who sees what', () => {
  it('decision makers and the inspectorate read all; the LCC never the care referrals; others nothing', async () => {
    const a = f.deps.arrangements;
    expect(must(await a.view(f.ctx(), f.actor('besluit'), caseId))).toMatchObject({ mayEdit: false, care: expect.any(Array), agreements: expect.any(Array) });
    expect(must(await a.view(f.ctx(), f.actor('inspectie'), caseId))).toMatchObject({ mayEdit: false, care: expect.any(Array) });
    const lcc = must(await a.view(f.ctx(), f.actor('lcc'), caseId));
    expect(lcc.care).toBeNull();
    expect(lcc.agreements?.length).toBeGreaterThan(0);
    for (const who of ['analist', 'triage', 'advies', 'beheer', 'politie']) {
      expect(await a.view(f.ctx(), f.actor(who), caseId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('only the liaison on the case records; a decision maker or the LCC is refused and nothing changes', async () => {
    const before = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), caseId)).agreements?.length;
    for (const who of ['besluit', 'lcc', 'inspectie']) {
      expect(await f.deps.arrangements.recordAgreement(f.ctx(), f.actor(who), caseId, { personId: person, type: 'cooperation', description: 'x', consequence: 'y' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    }
    expect(must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), caseId)).agreements?.length).toBe(before);
  });

  it('refuses a person who is not on the case', async () => {
    expect(await f.deps.arrangements.recordCare(f.ctx(), f.actor('liaison'), caseId, { personId: crypto.randomUUID(), module: 'care_person', description: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'personId' } } });
  });
});

describe('the policy facts from their sources', () => {
  it('household from intake, cooperation from the refused agreement, the employer from its duties, and R3 from the assessment', async () => {
    const view = must(await f.deps.arrangements.policyFacts(f.ctx(), f.actor('besluit'), caseId));
    const fact = (name: string) => view.facts.find((x) => x.fact === name);
    expect(fact('hasPartner')).toMatchObject({ value: true, source: 'intake_household' });
    expect(fact('cooperation')).toMatchObject({ value: false, source: 'agreements' });
    expect(fact('employerMeasures')).toMatchObject({ value: 'partial', source: 'employer_duties', basis: '1 of 5 duties in place' });
    expect(fact('threatDuration')).toMatchObject({ source: 'threat_assessment' });
    expect(view.requiredResistance).toBe('R3');
    for (const who of ['liaison', 'lcc', 'analist', 'inspectie']) {
      expect(await f.deps.arrangements.policyFacts(f.ctx(), f.actor(who), caseId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('a proposal stating another value must give a reason, which the decision records with the source', async () => {
    const view = must(await f.deps.arrangements.policyFacts(f.ctx(), f.actor('besluit'), caseId));
    const sourced = Object.fromEntries(view.facts.map((x) => [x.fact, x.value]));
    const facts = samplePolicyFacts({ ...sourced, hasPartner: false });
    const cmd = { type: 'ProposeDecision' as const, decisionId: crypto.randomUUID(), facts, motivation: 'Herbeoordeling na weigering.', factOverrides: [] };
    expect(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, cmd)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'factOverrides.hasPartner' } } });
    const done = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { ...cmd, factOverrides: [{ fact: 'hasPartner', reason: 'Partner is verhuisd naar het buitenland.' }] }));
    const row = await f.database.db.selectFrom('case_event').select('payload').where('case_id', '=', caseId).where('version', '=', done.version).executeTakeFirstOrThrow();
    const proposed = row.payload as unknown as DecisionProposed;
    expect(proposed.type).toBe('DecisionProposed');
    expect(proposed.factSources?.find((x) => x.fact === 'hasPartner')).toEqual({ fact: 'hasPartner', source: 'intake_household', derived: true, stated: false, overrideReason: 'Partner is verhuisd naar het buitenland.' });
  });
});
