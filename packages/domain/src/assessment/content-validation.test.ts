import { describe, expect, it } from 'vitest';
import type { AssessmentContent } from './assessment-content';
import { validateContent } from './content-validation';
import { SHIPPED_TEMPLATES } from './templates';
import { completeContent } from './test-fixtures';

const TODAY = '2026-03-02';
const ITEMS = new Set(['p-1']);
const check = (c: AssessmentContent, complete = true) => validateContent(c, SHIPPED_TEMPLATES, ITEMS, TODAY, complete);
const base = () => completeContent(['p-1']);

/** Each case breaks one invariant of otherwise complete content; `draftOk` says whether a draft may have it. */
const CASES: [string, (c: AssessmentContent) => AssessmentContent, string, boolean][] = [
  ['an unknown template', (c) => ({ ...c, template: { templateId: 'x', version: 1 } }), 'template', false],
  ['an unknown classification', (c) => ({ ...c, classification: 'secret' as never }), 'classification', false],
  ['no judgement', (c) => ({ ...c, judgement: undefined }), 'judgement', true],
  ['a threat level off the scale', (c) => ({ ...c, judgement: { ...c.judgement!, threat: { level: 'extreme' as never, motivation: 'm' } } }), 'judgement.threat', false],
  ['a resistance level off the scale', (c) => ({ ...c, judgement: { ...c.judgement!, requiredResistance: { level: 'R9' as never, motivation: 'm' } } }), 'judgement.requiredResistance', false],
  ['an unmotivated residual risk', (c) => ({ ...c, judgement: { ...c.judgement!, residualRisk: { level: 'low', motivation: ' ' } } }), 'judgement.residualRisk', false],
  ['no scenarios', (c) => ({ ...c, scenarios: [] }), 'scenarios', true],
  ['duplicate scenario ids', (c) => ({ ...c, scenarios: [c.scenarios[0]!, c.scenarios[0]!] }), 'scenarios', false],
  ['a scenario without actor', (c) => ({ ...c, scenarios: [{ ...c.scenarios[0]!, actor: '' }] }), 'scenarios', false],
  ['a likelihood off the scale', (c) => ({ ...c, scenarios: [{ ...c.scenarios[0]!, likelihood: 'certain' as never }] }), 'scenarios', false],
  ['a scenario without counter-measures', (c) => ({ ...c, scenarios: [{ ...c.scenarios[0]!, counterMeasures: [] }] }), 'scenarios', true],
  ['duplicate assumption ids', (c) => ({ ...c, assumptions: [c.assumptions[0]!, c.assumptions[0]!] }), 'assumptions', false],
  ['an assumption without basis', (c) => ({ ...c, assumptions: [{ ...c.assumptions[0]!, basis: '' }] }), 'assumptions', false],
  ['a malformed re-test date', (c) => ({ ...c, assumptions: [{ ...c.assumptions[0]!, retestOn: '1 June' }] }), 'assumptions', false],
  ['a re-test date today', (c) => ({ ...c, assumptions: [{ ...c.assumptions[0]!, retestOn: TODAY }] }), 'assumptions', true],
  ['a gap without its meaning', (c) => ({ ...c, gaps: [{ ...c.gaps[0]!, meaningForJudgement: '' }] }), 'gaps', false],
  ['duplicate gap ids', (c) => ({ ...c, gaps: [c.gaps[0]!, c.gaps[0]!] }), 'gaps', false],
  ['an unregistered item', (c) => ({ ...c, basedOnItemIds: ['p-1', 'p-9'] }), 'basedOnItemIds', false],
  ['an item referenced twice', (c) => ({ ...c, basedOnItemIds: ['p-1', 'p-1'] }), 'basedOnItemIds', false],
  ['an unrated template item', (c) => ({ ...c, ratings: c.ratings.slice(1) }), 'ratings', true],
];

describe('validateContent', () => {
  it('accepts the complete fixture, as a draft and as a submission', () => {
    expect(check(base()).ok).toBe(true);
    expect(check(base(), false).ok).toBe(true);
  });

  it.each(CASES)('refuses %s (field %s)', (_name, breakIt, field, draftOk) => {
    const r = check(breakIt(base()));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    expect(check(breakIt(base()), false).ok).toBe(draftOk);
  });

  it('accepts an assumption with a trigger and no date, and one with both', () => {
    const trigger = { assumptionId: 't', statement: 'S', basis: 'B', trigger: 'Release' };
    expect(check({ ...base(), assumptions: [trigger, { ...trigger, assumptionId: 'u', retestOn: '2026-05-01' }] }).ok).toBe(true);
  });
});
