import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCaseEvents } from '@hoeder/db';
import { finaliseDaf } from '../assessments/daf-flow';
import { openServiceFixture, samplePolicyFacts, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';

/**
 * Issue 12 follow-up (ADR 0032), on PGlite and (with TEST_PG_ADMIN_URL) PostgreSQL 15: the household
 * facts come from the coded relation in the person file only, the expected duration from the DAF
 * assessment, and a proposal must state its overrides.
 */
let f: ServiceFixture;
let caseId: string;
let version: number;
beforeAll(async () => {
  f = await openServiceFixture();
  const persons = [
    { role: 'threatened_person' as const, fullName: 'Bron Persoon' },
    // The note says "vriendin", the code says sibling: only the code counts.
    { role: 'household_member' as const, fullName: 'Bron Zus', relation: 'vriendin', relationCode: 'sibling' as const },
    { role: 'household_member' as const, fullName: 'Bron Kind', relationCode: 'child' as const },
  ];
  ({ caseId } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ persons }))));
  version = 1;
  for (const u of ['analist', 'analist2', 'besluit', 'besluit2', 'liaison']) version = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'AssignMember', userId: userIdOf(u) })).version;
  const triage = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  version = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'CompleteTriage', facts: triage, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' })).version;
  // Valid for two years, but the analyst expects the threat to last three to twelve months.
  version = (await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2028-03-01', expectedDuration: 'three_to_12_months' })).caseVersion;
}, 120_000);
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('policy facts from their sources', () => {
  it('household from the coded relations only; duration from the duration the DAF stated, not its validity', async () => {
    const view = must(await f.deps.arrangements.policyFacts(f.ctx(), f.actor('besluit'), caseId));
    const fact = (name: string) => view.facts.find((x) => x.fact === name);
    expect(fact('hasPartner')).toMatchObject({ value: false, source: 'intake_household' });
    expect(fact('hasChildren')).toMatchObject({ value: true, source: 'intake_household', basis: '1 household member(s) coded child' });
    expect(fact('threatDuration')).toMatchObject({ value: 'short', source: 'threat_assessment', basis: 'expected duration stated by the DAF: three_to_12_months' });
  });

  it('the DAF view shows the expected duration of the final version', async () => {
    const daf = must(await f.deps.assessments.view(f.ctx(), f.actor('analist'), caseId));
    expect(daf.versions.find((v) => v.status === 'final')?.expectedDuration).toBe('three_to_12_months');
  });

  it('a proposal stating a fact otherwise than its source, without a reason, is refused naming the fact; nothing is appended', async () => {
    const before = await countCaseEvents(f.database.db);
    const facts = samplePolicyFacts({ hasPartner: false, hasChildren: true, threatDuration: 'long' });
    const refused = await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'ProposeDecision', decisionId: crypto.randomUUID(), facts, factOverrides: [], motivation: 'Herbeoordeling.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'factOverrides.threatDuration' } } });
    expect(await countCaseEvents(f.database.db)).toBe(before);
    const reason = [{ fact: 'threatDuration' as const, reason: 'Nieuwe informatie wijst op langdurige dreiging.' }];
    must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'ProposeDecision', decisionId: crypto.randomUUID(), facts, factOverrides: reason, motivation: 'Herbeoordeling.' }));
  });
});
