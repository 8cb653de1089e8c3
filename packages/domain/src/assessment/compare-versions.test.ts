import { describe, expect, it } from 'vitest';
import { compareVersions, sameValue } from './compare-versions';
import { AUTHOR, LONG, SECOND, completeContent, finalised, product, stream } from './test-fixtures';

describe('sameValue', () => {
  it('compares plain data structurally, ignoring key order and absent fields', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('compareVersions', () => {
  function twoVersions() {
    const s = stream();
    finalised(s);
    s.exec({ type: 'RegisterItem', item: product('p-2') });
    s.exec({ type: 'StartDraft', template: { templateId: 'daf-organised-crime', version: 1 }, classification: 'stg_confidential', reasonForChange: 'AIVD product on a hired perpetrator.' });
    const base = completeContent(['p-1', 'p-2']);
    const content = {
      ...base,
      judgement: { ...base.judgement!, threat: { level: 'very_high' as const, motivation: 'A perpetrator has been hired.' } },
      scenarios: [
        { ...base.scenarios[0]!, likelihood: 'likely' as const },
        { ...base.scenarios[0]!, scenarioId: 's-2', target: 'Home' },
      ],
      assumptions: [],
      ratings: base.ratings.map((r, n) => (n === 0 ? { ...r, value: 'yes', rationale: LONG } : r)),
    };
    s.exec({ type: 'ReviseDraft', content }, AUTHOR);
    s.exec({ type: 'SubmitForChallenge' }, AUTHOR);
    s.exec({ type: 'RecordChallenge', verdict: 'dissent', reasons: 'Scenario s-2 is unlikely, the house is guarded.' }, SECOND);
    s.exec({ type: 'FinaliseAssessment', validUntil: '2026-06-01', expectedDuration: 'over_12_months', responseToDissent: 'Kept as a precaution.' }, AUTHOR);
    const [v1, v2] = s.state()!.versions;
    return { v1: v1!, v2: v2! };
  }

  it('shows the changed level, judgement, scenarios, assumptions, ratings and items', () => {
    const { v1, v2 } = twoVersions();
    const diff = compareVersions(v1, v2);
    expect(diff).toMatchObject({ from: 1, to: 2, threatLevel: { from: 'high', to: 'very_high' }, template: undefined });
    expect(diff.judgement).toEqual([
      { field: 'threat.level', from: 'high', to: 'very_high' },
      { field: 'threat.motivation', from: LONG, to: 'A perpetrator has been hired.' },
    ]);
    expect(diff.scenarios.added.map((s) => s.scenarioId)).toEqual(['s-2']);
    expect(diff.scenarios.removed).toEqual([]);
    expect(diff.scenarios.changed).toEqual([{ id: 's-1', changes: [{ field: 'likelihood', from: 'possible', to: 'likely' }] }]);
    expect(diff.assumptions.removed.map((a) => a.assumptionId)).toEqual(['as-1']);
    expect(diff.gaps).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.ratings.changed).toEqual([{ id: 'actor_known', changes: [{ field: 'value', from: 'unknown', to: 'yes' }] }]);
    expect(diff.items).toEqual({ added: ['p-2'], removed: [] });
    expect(diff.changes).toContainEqual({ field: 'validUntil', from: '2026-09-01', to: '2026-06-01' });
    expect(diff.changes).toContainEqual({ field: 'status', from: 'superseded', to: 'final' });
  });

  it('carries the reasons: why the new version, the challenge with dissent and the response', () => {
    const { v1, v2 } = twoVersions();
    const { reasons } = compareVersions(v1, v2);
    expect(reasons.reasonForChange).toBe('AIVD product on a hired perpetrator.');
    expect(reasons.challenges).toMatchObject([{ reviewerId: SECOND, verdict: 'dissent' }]);
    expect(reasons.responseToDissent).toBe('Kept as a precaution.');
  });

  it('finds nothing between a version and itself', () => {
    const { v1 } = twoVersions();
    const diff = compareVersions(v1, v1);
    expect(diff.threatLevel).toBeUndefined();
    expect(diff.judgement).toEqual([]);
    expect([diff.scenarios, diff.assumptions, diff.gaps, diff.ratings].every((d) => !d.added.length && !d.removed.length && !d.changed.length)).toBe(true);
    expect(diff.items).toEqual({ added: [], removed: [] });
    expect(diff.changes).toEqual([]);
  });

  it('reports a switch of method template', () => {
    const { v1 } = twoVersions();
    const other = { ...v1, content: { ...v1.content, template: { templateId: 'daf-state-actor', version: 1 } } };
    expect(compareVersions(v1, other).template).toEqual({ from: v1.content.template, to: other.content.template });
  });
});
