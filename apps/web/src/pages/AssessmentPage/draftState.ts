import { assessment } from '@hoeder/domain';
import { optionalText } from '../../lib/validation';
import { lines } from './labels';

type Content = assessment.AssessmentContent;
type JudgementField = (typeof assessment.JUDGEMENT_FIELDS)[number];

export interface ScenarioInput {
  scenarioId: string;
  actor: string;
  intent: string;
  capability: string;
  target: string;
  likelihood: string;
  impact: string;
  indicators: string;
  counterMeasures: string;
}
export interface AssumptionInput {
  assumptionId: string;
  statement: string;
  basis: string;
  retestOn: string;
  trigger: string;
}
export interface GapInput {
  gapId: string;
  description: string;
  meaningForJudgement: string;
}

/** What the draft form edits: strings for inputs, turned into `AssessmentContent` on save. */
export interface DraftState {
  judgement: Record<JudgementField, { level: string; motivation: string }>;
  scenarios: ScenarioInput[];
  assumptions: AssumptionInput[];
  gaps: GapInput[];
  ratings: Record<string, { value: string; rationale: string }>;
  basedOnItemIds: string[];
}

export function draftFrom(content: Content): DraftState {
  const j = content.judgement;
  return {
    judgement: Object.fromEntries(assessment.JUDGEMENT_FIELDS.map((f) => [f, { level: j?.[f].level ?? '', motivation: j?.[f].motivation ?? '' }])) as DraftState['judgement'],
    scenarios: content.scenarios.map((s) => ({ ...s, indicators: s.indicators.join('\n'), counterMeasures: s.counterMeasures.join('\n') })),
    assumptions: content.assumptions.map((a) => ({ ...a, retestOn: a.retestOn ?? '', trigger: a.trigger ?? '' })),
    gaps: content.gaps,
    ratings: Object.fromEntries(content.ratings.map((r) => [r.itemKey, { value: r.value, rationale: r.rationale }])),
    basedOnItemIds: content.basedOnItemIds,
  };
}

/** The request body; an untouched judgement stays absent (a draft may be incomplete). */
export function contentFrom(d: DraftState, base: Pick<Content, 'template' | 'classification'>): unknown {
  const touched = assessment.JUDGEMENT_FIELDS.some((f) => d.judgement[f].level || d.judgement[f].motivation.trim());
  return {
    template: base.template,
    classification: base.classification,
    judgement: touched ? d.judgement : undefined,
    scenarios: d.scenarios.map((s) => ({ ...s, indicators: lines(s.indicators), counterMeasures: lines(s.counterMeasures) })),
    assumptions: d.assumptions.map((a) => ({ ...a, retestOn: optionalText(a.retestOn), trigger: optionalText(a.trigger) })),
    gaps: d.gaps,
    ratings: Object.entries(d.ratings)
      .filter(([, r]) => r.value !== '')
      .map(([itemKey, r]) => ({ itemKey, value: r.value, rationale: r.rationale })),
    basedOnItemIds: d.basedOnItemIds,
  };
}

/** A fresh id within the list: the next free number with the list's prefix. */
export const nextId = (prefix: string, ids: readonly string[]): string => {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
};
