import type { InformationItemInput } from '@hoeder/contracts';
import type { assessment, Result, ThreatLevel } from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { AssessmentService } from './assessment.service';
import { completeContent, productInput, softInput, TEMPLATE_REF } from './daf-samples';

export interface DafFlowOptions {
  validUntil: string;
  /** Issue 12 item 2; default: more than a year (the sample policy facts' "long"). */
  expectedDuration?: assessment.ExpectedThreatDuration;
  items?: InformationItemInput[] | undefined;
  threat?: ThreatLevel | undefined;
  dissent?: boolean | undefined;
  /** Re-test date of the sample assumption; 30 days after today when absent. */
  retestOn?: string | undefined;
}

const withRetest = (c: assessment.AssessmentContent, retestOn: string | undefined): assessment.AssessmentContent =>
  retestOn ? { ...c, assumptions: c.assumptions.map((a) => ({ ...a, retestOn })) } : c;

const must = <T>(step: string, r: Result<T>): T => {
  if (!r.ok) throw new Error(`DAF ${step}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/**
 * Takes the DAF record of a case through the real commands to a final version: items, a draft on
 * a method template, challenge by a second analyst, finalisation (which records the assessment in
 * the case). Used by the demo seed and tests, so both go the way users go.
 */
export async function finaliseDaf(
  svc: AssessmentService,
  ctx: () => RequestContext,
  author: AuthenticatedActor,
  challenger: AuthenticatedActor,
  caseId: string,
  options: DafFlowOptions,
): Promise<{ version: number; caseVersion: number; itemIds: string[] }> {
  let version = must('view', await svc.view(ctx(), author, caseId)).version;
  const today = ctx().now.toISOString().slice(0, 10);
  const items = options.items ?? [productInput(today), softInput(today)];
  const itemIds: string[] = [];
  for (const item of items) {
    const r = must('RegisterItem', await svc.execute(ctx(), author, caseId, version, { type: 'RegisterItem', item: { ...item, itemId: crypto.randomUUID() } as assessment.InformationItem }));
    version = r.version;
    itemIds.push(r.itemId!);
  }
  const steps: [AuthenticatedActor, assessment.AssessmentCommand][] = [
    [author, { type: 'StartDraft', template: TEMPLATE_REF, classification: 'stg_confidential' }],
    [author, { type: 'ReviseDraft', content: withRetest(completeContent(itemIds, today, { threat: options.threat }), options.retestOn) }],
    [author, { type: 'SubmitForChallenge' }],
    [challenger, { type: 'RecordChallenge', verdict: options.dissent ? 'dissent' : 'agree', reasons: options.dissent ? 'Het tweede scenario is onvoldoende onderbouwd.' : 'Oordeel volgt uit de bronnen en scenario’s.' }],
    [author, { type: 'FinaliseAssessment', validUntil: options.validUntil, expectedDuration: options.expectedDuration ?? 'over_12_months', responseToDissent: options.dissent ? 'Scenario twee blijft staan; zie indicatoren.' : undefined }],
  ];
  let caseVersion = 0;
  for (const [actor, command] of steps) {
    const r = must(command.type, await svc.execute(ctx(), actor, caseId, version, command));
    version = r.version;
    caseVersion = r.caseVersion ?? caseVersion;
  }
  return { version, caseVersion, itemIds };
}
