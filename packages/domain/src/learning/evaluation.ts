import type { Marking } from '../access/derived-marking';
import { fail, ok, type Result } from '../shared/result';
import type { Organisation } from '../shared/vocabulary';
import { findTemplate, latestTemplate, type EvaluationTemplate } from './evaluation-templates';

/** Why an evaluation is held (issue 14): after an incident, at the end of a case, or periodically. */
export const EVALUATION_TRIGGERS = ['incident', 'case_end', 'periodic'] as const;
export type EvaluationTrigger = (typeof EVALUATION_TRIGGERS)[number];

export interface LessonContent {
  lessonId: string;
  title: string;
  /** The finding, written to be shared across cases: no names, places or case references. */
  finding: string;
  /** Who owns the follow-up (an organisation of the system). */
  owner: Organisation;
  followUp: string;
  dueOn: string;
  /** The lesson asks for a change of the package policy (then a policy draft is linked to it). */
  needsRuleChange: boolean;
}

export type EvaluationEvent =
  | {
      type: 'EvaluationOpened';
      evaluationId: string;
      caseId: string;
      trigger: EvaluationTrigger;
      incidentId: string | null;
      template: { key: string; version: number };
      partners: Organisation[];
      marking: Marking;
    }
  | { type: 'ContributionRecorded'; partner: Organisation; answers: Record<string, string> }
  | { type: 'PersonExperienceRecorded'; experience: string; declined: boolean }
  | ({ type: 'LessonRecorded' } & LessonContent)
  | { type: 'EvaluationClosed'; conclusion: string };

export interface RecordedEvaluationEvent {
  version: number;
  body: EvaluationEvent;
  actor: string;
  occurredAt: string;
}

export interface Contribution {
  partner: Organisation;
  answers: Record<string, string>;
  by: string;
  at: string;
}

export interface EvaluationState {
  evaluationId: string;
  caseId: string;
  trigger: EvaluationTrigger;
  incidentId: string | null;
  template: { key: string; version: number };
  partners: Organisation[];
  marking: Marking;
  status: 'open' | 'closed';
  contributions: Contribution[];
  personExperience: { experience: string; declined: boolean; by: string; at: string } | null;
  lessons: (LessonContent & { recordedBy: string; recordedAt: string })[];
  conclusion: string | null;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  version: number;
}

export type EvaluationCommand =
  | { type: 'OpenEvaluation'; evaluationId: string; caseId: string; trigger: EvaluationTrigger; incidentId: string | null; templateKey: string; partners: Organisation[]; marking: Marking }
  | { type: 'RecordContribution'; answers: Record<string, string> }
  | { type: 'RecordPersonExperience'; experience: string; declined: boolean }
  | ({ type: 'RecordLesson' } & LessonContent)
  | { type: 'CloseEvaluation'; conclusion: string };

export interface EvaluationContext {
  /** The organisation the actor speaks for: a contribution is that partner's. */
  organisation: Organisation;
  /** The incidents known on the case (ids), for an evaluation after an incident. */
  incidentIds: ReadonlySet<string>;
  /** Whether the case has ended, for an evaluation at the end of the case. */
  caseEnded: boolean;
  templates?: readonly EvaluationTemplate[] | undefined;
}

function apply(state: EvaluationState | undefined, e: RecordedEvaluationEvent): EvaluationState | undefined {
  const b = e.body;
  if (b.type === 'EvaluationOpened') {
    const { type: _t, ...rest } = b;
    return { ...rest, status: 'open', contributions: [], personExperience: null, lessons: [], conclusion: null, openedBy: e.actor, openedAt: e.occurredAt, closedAt: null, version: e.version };
  }
  if (!state) return state;
  const next = { ...state, version: e.version };
  switch (b.type) {
    case 'ContributionRecorded':
      // A partner's later contribution replaces its earlier one; the stream keeps both.
      return { ...next, contributions: [...state.contributions.filter((c) => c.partner !== b.partner), { partner: b.partner, answers: b.answers, by: e.actor, at: e.occurredAt }] };
    case 'PersonExperienceRecorded':
      return { ...next, personExperience: { experience: b.experience, declined: b.declined, by: e.actor, at: e.occurredAt } };
    case 'LessonRecorded': {
      const { type: _t, ...lesson } = b;
      return { ...next, lessons: [...state.lessons, { ...lesson, recordedBy: e.actor, recordedAt: e.occurredAt }] };
    }
    case 'EvaluationClosed':
      return { ...next, status: 'closed', conclusion: b.conclusion, closedAt: e.occurredAt };
  }
}

/** Folds the evaluation's events into its state. */
export const projectEvaluation = (events: readonly RecordedEvaluationEvent[]): EvaluationState | undefined => events.reduce(apply, undefined);

