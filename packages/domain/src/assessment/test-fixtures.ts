import type { Result } from '../shared/result';
import type { Role } from '../shared/vocabulary';
import type { AssessmentContent } from './assessment-content';
import type { AssessmentCommand } from './assessment-commands';
import type { AssessmentEventBody, RecordedAssessmentEvent } from './assessment-events';
import { projectAssessment, type AssessmentState } from './assessment-state';
import { decideAssessment } from './assessment-workflow';
import type { InformationProduct, SoftInformationItem } from './information';
import { UNKNOWN } from './method-templates';
import { ORGANISED_CRIME_V1 } from './templates/organised-crime';

/** Shared fixtures for the assessment tests: valid records to vary one field at a time. */

export const CASE_ID = 'case-daf';
export const AUTHOR = 'u-anna';
export const SECOND = 'u-bram';
export const THIRD = 'u-cees';
export const LONG = 'A written text that is long enough.';
export const OC_REF = { templateId: ORGANISED_CRIME_V1.templateId, version: ORGANISED_CRIME_V1.version };

export function product(itemId: string, over: Partial<InformationProduct> = {}): InformationProduct {
  return {
    kind: 'product',
    itemId,
    originator: 'POLICE',
    legalBasis: { framework: 'Wpg', article: 'art. 19' },
    partnerReference: `POL-${itemId}`,
    classification: 'stg_confidential',
    releaseCondition: 'daf_and_authority',
    receivedOn: '2026-03-01',
    validUntil: '2026-09-01',
    grading: { reliability: 'B', credibility: 2 },
    title: 'Threat report',
    content: 'Network X discussed the person.',
    ...over,
  };
}

export function softItem(itemId: string, over: Partial<SoftInformationItem> = {}): SoftInformationItem {
  return {
    kind: 'soft_information',
    itemId,
    originator: 'NCTV_DAF',
    sourceDescription: 'neighbour',
    classification: 'dep_confidential',
    releaseCondition: 'daf_and_authority',
    receivedOn: '2026-03-01',
    grading: { reliability: 'F', credibility: 3 },
    title: 'Car seen twice',
    content: 'An unknown car waited near the house twice.',
    ...over,
  };
}

/** Content that passes submission: full judgement, one scenario, every template item rated. */
export function completeContent(itemIds: string[], over: Partial<AssessmentContent> = {}): AssessmentContent {
  const graded = <T>(level: T) => ({ level, motivation: LONG });
  return {
    template: OC_REF,
    classification: 'stg_confidential',
    judgement: {
      threat: graded('high'),
      ownResistance: graded('limited'),
      employerResistance: graded('limited'),
      requiredResistance: graded('R3'),
      measuresEffectiveness: graded('medium'),
      residualRisk: graded('medium'),
    },
    scenarios: [
      {
        scenarioId: 's-1',
        actor: 'Network X',
        intent: 'Retaliation',
        capability: 'Hired perpetrators',
        target: 'Commute to work',
        likelihood: 'possible',
        impact: 'fatal',
        indicators: ['Reconnaissance near the office'],
        counterMeasures: ['Vary routes'],
      },
    ],
    assumptions: [{ assumptionId: 'as-1', statement: 'The leader stays in custody', basis: 'DJI release date', retestOn: '2026-06-01' }],
    gaps: [{ gapId: 'g-1', description: 'No information on the network abroad', meaningForJudgement: 'Capability may be underestimated' }],
    ratings: ORGANISED_CRIME_V1.items.map((i, n) => ({ itemKey: i.key, value: n === 0 ? UNKNOWN : i.options[0]!.value, rationale: LONG })),
    basedOnItemIds: itemIds,
    ...over,
  };
}

/** A DAF record under test: commands are decided, their events appended with an advancing clock. */
export function stream(start = '2026-03-02T09:00:00.000Z') {
  const events: RecordedAssessmentEvent[] = [];
  let clock = Date.parse(start);
  const state = (): AssessmentState | undefined => projectAssessment(events);
  function exec(cmd: AssessmentCommand, actorId = AUTHOR, roles: readonly Role[] = ['threat_analyst']): Result<AssessmentEventBody[]> {
    clock += 60_000;
    const now = new Date(clock).toISOString();
    const result = decideAssessment(state(), cmd, { actorId, actorRoles: roles, now });
    if (result.ok) {
      for (const body of result.value) events.push({ caseId: CASE_ID, version: events.length + 1, body, actorId, occurredAt: now });
    }
    return result;
  }
  const advanceDays = (days: number) => {
    clock += days * 86_400_000;
  };
  const now = () => new Date(clock).toISOString();
  return { events, state, exec, advanceDays, now };
}

/** Runs a draft through challenge to final: the usual happy path, `validUntil` half a year out. */
export function finalised(s: ReturnType<typeof stream>, itemIds = ['p-1'], validUntil = '2026-09-01') {
  for (const id of itemIds) if (!s.state()?.items.some((i) => i.itemId === id)) s.exec({ type: 'RegisterItem', item: product(id) });
  const steps: [AssessmentCommand, string][] = [
    [{ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential', reasonForChange: s.state()?.versions.length ? LONG : undefined }, AUTHOR],
    [{ type: 'ReviseDraft', content: completeContent(itemIds) }, AUTHOR],
    [{ type: 'SubmitForChallenge' }, AUTHOR],
    [{ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND],
    [{ type: 'FinaliseAssessment', validUntil, expectedDuration: 'over_12_months' }, AUTHOR],
  ];
  for (const [cmd, actor] of steps) {
    const r = s.exec(cmd, actor);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
  }
  return s.state()!;
}
