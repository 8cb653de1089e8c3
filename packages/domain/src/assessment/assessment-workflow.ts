import { isExpectedThreatDuration } from './expected-duration';
import { fail, ok, type Result } from '../shared/result';
import type { Role } from '../shared/vocabulary';
import type { AssessmentContent } from './assessment-content';
import type { AssessmentCommand } from './assessment-commands';
import type { AssessmentEventBody } from './assessment-events';
import { currentFinal, emptyAssessment, openVersion, type AssessmentState, type AssessmentVersion } from './assessment-state';
import { validateContent } from './content-validation';
import { isDate, validateItem } from './information';
import { findTemplate, type MethodTemplate } from './method-templates';
import { SHIPPED_TEMPLATES } from './templates';

/** Who acts, in which roles, and when; templates default to the shipped catalogue. */
export interface AssessmentContext {
  actorId: string;
  actorRoles: readonly Role[];
  now: string;
  templates?: readonly MethodTemplate[] | undefined;
}

type Decision = Result<AssessmentEventBody[]>;
type Cmd<T extends AssessmentCommand['type']> = Extract<AssessmentCommand, { type: T }>;

const MIN_TEXT = 10;
const tooShort = (field: string, value: string | undefined): Decision | undefined =>
  (value ?? '').trim().length < MIN_TEXT
    ? fail('VALIDATION_FAILED', `${field} must be a written text of at least ${MIN_TEXT} characters`, { field })
    : undefined;
const today = (ctx: AssessmentContext) => ctx.now.slice(0, 10);
const catalogue = (ctx: AssessmentContext) => ctx.templates ?? SHIPPED_TEMPLATES;
const itemIds = (s: AssessmentState) => new Set(s.items.map((i) => i.itemId));

/** Dissent recorded on the revision about to be finalised. */
const dissentOn = (v: AssessmentVersion) => v.challenges.some((c) => c.revision === v.revision && c.verdict === 'dissent');

function startDraft(s: AssessmentState, cmd: Cmd<'StartDraft'>, ctx: AssessmentContext): Decision {
  if (openVersion(s)) return fail('INVALID_TRANSITION', 'a version is already being drafted; finish it first');
  if (!findTemplate(catalogue(ctx), cmd.template)) return fail('VALIDATION_FAILED', 'unknown method template', { field: 'template' });
  const previous = currentFinal(s);
  const versionNumber = s.versions.length + 1;
  if (!previous) {
    const content: AssessmentContent = {
      template: cmd.template,
      classification: cmd.classification,
      scenarios: [],
      assumptions: [],
      gaps: [],
      ratings: [],
      basedOnItemIds: [],
    };
    return ok([{ type: 'DraftStarted', versionNumber, reasonForChange: cmd.reasonForChange?.trim(), content }]);
  }
  const missingReason = tooShort('reasonForChange', cmd.reasonForChange);
  if (missingReason) return missingReason;
  const sameTemplate = previous.content.template.templateId === cmd.template.templateId && previous.content.template.version === cmd.template.version;
  // A new version starts from the previous one; ratings only carry over within the same template.
  const ratings = sameTemplate ? previous.content.ratings : [];
  const content: AssessmentContent = { ...previous.content, template: cmd.template, classification: cmd.classification, ratings };
  const reasonForChange = cmd.reasonForChange!.trim();
  return ok([{ type: 'DraftStarted', versionNumber, basedOnVersion: previous.versionNumber, reasonForChange, content }]);
}

function reviseOrSubmit(s: AssessmentState, cmd: Cmd<'ReviseDraft' | 'SubmitForChallenge'>, ctx: AssessmentContext): Decision {
  const open = openVersion(s);
  if (!open || open.status !== 'draft') return fail('INVALID_TRANSITION', 'there is no draft to work on');
  if (open.authorId !== ctx.actorId) return fail('FORBIDDEN_ACTION', 'only the author works on the draft; a second analyst records a challenge');
  const complete = cmd.type === 'SubmitForChallenge';
  const content = cmd.type === 'ReviseDraft' ? cmd.content : open.content;
  const valid = validateContent(content, catalogue(ctx), itemIds(s), today(ctx), complete);
  if (!valid.ok) return valid;
  if (cmd.type === 'SubmitForChallenge') return ok([{ type: 'SubmittedForChallenge', versionNumber: open.versionNumber, revision: open.revision }]);
  return ok([{ type: 'DraftRevised', versionNumber: open.versionNumber, revision: open.revision + 1, content: cmd.content }]);
}