/** The evaluation as it was at `at`: only the events that occurred by then (ADR 0005). */
export const projectEvaluationAsOf = (events: readonly RecordedEvaluationEvent[], at: string): EvaluationState | undefined =>
  projectEvaluation(events.filter((e) => Date.parse(e.occurredAt) <= Date.parse(at)));

/** What still keeps an evaluation from closing: a partner without a contribution, the person's experience. */
export function missingForClose(state: EvaluationState): { partners: Organisation[]; personExperience: boolean } {
  const given = new Set(state.contributions.map((c) => c.partner));
  return { partners: state.partners.filter((p) => !given.has(p)), personExperience: state.personExperience === null };
}

function open(command: Extract<EvaluationCommand, { type: 'OpenEvaluation' }>, ctx: EvaluationContext): Result<EvaluationEvent[]> {
  if (command.trigger === 'incident' && (!command.incidentId || !ctx.incidentIds.has(command.incidentId))) {
    return fail('VALIDATION_FAILED', 'an evaluation after an incident names a known incident of the case', { field: 'incidentId' });
  }
  if (command.trigger !== 'incident' && command.incidentId) return fail('VALIDATION_FAILED', 'only an evaluation after an incident names one', { field: 'incidentId' });
  if (command.trigger === 'case_end' && !ctx.caseEnded) return fail('INVALID_TRANSITION', 'the evaluation at the end of a case waits until the case has ended', { field: 'trigger' });
  const template = latestTemplate(command.templateKey, ctx.templates);
  if (!template) return fail('VALIDATION_FAILED', `no evaluation template ${command.templateKey}`, { field: 'templateKey' });
  const partners = [...new Set(command.partners)];
  if (partners.length === 0) return fail('VALIDATION_FAILED', 'an evaluation involves at least one partner', { field: 'partners' });
  const { type: _t, templateKey: _k, ...rest } = command;
  return ok([{ type: 'EvaluationOpened', ...rest, partners, template: { key: template.key, version: template.version } }]);
}

function contribute(state: EvaluationState, answers: Record<string, string>, ctx: EvaluationContext): Result<EvaluationEvent[]> {
  if (!state.partners.includes(ctx.organisation)) return fail('FORBIDDEN_ACTION', 'your organisation is not a partner in this evaluation');
  const template = findTemplate(state.template.key, state.template.version, ctx.templates);
  const known = new Set(template?.questions.map((q) => q.key));
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  if (unknown.length > 0) return fail('VALIDATION_FAILED', `not a question of this template: ${unknown.join(', ')}`, { field: 'answers' });
  if (!Object.values(answers).some((a) => a.trim().length > 0)) return fail('VALIDATION_FAILED', 'a contribution answers at least one question', { field: 'answers' });
  return ok([{ type: 'ContributionRecorded', partner: ctx.organisation, answers }]);
}

/**
 * The evaluation lifecycle as a pure function: opened, contributions of the partners and the
 * person's experience, lessons, closed. A closed evaluation takes nothing more; it closes only
 * when every partner contributed and the person's experience (or their refusal) is recorded.
 */
export function decideEvaluation(state: EvaluationState | undefined, command: EvaluationCommand, ctx: EvaluationContext): Result<EvaluationEvent[]> {
  if (command.type === 'OpenEvaluation') return state ? fail('INVALID_TRANSITION', 'the evaluation exists already') : open(command, ctx);
  if (!state) return fail('NOT_FOUND', 'evaluation not found');
  if (state.status === 'closed') return fail('INVALID_TRANSITION', 'the evaluation is closed');
  switch (command.type) {
    case 'RecordContribution':
      return contribute(state, command.answers, ctx);
    case 'RecordPersonExperience':
      if (!command.declined && command.experience.trim().length === 0) return fail('VALIDATION_FAILED', 'the experience is required unless the person declined', { field: 'experience' });
      return ok([{ type: 'PersonExperienceRecorded', experience: command.experience, declined: command.declined }]);
    case 'RecordLesson': {
      if (state.lessons.some((l) => l.lessonId === command.lessonId)) return fail('INVALID_TRANSITION', 'the lesson exists already');
      const { type: _t, ...lesson } = command;
      return ok([{ type: 'LessonRecorded', ...lesson }]);
    }
    case 'CloseEvaluation': {
      const missing = missingForClose(state);
      if (missing.partners.length > 0 || missing.personExperience) return fail('RULE_VIOLATION', 'every partner and the person are heard before the evaluation closes', { missing });
      return ok([{ type: 'EvaluationClosed', conclusion: command.conclusion }]);
    }
  }
}
