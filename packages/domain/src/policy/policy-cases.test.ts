import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPolicy, loadBundledPolicyInEffect } from './models/bundled';
import { PACKAGE_POLICY_MANIFEST, type PolicyVersionEntry } from './models/manifest';
import { proposePackage, type CaseFacts } from './propose';
import data from './policy-cases.json';
import { POLICY_DECISIONS, selectPolicyVersion, type PackagePolicy } from './versions';

interface PolicyCase {
  id: string;
  description: string;
  edgeRules: string[];
  facts: CaseFacts;
  expected: unknown;
}

const cases = data.cases as PolicyCase[];
const invalid = data.invalid as { id: string; facts: CaseFacts; expectedError: string }[];

let policy: PackagePolicy;
beforeAll(async () => {
  const loaded = await loadBundledPolicy(data.policyVersion);
  if (!loaded.ok) throw new Error(loaded.error.message);
  policy = loaded.value;
});

const propose = (facts: CaseFacts) => {
  const result = proposePackage(policy, facts);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe(`policy ${data.policyVersion}: realistic cases`, () => {
  it('the table covers at least twelve cases and every edge rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const edges = cases.flatMap((c) => c.edgeRules).join(' ');
    expect(edges).toMatch(/non-cooperation/);
    expect(edges).toMatch(/integrity risk/);
    expect(edges).toMatch(/work before private/);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s gives the expected package', (_id, c) => {
    const { resistanceLevel, measures, careModules, reviewPeriodMonths, policyVersion } = propose(c.facts);
    expect({ resistanceLevel, measures, careModules, reviewPeriodMonths }).toEqual(c.expected);
    expect(policyVersion).toBe('2026.1');
  });

  it.each(invalid.map((c) => [c.id, c] as const))('%s is refused with the reason', (_id, c) => {
    const result = proposePackage(policy, c.facts);
    expect(result.ok ? null : result.error.code).toBe(c.expectedError);
  });

  it('equal facts give equal proposals', () => {
    const facts = cases[0]?.facts as CaseFacts;
    expect(propose({ ...facts })).toEqual(propose(structuredClone(facts)));
  });
});

describe('edge rules are visible in the explanation', () => {
  const firedIds = (facts: CaseFacts) =>
    propose(facts).explanation.decisions.flatMap((d) => d.firedRules.map((r) => r.ruleId));
  const byId = (id: string) => cases.find((c) => c.id === id)?.facts as CaseFacts;

  it('non-cooperation: only the minimum rule and the non-cooperation review rule fire for measures', () => {
    const fired = firedIds(byId('C03'));
    expect(fired).toContain('generalMeasures_r1');
    expect(fired).toContain('reviewPeriodMonths_r5');
    expect(fired.filter((id) => /^(home|work|transport|private)Measures/.test(id))).toEqual([]);
  });

  it('integrity risk: protection under conditions and restricted private life', () => {
    const fired = firedIds(byId('C04'));
    expect(fired).toEqual(expect.arrayContaining(['generalMeasures_r2', 'privateMeasures_r3', 'reviewPeriodMonths_r6']));
  });

  it('work before private: the private escort rule sees whether work is facilitated', () => {
    const explanation = propose(byId('C01')).explanation;
    const privateTable = explanation.decisions.find((d) => d.decisionName === 'privateMeasures');
    const escort = privateTable?.firedRules.find((r) => r.ruleId === 'privateMeasures_r4');
    expect(escort?.conditions).toContainEqual(expect.objectContaining({ input: 'Werk gefaciliteerd', value: true }));
    expect(escort?.annotation).toMatch(/Werk gaat voor privé/);
  });

  it('records the policy version, every table evaluated and the facts it used', () => {
    const explanation = propose(byId('C01')).explanation;
    expect(explanation.policyVersion).toBe('2026.1');
    expect(explanation.effectiveFrom).toBe('2026-01-01');
    expect(explanation.decisions.map((d) => d.decisionName).sort()).toEqual([...POLICY_DECISIONS].sort());
    expect(explanation.inputData.threatLevel).toBe('high');
    const review = explanation.decisions.find((d) => d.decisionName === 'reviewPeriodMonths');
    expect(review?.hitPolicy).toBe('C<');
  });
});

describe('policy versions', () => {
  it('picks the published version in effect on the given date; drafts never apply', () => {
    const pick = (date: string) => {
      const r = selectPolicyVersion(PACKAGE_POLICY_MANIFEST, date);
      return r.ok ? r.value.version : r.error.code;
    };
    expect(pick('2025-12-31')).toBe('POLICY_NO_VERSION_IN_EFFECT');
    expect(pick('2026-01-01')).toBe('2026.1');
    expect(pick('2027-03-01')).toBe('2026.1');
    expect(pick('1 januari 2026')).toBe('POLICY_INVALID_DATE');
  });

  it('a later published version takes over from its effective date', () => {
    const later: PolicyVersionEntry = { ...(PACKAGE_POLICY_MANIFEST[1] as PolicyVersionEntry), status: 'published' };
    const manifest = [...PACKAGE_POLICY_MANIFEST.slice(0, 1), later];
    const pick = (date: string) => {
      const r = selectPolicyVersion(manifest, date);
      return r.ok ? r.value.version : r.error.code;
    };
    expect(pick('2026-12-31')).toBe('2026.1');
    expect(pick('2027-01-01')).toBe('2027.1');
  });

  it('every bundled version parses and has all policy decisions', async () => {
    for (const entry of PACKAGE_POLICY_MANIFEST) {
      const loaded = await loadBundledPolicy(entry.version);
      expect(loaded.ok ? loaded.value.version : loaded.error.message).toBe(entry.version);
    }
    const inEffect = await loadBundledPolicyInEffect('2026-03-15');
    expect(inEffect.ok && inEffect.value.version).toBe('2026.1');
    expect((await loadBundledPolicy('1999.1')).ok).toBe(false);
  });
});
