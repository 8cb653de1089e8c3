import { describe, expect, it } from 'vitest';
import type { IntegratedJudgement } from './assessment-content';
import { policyFactsFromJudgement } from './policy-facts';

const graded = <T>(level: T) => ({ level, motivation: 'Onderbouwing van de analist.' });

const judgement = (own: IntegratedJudgement['ownResistance']['level'], employer: IntegratedJudgement['employerResistance']['level']): IntegratedJudgement => ({
  threat: graded('high'),
  ownResistance: graded(own),
  employerResistance: graded(employer),
  requiredResistance: graded('R3'),
  measuresEffectiveness: graded('medium'),
  residualRisk: graded('medium'),
});

describe('policyFactsFromJudgement', () => {
  it('carries the threat level over unchanged', () => {
    expect(policyFactsFromJudgement(judgement('none', 'none')).threatLevel).toBe('high');
  });

  it.each([
    ['none', 'insufficient', 'none'],
    ['limited', 'partial', 'partial'],
    ['substantial', 'partial', 'partial'],
    ['sufficient', 'sufficient', 'adequate'],
  ] as const)('resistance %s gives own resistance %s and employer measures %s', (level, own, employer) => {
    const facts = policyFactsFromJudgement(judgement(level, level));
    expect(facts.ownResistance).toBe(own);
    expect(facts.employerMeasures).toBe(employer);
  });
});
