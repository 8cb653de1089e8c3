import type { CaseFacts } from '../policy/propose';
import type { IntegratedJudgement, OwnResistance } from './assessment-content';

/**
 * What the integrated judgement (OvV 4a) already says about the facts the package policy weighs.
 * The DAF grades resistance on four steps, the policy on three: "limited" and "substantial" are
 * both partial; the employer's resistance becomes the state of the employer's own measures.
 * A prefill only: the decision maker checks and states the facts.
 */
const OWN: Record<OwnResistance, CaseFacts['ownResistance']> = {
  none: 'insufficient',
  limited: 'partial',
  substantial: 'partial',
  sufficient: 'sufficient',
};

const EMPLOYER: Record<OwnResistance, CaseFacts['employerMeasures']> = {
  none: 'none',
  limited: 'partial',
  substantial: 'partial',
  sufficient: 'adequate',
};

export type JudgementFacts = Pick<CaseFacts, 'threatLevel' | 'ownResistance' | 'employerMeasures'>;

export function policyFactsFromJudgement(judgement: IntegratedJudgement): JudgementFacts {
  return {
    threatLevel: judgement.threat.level,
    ownResistance: OWN[judgement.ownResistance.level],
    employerMeasures: EMPLOYER[judgement.employerResistance.level],
  };
}