function challenge(s: AssessmentState, cmd: Cmd<'RecordChallenge' | 'ReturnToDraft'>, ctx: AssessmentContext): Decision {
  const open = openVersion(s);
  if (!open || open.status !== 'in_challenge') return fail('INVALID_TRANSITION', 'no version is in challenge');
  if (cmd.type === 'ReturnToDraft') {
    if (open.authorId !== ctx.actorId) return fail('FORBIDDEN_ACTION', 'only the author takes a version back to revise it');
    return tooShort('reason', cmd.reason) ?? ok([{ type: 'ReturnedToDraft', versionNumber: open.versionNumber, reason: cmd.reason.trim() }]);
  }
  if (open.authorId === ctx.actorId) return fail('FOUR_EYES_VIOLATION', 'a second analyst, not the author, challenges the assessment');
  if (open.challenges.some((c) => c.reviewerId === ctx.actorId && c.revision === open.revision)) {
    return fail('INVALID_TRANSITION', 'you already recorded a challenge on this revision');
  }
  if (cmd.verdict !== 'agree' && cmd.verdict !== 'dissent') return fail('VALIDATION_FAILED', 'the verdict is agree or dissent', { field: 'verdict' });
  const { versionNumber, revision } = open;
  return tooShort('reasons', cmd.reasons) ?? ok([{ type: 'ChallengeRecorded', versionNumber, revision, verdict: cmd.verdict, reasons: cmd.reasons.trim() }]);
}

function finalise(s: AssessmentState, cmd: Cmd<'FinaliseAssessment'>, ctx: AssessmentContext): Decision {
  const open = openVersion(s);
  if (!open || open.status !== 'in_challenge') return fail('INVALID_TRANSITION', 'only a version in challenge can be finalised');
  const challenged = open.challenges.some((c) => c.revision === open.revision && c.reviewerId !== open.authorId);
  if (!challenged) return fail('FOUR_EYES_VIOLATION', 'a second analyst must challenge this revision before it is final');
  if (!isDate(cmd.validUntil) || cmd.validUntil <= today(ctx)) return fail('VALIDATION_FAILED', 'validity ends in the future', { field: 'validUntil' });
  if (!isExpectedThreatDuration(cmd.expectedDuration)) return fail('VALIDATION_FAILED', 'state how long the threat is expected to last', { field: 'expectedDuration' });
  const dissent = dissentOn(open);
  if (dissent) {
    const missing = tooShort('responseToDissent', cmd.responseToDissent);
    if (missing) return missing;
  }
  const { versionNumber, revision } = open;
  const responseToDissent = dissent ? cmd.responseToDissent!.trim() : undefined;
  return ok([{ type: 'AssessmentFinalised', versionNumber, revision, validFrom: today(ctx), validUntil: cmd.validUntil, expectedDuration: cmd.expectedDuration, responseToDissent }]);
}

function testAssumption(s: AssessmentState, cmd: Cmd<'RecordAssumptionTest'>, ctx: AssessmentContext): Decision {
  const final = currentFinal(s);
  if (!final) return fail('INVALID_TRANSITION', 'assumptions are monitored on a final assessment');
  if (!final.content.assumptions.some((a) => a.assumptionId === cmd.assumptionId)) return fail('NOT_FOUND', 'no such assumption');
  const earlier = s.assumptionTests.filter((t) => t.versionNumber === final.versionNumber && t.assumptionId === cmd.assumptionId);
  if (earlier.some((t) => t.outcome !== 'holds')) return fail('INVALID_TRANSITION', 'this assumption no longer holds; re-assess instead');
  const missing = tooShort('note', cmd.note);
  if (missing) return missing;
  const holds = cmd.outcome === 'holds';
  if (holds && (!isDate(cmd.nextRetestOn) || cmd.nextRetestOn <= today(ctx))) {
    return fail('VALIDATION_FAILED', 'an assumption that holds gets a next re-test date in the future', { field: 'nextRetestOn' });
  }
  if (!holds && cmd.outcome !== 'falsified' && cmd.outcome !== 'triggered') return fail('VALIDATION_FAILED', 'unknown outcome', { field: 'outcome' });
  const { assumptionId, outcome } = cmd;
  const nextRetestOn = holds ? cmd.nextRetestOn : undefined;
  return ok([{ type: 'AssumptionTested', versionNumber: final.versionNumber, assumptionId, outcome, note: cmd.note.trim(), nextRetestOn }]);
}

/**
 * The DAF record as a pure function: given the state (undefined when empty) and a command, the
 * events to append or a coded refusal. Only threat analysts write; final versions never change.
 */
export function decideAssessment(state: AssessmentState | undefined, cmd: AssessmentCommand, ctx: AssessmentContext): Decision {
  if (!ctx.actorRoles.includes('threat_analyst')) return fail('FORBIDDEN_ACTION', 'only threat analysts write the DAF record');
  const s = state ?? emptyAssessment('');
  switch (cmd.type) {
    case 'RegisterItem': {
      if (itemIds(s).has(cmd.item.itemId)) return fail('INVALID_TRANSITION', 'item already registered');
      const item = validateItem(cmd.item, today(ctx));
      return item.ok ? ok([{ type: 'ItemRegistered', item: item.value }]) : item;
    }
    case 'StartDraft':
      return startDraft(s, cmd, ctx);
    case 'ReviseDraft':
    case 'SubmitForChallenge':
      return reviseOrSubmit(s, cmd, ctx);
    case 'RecordChallenge':
    case 'ReturnToDraft':
      return challenge(s, cmd, ctx);
    case 'FinaliseAssessment':
      return finalise(s, cmd, ctx);
    case 'RecordAssumptionTest':
      return testAssumption(s, cmd, ctx);
  }
}
