import { describe, expect, it } from 'vitest';
import { deriveFacts, employerMeasuresFrom, recordFacts, type FactSourcesInput } from './policy-facts';
import { EMPLOYER_DUTIES } from './lifecycle';

const base: FactSourcesInput = {
  household: [],
  assessment: { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2027-01-15', expectedDuration: 'over_12_months' },
  agreements: [],
  employers: [],
};

describe('policy facts from their sources', () => {
  it('a partner coded at intake carries over, so partner care is proposed without a manual tick', () => {
    const facts = deriveFacts({ ...base, household: [{ relationCode: 'partner' }] });
    expect(facts.hasPartner).toMatchObject({ value: true, source: 'intake_household' });
    expect(facts.hasChildren).toMatchObject({ value: false, source: 'intake_household' });
  });

  it('children from the code only: a parent or other household member is neither partner nor child', () => {
    const facts = deriveFacts({ ...base, household: [{ relationCode: 'child' }, { relationCode: 'child' }, { relationCode: 'parent' }, { relationCode: 'other_household_member' }, { relationCode: null }] });
    expect(facts.hasChildren).toMatchObject({ value: true, basis: '2 household member(s) coded child' });
    expect(facts.hasPartner.value).toBe(false);
  });

  it('expected duration from the duration the DAF stated, whatever the validity', () => {
    const short = { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2027-06-15' } as const;
    expect(deriveFacts(base).threatDuration).toMatchObject({ value: 'long', source: 'threat_assessment' });
    expect(deriveFacts({ ...base, assessment: { ...short, expectedDuration: 'three_to_12_months' } }).threatDuration).toMatchObject({ value: 'short', source: 'threat_assessment' });
    expect(deriveFacts({ ...base, assessment: { ...short, expectedDuration: 'no_prospect_of_decline' } }).threatDuration.value).toBe('long');
    expect(deriveFacts({ ...base, assessment: undefined }).threatDuration.source).toBe('no_source');
  });

  it('an assessment finalised before the field existed falls back on its validity, and the source says so', () => {
    const old = deriveFacts({ ...base, assessment: { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2026-07-15' } }).threatDuration;
    expect(old).toMatchObject({ value: 'short', source: 'threat_assessment_validity' });
    expect(old.basis).toMatch(/before the expected-duration field/);
    expect(deriveFacts({ ...base, assessment: { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2027-01-15' } }).threatDuration).toMatchObject({ value: 'long', source: 'threat_assessment_validity' });
  });

  it('cooperation and integrity risk from the agreements', () => {
    expect(deriveFacts(base).cooperation.source).toBe('no_source');
    const refused = deriveFacts({ ...base, agreements: [{ type: 'cooperation', status: 'refused' }, { type: 'integrity_restriction', status: 'agreed' }] });
    expect(refused.cooperation).toMatchObject({ value: false, source: 'agreements' });
    expect(refused.integrityRisk).toMatchObject({ value: true, source: 'agreements' });
    const kept = deriveFacts({ ...base, agreements: [{ type: 'cooperation', status: 'agreed' }, { type: 'integrity_restriction', status: 'ended' }] });
    expect(kept.cooperation.value).toBe(true);
    expect(kept.integrityRisk.value).toBe(false);
  });

  it("the employer's resistance from its five duties", () => {
    const duties = (inPlace: number) => EMPLOYER_DUTIES.map((duty, i) => ({ duty, status: i < inPlace ? ('in_place' as const) : ('agreed' as const) }));
    expect(employerMeasuresFrom([])).toMatchObject({ value: 'not_applicable', source: 'no_source' });
    expect(employerMeasuresFrom([{ duties: duties(0) }]).value).toBe('none');
    expect(employerMeasuresFrom([{ duties: duties(3) }]).value).toBe('partial');
    expect(employerMeasuresFrom([{ duties: duties(5) }])).toMatchObject({ value: 'adequate', basis: '5 of 5 duties in place' });
  });
});

describe('overriding a fact needs a reason', () => {
  const derived = deriveFacts({ ...base, household: [{ relationCode: 'partner' }] });
  const stated = { threatDuration: 'long', cooperation: true, integrityRisk: false, employerMeasures: 'not_applicable', hasPartner: true, hasChildren: false } as const;

  it('records source, derived and stated value per fact', () => {
    const recorded = recordFacts(derived, stated, []);
    expect(recorded.ok && recorded.value.find((r) => r.fact === 'hasPartner')).toEqual({ fact: 'hasPartner', source: 'intake_household', derived: true, stated: true, overrideReason: null });
  });

  it('a changed fact without a reason is refused, naming the fact; with a reason it is recorded', () => {
    expect(recordFacts(derived, { ...stated, hasPartner: false }, [])).toMatchObject({ ok: false, error: { details: { field: 'factOverrides.hasPartner' } } });
    const recorded = recordFacts(derived, { ...stated, hasPartner: false }, [{ fact: 'hasPartner', reason: 'partner woont sinds maart elders' }]);
    expect(recorded.ok && recorded.value.find((r) => r.fact === 'hasPartner')?.overrideReason).toBe('partner woont sinds maart elders');
  });

  it('a fact without a source may be stated freely', () => {
    expect(recordFacts(derived, { ...stated, cooperation: false }, []).ok).toBe(true);
  });

  it('an override is always explained: a difference is never recorded without a reason', () => {
    const recorded = recordFacts(derived, { ...stated, hasPartner: false, threatDuration: 'short' }, [{ fact: 'hasPartner', reason: 'partner woont sinds maart elders' }]);
    expect(recorded).toMatchObject({ ok: false, error: { details: { field: 'factOverrides.threatDuration' } } });
  });
});
