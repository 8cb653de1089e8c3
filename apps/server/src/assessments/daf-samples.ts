import { assessment, type Classification, type ThreatLevel } from '@hoeder/domain';
import type { InformationItemInput } from '@hoeder/contracts';

/** Valid DAF inputs for the demo seed, tests and HTTP flows (synthetic); vary one field at a time. */

export const TEMPLATE = assessment.SHIPPED_TEMPLATES[0]!;
export const TEMPLATE_REF = { templateId: TEMPLATE.templateId, version: TEMPLATE.version };

/** Realistic synthetic motivations, so the demo reads like an analyst's work (issue 13). */
const MOTIVATION = {
  ownResistance: 'Betrokkene volgt adviezen op, maar woont op een goed bereikbaar adres en heeft vaste routines (synthetisch).',
  employerResistance: 'De werkgever heeft toegangscontrole op kantoor; buiten kantoortijd en op locatie zijn er geen voorzieningen (synthetisch).',
  requiredResistance: 'Een concrete dreiging met beperkte eigen weerstand vraagt om hoge weerstand in woning en vervoer (synthetisch).',
  measuresEffectiveness: 'Maatregelen rond woning en vervoer verkleinen de kans op een aanslag; privéactiviteiten blijven kwetsbaar (synthetisch).',
  residualRisk: 'Ook met maatregelen blijft een risico bij onvoorspelbare privéactiviteiten en bezoek aan familie (synthetisch).',
} as const;

/** Demo ratings for the shipped organised-crime template: a value and why, as an analyst writes it. */
const RATINGS: Record<string, { value: string; rationale: string }> = {
  actor_known: { value: assessment.UNKNOWN, rationale: 'Het netwerk is genoemd door één bron; de samenstelling is nog niet bevestigd (synthetisch).' },
  interest: { value: 'strong', rationale: 'Betrokkene heeft tegen leden van het netwerk verklaard; vergelding ligt voor de hand (synthetisch).' },
  violence_history: { value: 'moderate', rationale: 'Leden van het netwerk zijn eerder veroordeeld voor zware mishandeling (synthetisch).' },
  capability: { value: 'considerable', rationale: 'Het netwerk heeft eerder daders ingehuurd en beschikt over geld en voertuigen (synthetisch).' },
  whereabouts: { value: 'weak', rationale: 'Een onbekende auto is twee keer bij de woning gezien; het adres is mogelijk bekend (synthetisch).' },
  escalation: { value: 'weak', rationale: 'Er zijn geen nieuwe bedreigingen, wel signalen van verkenning bij de woning (synthetisch).' },
};
const OTHER_RATING = 'Beoordeeld op basis van de informatie in het register; geen aanvullende signalen (synthetisch).';

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
  const graded = <T>(level: T, motivation: string) => ({ level, motivation });
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
      ownResistance: graded('limited', MOTIVATION.ownResistance),
      employerResistance: graded('limited', MOTIVATION.employerResistance),
      requiredResistance: graded('R3', MOTIVATION.requiredResistance),
      measuresEffectiveness: graded('medium', MOTIVATION.measuresEffectiveness),
      residualRisk: graded('medium', MOTIVATION.residualRisk),
    },
    scenarios: [scenario(1, 'Woning'), scenario(2, 'Route naar het werk')],
    assumptions: [{ assumptionId: 'a-1', statement: 'De leider blijft gedetineerd', basis: 'Detentiegegevens DJI', retestOn: addDays(today, 30) }],
    gaps: [{ gapId: 'g-1', description: 'Geen zicht op het netwerk in het buitenland', meaningForJudgement: 'Capaciteit mogelijk onderschat' }],
    ratings: TEMPLATE.items.map((i) => ({ itemKey: i.key, ...(RATINGS[i.key] ?? { value: i.options[0]!.value, rationale: OTHER_RATING }) })),
    basedOnItemIds: itemIds,
    ...rest,
  };
}

export { addDays };
