import { assessment, type Classification, type ThreatLevel } from '@hoeder/domain';
import type { InformationItemInput } from '@hoeder/contracts';

/** Valid DAF inputs for the demo seed, tests and HTTP flows (synthetic); vary one field at a time. */

export const TEMPLATE = assessment.SHIPPED_TEMPLATES[0]!;
export const TEMPLATE_REF = { templateId: TEMPLATE.templateId, version: TEMPLATE.version };
const TEXT = 'Een geschreven toelichting van voldoende lengte.';

const addDays = (today: string, days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);

export function productInput(today: string, over: Partial<Extract<InformationItemInput, { kind: 'product' }>> = {}): InformationItemInput {
  return {
    kind: 'product',
    originator: 'POLICE',
    legalBasis: { framework: 'Wpg', article: 'art. 19' },
    partnerReference: 'POL-2026-0001',
    classification: 'stg_confidential',
    releaseCondition: 'daf_and_authority',
    receivedOn: today,
    validUntil: addDays(today, 180),
    grading: { reliability: 'B', credibility: 2 },
    title: 'Dreigingsrapport netwerk',
    content: 'Het netwerk sprak over de betrokkene (synthetisch).',
    ...over,
  };
}

export function softInput(today: string, over: Partial<Extract<InformationItemInput, { kind: 'soft_information' }>> = {}): InformationItemInput {
  return {
    kind: 'soft_information',
    sourceDescription: 'buurman',
    classification: 'dep_confidential',
    releaseCondition: 'daf_and_authority',
    receivedOn: today,
    grading: { reliability: 'F', credibility: 3 },
    title: 'Auto twee keer gezien',
    content: 'Een onbekende auto wachtte twee keer bij de woning (synthetisch).',
    ...over,
  };
}

/** Content that passes submission: full judgement, two scenarios, an assumption, a gap, every item rated. */
export function completeContent(
  itemIds: string[],
  today: string,
  over: Partial<assessment.AssessmentContent> & { threat?: ThreatLevel; classification?: Classification } = {},
): assessment.AssessmentContent {
  const graded = <T>(level: T) => ({ level, motivation: TEXT });
  const { threat = 'high', ...rest } = over;
  const scenario = (n: number, target: string): assessment.Scenario => ({
    scenarioId: `s-${n}`,
    actor: 'Crimineel netwerk',
    intent: 'Vergelding',
    capability: 'Ingehuurde daders',
    target,
    likelihood: 'possible',
    impact: 'fatal',
    indicators: ['Verkenning bij de woning'],
    counterMeasures: ['Routes variëren'],
  });
  return {
    template: TEMPLATE_REF,
    classification: 'stg_confidential',
    judgement: {
      threat: { level: threat, motivation: 'Concrete dreiging van een crimineel netwerk (synthetisch).' },
      ownResistance: graded('limited'),
      employerResistance: graded('limited'),
      requiredResistance: graded('R3'),
      measuresEffectiveness: graded('medium'),
      residualRisk: graded('medium'),
    },
    scenarios: [scenario(1, 'Woning'), scenario(2, 'Route naar het werk')],
    assumptions: [{ assumptionId: 'a-1', statement: 'De leider blijft gedetineerd', basis: 'Detentiegegevens DJI', retestOn: addDays(today, 30) }],
    gaps: [{ gapId: 'g-1', description: 'Geen zicht op het netwerk in het buitenland', meaningForJudgement: 'Capaciteit mogelijk onderschat' }],
    ratings: TEMPLATE.items.map((i, n) => ({ itemKey: i.key, value: n === 0 ? assessment.UNKNOWN : i.options[0]!.value, rationale: TEXT })),
    basedOnItemIds: itemIds,
    ...rest,
  };
}

export { addDays };
