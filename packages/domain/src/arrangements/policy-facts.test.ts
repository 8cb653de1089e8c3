import { describe, expect, it } from 'vitest';
import { deriveFacts, employerMeasuresFrom, recordFacts, type FactSourcesInput } from './policy-facts';
import { EMPLOYER_DUTIES } from './lifecycle';

const base: FactSourcesInput = {
  persons: [{ personId: 'p1', role: 'threatened_person', fullName: 'A' }],
  assessment: { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2027-01-15' },
  agreements: [],
  employers: [],
  today: '2026-03-10',
};

describe('policy facts from their sources', () => {
  it('a partner registered at intake carries over, so partner care is proposed without a manual tick', () => {
    const facts = deriveFacts({ ...base, persons: [...base.persons, { personId: 'p2', role: 'household_member', fullName: 'B', relation: 'partner' }] });
    expect(facts.hasPartner).toMatchObject({ value: true, source: 'intake_household' });
    expect(facts.hasChildren).toMatchObject({ value: false, source: 'intake_household' });
  });

  it('children by relation or by age under 18', () => {
    const facts = deriveFacts({
      ...base,
      persons: [...base.persons, { personId: 'p3', role: 'household_member', fullName: 'C', relation: 'dochter' }, { personId: 'p4', role: 'household_member', fullName: 'D', dateOfBirth: '2015-05-01' }],
    });
    expect(facts.hasChildren).toMatchObject({ value: true, basis: '2 child(ren) registered' });
    expect(facts.hasPartner.value).toBe(false);
  });

  it('expected duration from the assessment: valid a year or more is long, shorter is short, none says so', () => {
    expect(deriveFacts(base).threatDuration).toMatchObject({ value: 'long', source: 'threat_assessment' });
    expect(deriveFacts({ ...base, assessment: { recordedAt: '2026-01-15T10:00:00Z', validUntil: '2026-07-15' } }).threatDuration).toMatchObject({ value: 'short', source: 'threat_assessment' });
    expect(deriveFacts({ ...base, assessment: undefined }).threatDuration.source).toBe('no_source');
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
  const derived = deriveFacts({ ...base, persons: [...base.persons, { personId: 'p2', role: 'household_member', fullName: 'B', relation: 'echtgenote' }] });
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

  it('a client that states no overrides at all (predating issue 12) has its differences recorded, unexplained', () => {
    const recorded = recordFacts(derived, { ...stated, hasPartner: false });
    expect(recorded.ok && recorded.value.find((r) => r.fact === 'hasPartner')).toEqual({ fact: 'hasPartner', source: 'intake_household', derived: true, stated: false, overrideReason: null });
  });
});
