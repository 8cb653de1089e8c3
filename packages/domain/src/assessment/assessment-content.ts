import type { Classification, ResistanceLevel, ThreatLevel } from '../shared/vocabulary';
import type { TemplateRating, TemplateRef } from './method-templates';

export const LIKELIHOODS = ['very_unlikely', 'unlikely', 'possible', 'likely', 'very_likely'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const IMPACTS = ['limited', 'serious', 'severe', 'fatal'] as const;
export type Impact = (typeof IMPACTS)[number];

/** How much resistance the person or the employer can offer themselves (layered responsibility, §5). */
export const OWN_RESISTANCE = ['none', 'limited', 'substantial', 'sufficient'] as const;
export type OwnResistance = (typeof OWN_RESISTANCE)[number];

export const EFFECTIVENESS = ['low', 'medium', 'high'] as const;
export type Effectiveness = (typeof EFFECTIVENESS)[number];

/** A way the threat could materialise (scenario thinking, OvV recommendation 4). */
export interface Scenario {
  scenarioId: string;
  actor: string;
  intent: string;
  capability: string;
  /** The activity or place of the person the scenario targets. */
  target: string;
  likelihood: Likelihood;
  impact: Impact;
  indicators: string[];
  counterMeasures: string[];
}

/** An assumption is monitored: it names a re-test date, a trigger that would falsify it, or both. */
export interface Assumption {
  assumptionId: string;
  statement: string;
  basis: string;
  retestOn?: string | undefined;
  trigger?: string | undefined;
}

/** A lack of information, stated with what it means for the judgement (OvV recommendation 4). */
export interface InformationGap {
  gapId: string;
  description: string;
  meaningForJudgement: string;
}

export interface Graded<T> {
  level: T;
  motivation: string;
}

/** One integral judgement instead of a threat assessment plus a separate measures advice (OvV 4a). */
export interface IntegratedJudgement {
  threat: Graded<ThreatLevel>;
  ownResistance: Graded<OwnResistance>;
  employerResistance: Graded<OwnResistance>;
  requiredResistance: Graded<ResistanceLevel>;
  measuresEffectiveness: Graded<Effectiveness>;
  residualRisk: Graded<ThreatLevel>;
}

/** What an analyst writes; a draft may be incomplete, a submission may not. */
export interface AssessmentContent {
  template: TemplateRef;
  classification: Classification;
  judgement?: IntegratedJudgement | undefined;
  scenarios: Scenario[];
  assumptions: Assumption[];
  gaps: InformationGap[];
  ratings: TemplateRating[];
  /** The registered information items this assessment rests on. */
  basedOnItemIds: string[];
}

export const CHALLENGE_VERDICTS = ['agree', 'dissent'] as const;
export type ChallengeVerdict = (typeof CHALLENGE_VERDICTS)[number];

/** Tegenspraak: a second analyst's recorded verdict on one revision of a draft. */
export interface ChallengeReview {
  reviewerId: string;
  revision: number;
  verdict: ChallengeVerdict;
  reasons: string;
  recordedAt: string;
}

export const JUDGEMENT_FIELDS = ['threat', 'ownResistance', 'employerResistance', 'requiredResistance', 'measuresEffectiveness', 'residualRisk'] as const;
