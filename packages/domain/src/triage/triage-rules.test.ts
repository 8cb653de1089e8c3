import { describe, expect, it } from 'vitest';
import { THREAT_PHENOMENA, type ThreatPhenomenon, type TriageOutcome } from '../shared/vocabulary';
import { recommendTriage, rulesetInEffect, type TriageFacts, type TriageRuleset } from './triage-rules';
import { TRIAGE_RULESETS } from './triage-rulesets';

const facts = (over: Partial<TriageFacts> = {}): TriageFacts => ({
  phenomenon: 'organised_crime',
  onLimitedList: false,
  inWitnessProtectionTrack: false,
  ownResistanceSufficient: false,
  ...over,
});

const v2025 = (): TriageRuleset => {
  const r = TRIAGE_RULESETS.find((x) => x.version === 'triage-2025.1');
  if (!r) throw new Error('triage-2025.1 is missing');
  return r;
};

function recommend(ruleset: TriageRuleset, f: TriageFacts) {
  const result = recommendTriage(ruleset, f);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const FOUR_PHENOMENA: readonly ThreatPhenomenon[] = ['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner'];
const LOCAL_PHENOMENA: readonly ThreatPhenomenon[] = ['relational_violence', 'stalking', 'honour_related_violence'];

describe('triage-2025.1', () => {
  it('is the ruleset of DOMAIN §2: the four phenomena in scope, a catch-all at the end, unique rule ids', () => {
    const r = v2025();
    expect(r.effectiveFrom).toBe('2025-01-01');
    expect([...r.phenomenaInScope].sort()).toEqual([...FOUR_PHENOMENA].sort());
    expect(r.rules.at(-1)?.when).toEqual([]);
    expect(new Set(r.rules.map((x) => x.id)).size).toBe(r.rules.length);
    expect(r.rules.every((x) => x.description.length > 0)).toBe(true);
  });

  // Each rule with facts that make it the first match (table-driven).
  it.each<[string, Partial<TriageFacts>, TriageOutcome]>([
    ['TR-LIMITED-LIST', { onLimitedList: true }, 'limited_list'],
    ['TR-LIMITED-LIST', { phenomenon: 'other', onLimitedList: true, ownResistanceSufficient: true }, 'limited_list'],
    ['TR-WITNESS-PROTECTION', { inWitnessProtectionTrack: true }, 'witness_protection'],
    ['TR-LOCAL-DOMAIN', { phenomenon: 'relational_violence' }, 'local_domain'],
    ['TR-LOCAL-DOMAIN', { phenomenon: 'stalking' }, 'local_domain'],
    ['TR-LOCAL-DOMAIN', { phenomenon: 'honour_related_violence' }, 'local_domain'],
    ['TR-OWN-RESISTANCE', { ownResistanceSufficient: true }, 'not_eligible'],
    ['TR-OWN-RESISTANCE', { phenomenon: 'other', ownResistanceSufficient: true }, 'not_eligible'],
    ['TR-NATIONAL-PHENOMENON', { phenomenon: 'organised_crime' }, 'national'],
    ['TR-NATIONAL-PHENOMENON', { phenomenon: 'terrorism' }, 'national'],
    ['TR-NATIONAL-PHENOMENON', { phenomenon: 'state_actor' }, 'national'],
    ['TR-NATIONAL-PHENOMENON', { phenomenon: 'radicalised_loner' }, 'national'],
    ['TR-OTHER', { phenomenon: 'other' }, 'local_domain'],
  ])('%s fires for %j', (ruleId, over, outcome) => {
    expect(recommend(v2025(), facts(over))).toEqual({ rulesetVersion: 'triage-2025.1', outcome, firedRules: [ruleId] });
  });

  it('every rule of the ruleset is reachable (fires for some facts)', () => {
    const fired = new Set(allFacts().map((f) => recommend(v2025(), f).firedRules[0]));
    expect([...fired].sort()).toEqual(v2025().rules.map((r) => r.id).sort());
  });

  /** The rules of DOMAIN §2 written out plainly, in their order of precedence. */
  function expected(f: TriageFacts): [string, TriageOutcome] {
    if (f.onLimitedList) return ['TR-LIMITED-LIST', 'limited_list'];
    if (f.inWitnessProtectionTrack) return ['TR-WITNESS-PROTECTION', 'witness_protection'];
    if (LOCAL_PHENOMENA.includes(f.phenomenon)) return ['TR-LOCAL-DOMAIN', 'local_domain'];
    if (f.ownResistanceSufficient) return ['TR-OWN-RESISTANCE', 'not_eligible'];
    if (FOUR_PHENOMENA.includes(f.phenomenon)) return ['TR-NATIONAL-PHENOMENON', 'national'];
    return ['TR-OTHER', 'local_domain'];
  }

  it('gives the expected recommendation for every combination of facts (64), exactly one rule fired', () => {
    const all = allFacts();
    expect(all).toHaveLength(THREAT_PHENOMENA.length * 8);
    for (const f of all) {
      const [ruleId, outcome] = expected(f);
      expect(recommend(v2025(), f), JSON.stringify(f)).toEqual({ rulesetVersion: 'triage-2025.1', outcome, firedRules: [ruleId] });
    }
  });

  it('the first matching rule wins, whatever else also matches', () => {
    // Everything at once: the limited list comes first.
    expect(recommend(v2025(), facts({ phenomenon: 'stalking', onLimitedList: true, inWitnessProtectionTrack: true, ownResistanceSufficient: true })).firedRules).toEqual([
      'TR-LIMITED-LIST',
    ]);
    // Witness protection before the local domain and before own resistance.
    expect(recommend(v2025(), facts({ phenomenon: 'stalking', inWitnessProtectionTrack: true, ownResistanceSufficient: true })).firedRules).toEqual([
      'TR-WITNESS-PROTECTION',
    ]);
    // Local domain before own resistance.
    expect(recommend(v2025(), facts({ phenomenon: 'stalking', ownResistanceSufficient: true })).firedRules).toEqual(['TR-LOCAL-DOMAIN']);
    // Own resistance before the national phenomena (terrorism matches TR-NATIONAL-PHENOMENON too).
    expect(recommend(v2025(), facts({ phenomenon: 'terrorism', ownResistanceSufficient: true })).firedRules).toEqual(['TR-OWN-RESISTANCE']);
  });

  it('order is data: the same rules in another order give another recommendation', () => {
    const r = v2025();
    const reordered: TriageRuleset = { ...r, version: 'test-reordered', rules: [...r.rules].reverse() };
    // Reversed, the catch-all comes first and answers everything.
    expect(recommend(reordered, facts({ onLimitedList: true }))).toEqual({ rulesetVersion: 'test-reordered', outcome: 'local_domain', firedRules: ['TR-OTHER'] });
  });
});

describe('conditions', () => {
  const ruleset = (when: TriageRuleset['rules'][number]['when']): TriageRuleset => ({
    version: 'test-conditions',
    effectiveFrom: '2025-01-01',
    phenomenaInScope: [],
    rules: [
      { id: 'MATCH', description: 'under test', when, outcome: 'national' },
      { id: 'ELSE', description: 'catch-all', when: [], outcome: 'not_eligible' },
    ],
  });
  const fired = (r: TriageRuleset, f: TriageFacts) => recommend(r, f).firedRules[0];

  it('equals on a string fact and on a boolean fact', () => {
    expect(fired(ruleset([{ fact: 'phenomenon', equals: 'terrorism' }]), facts({ phenomenon: 'terrorism' }))).toBe('MATCH');
    expect(fired(ruleset([{ fact: 'phenomenon', equals: 'terrorism' }]), facts({ phenomenon: 'state_actor' }))).toBe('ELSE');
    expect(fired(ruleset([{ fact: 'onLimitedList', equals: false }]), facts())).toBe('MATCH');
    expect(fired(ruleset([{ fact: 'onLimitedList', equals: false }]), facts({ onLimitedList: true }))).toBe('ELSE');
  });

  it('oneOf, also on a boolean fact (compared as text)', () => {
    expect(fired(ruleset([{ fact: 'phenomenon', oneOf: ['stalking', 'other'] }]), facts({ phenomenon: 'other' }))).toBe('MATCH');
    expect(fired(ruleset([{ fact: 'phenomenon', oneOf: [] }]), facts())).toBe('ELSE');
    expect(fired(ruleset([{ fact: 'ownResistanceSufficient', oneOf: ['true'] }]), facts({ ownResistanceSufficient: true }))).toBe('MATCH');
  });

  it('all conditions of a rule must hold', () => {
    const both = ruleset([
      { fact: 'phenomenon', equals: 'terrorism' },
      { fact: 'ownResistanceSufficient', equals: false },
    ]);
    expect(fired(both, facts({ phenomenon: 'terrorism' }))).toBe('MATCH');
    expect(fired(both, facts({ phenomenon: 'terrorism', ownResistanceSufficient: true }))).toBe('ELSE');
  });
});

describe('a ruleset without a catch-all', () => {
  const partial: TriageRuleset = {
    version: 'test-partial',
    effectiveFrom: '2025-01-01',
    phenomenaInScope: ['terrorism'],
    rules: [{ id: 'ONLY-TERRORISM', description: 'terrorism only', when: [{ fact: 'phenomenon', equals: 'terrorism' }], outcome: 'national' }],
  };

  it('still answers the facts it covers', () => {
    expect(recommend(partial, facts({ phenomenon: 'terrorism' })).firedRules).toEqual(['ONLY-TERRORISM']);
  });

  it('refuses facts it does not cover with RULE_VIOLATION naming the version', () => {
    const result = recommendTriage(partial, facts({ phenomenon: 'stalking' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('RULE_VIOLATION');
    expect(result.error.message).toContain('test-partial');
  });

  it('an empty ruleset refuses everything', () => {
    const result = recommendTriage({ ...partial, version: 'test-empty', rules: [] }, facts());
    expect(result.ok ? 'ok' : result.error.code).toBe('RULE_VIOLATION');
  });
});

describe('rulesetInEffect', () => {
  // A synthetic later version: the national scope widened, own resistance no longer decisive.
  const v2027: TriageRuleset = {
    version: 'triage-2027.1-test',
    effectiveFrom: '2027-01-01',
    phenomenaInScope: [...FOUR_PHENOMENA, 'other'],
    rules: [{ id: 'TR27-ALL', description: 'synthetic', when: [], outcome: 'national' }],
  };
  const both = [v2025(), v2027];

  it.each([
    ['2024-12-31', undefined],
    ['2024-12-31T23:59:59.999Z', undefined],
    ['2025-01-01', 'triage-2025.1'],
    ['2025-01-01T00:00:00.000Z', 'triage-2025.1'],
    ['2026-06-15T10:00:00.000Z', 'triage-2025.1'],
    ['2026-12-31T23:59:59.999Z', 'triage-2025.1'],
    ['2027-01-01', 'triage-2027.1-test'],
    ['2027-01-01T00:00:00.000Z', 'triage-2027.1-test'],
    ['2031-05-05T12:00:00.000Z', 'triage-2027.1-test'],
  ])('on %s: %s', (on, version) => {
    expect(rulesetInEffect(both, on)?.version).toBe(version);
    // The order of the list does not matter.
    expect(rulesetInEffect([...both].reverse(), on)?.version).toBe(version);
  });

  it('the version in effect decides the recommendation, and the recommendation names it', () => {
    const f = facts({ phenomenon: 'terrorism', ownResistanceSufficient: true });
    const before = rulesetInEffect(both, '2026-12-31T12:00:00.000Z')!;
    const after = rulesetInEffect(both, '2027-01-01T12:00:00.000Z')!;
    expect(recommend(before, f)).toEqual({ rulesetVersion: 'triage-2025.1', outcome: 'not_eligible', firedRules: ['TR-OWN-RESISTANCE'] });
    expect(recommend(after, f)).toEqual({ rulesetVersion: 'triage-2027.1-test', outcome: 'national', firedRules: ['TR27-ALL'] });
  });

  it('does not reorder or change the list it is given', () => {
    const list = [v2027, v2025()];
    rulesetInEffect(list, '2026-01-01');
    expect(list.map((r) => r.version)).toEqual(['triage-2027.1-test', 'triage-2025.1']);
  });

  it('the bundled rulesets: triage-2025.1 is in effect from 2025 on', () => {
    expect(rulesetInEffect(TRIAGE_RULESETS, '2024-06-01')).toBeUndefined();
    expect(rulesetInEffect(TRIAGE_RULESETS, '2025-06-01T09:00:00.000Z')?.version).toBe('triage-2025.1');
  });
});

function allFacts(): TriageFacts[] {
  const bools = [false, true];
  return THREAT_PHENOMENA.flatMap((phenomenon) =>
    bools.flatMap((onLimitedList) =>
      bools.flatMap((inWitnessProtectionTrack) => bools.map((ownResistanceSufficient) => ({ phenomenon, onLimitedList, inWitnessProtectionTrack, ownResistanceSufficient }))),
    ),
  );
}
