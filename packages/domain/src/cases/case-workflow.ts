import { fail, ok, type Result } from '../shared/result';
import { TRIAGE_RULESETS } from '../triage/triage-rulesets';
import { recommendTriage, rulesetInEffect } from '../triage/triage-rules';
import { addMonths, decidePackage, type PolicyEvaluator } from './decision-policy';
import type { CaseCommand, CaseCommandType } from './case-commands';
import type { CaseEventBody } from './case-events';
import type { CasePhase, CaseState } from './case-state';
import { recordFacts, type DerivedFacts } from '../arrangements/policy-facts';
import { relationCodeRequired } from '../persons/household';

/** Who acts and when; time is injected so rules about dates are testable. */
export interface CommandContext {
  actorId: string;
  now: string;
  /** The package policy in effect at `now`; only a decision proposal needs it. */
  policy?: PolicyEvaluator | undefined;
  /** The policy facts from their sources (issue 12); a proposal that states another value must say why. */
  derivedFacts?: DerivedFacts | undefined;
}

/** The shortest written motivation, reason or summary the system accepts. */
export const MIN_MOTIVATION = 10;

/** Which phases allow which command: the lifecycle as data. */
export const ALLOWED_IN: Record<Exclude<CaseCommandType, 'RegisterCase'>, readonly CasePhase[]> = {
  AssignMember: ['registered', 'in_assessment', 'assessed', 'decision_pending_approval', 'measures_active'],
  CompleteTriage: ['registered'],
  RecordAssessment: ['in_assessment', 'assessed', 'measures_active'],
  ProposeDecision: ['assessed', 'measures_active'],
  ApproveDecision: ['decision_pending_approval'],
  RejectDecision: ['decision_pending_approval'],
  EndCase: ['measures_active', 'assessed', 'in_assessment'],
};

const tooShort = (field: string, text: string): Result<never> | undefined =>
  text.trim().length < MIN_MOTIVATION
    ? fail('VALIDATION_FAILED', `${field} must be a written text of at least ${MIN_MOTIVATION} characters`, { field })
    : undefined;

const isAfter = (date: string, now: string) => date.slice(0, 10) > now.slice(0, 10);

function decideTriage(cmd: Extract<CaseCommand, { type: 'CompleteTriage' }>, ctx: CommandContext): Result<CaseEventBody[]> {
  const invalid = tooShort('motivation', cmd.motivation);
  if (invalid) return invalid;
  const ruleset = rulesetInEffect(TRIAGE_RULESETS, ctx.now);
  if (!ruleset) return fail('RULE_VIOLATION', 'no triage ruleset is in effect');
  const recommendation = recommendTriage(ruleset, cmd.facts);
  if (!recommendation.ok) return recommendation;
  const national = cmd.outcome === 'national';
  if (national && !ruleset.phenomenaInScope.includes(cmd.facts.phenomenon)) {
    return fail('RULE_VIOLATION', 'national authority requires one of the phenomena in scope', { rulesetVersion: ruleset.version });
  }
  if (cmd.outcome === 'local_domain' && (!cmd.handOffTo || !cmd.handOffNote?.trim())) {
    return fail('VALIDATION_FAILED', 'a hand-off to the local domain names the mayor or chief prosecutor and a note', { field: 'handOffTo' });
  }
  if (cmd.outcome === 'witness_protection' && !cmd.handOffNote?.trim()) {
    return fail('VALIDATION_FAILED', 'a hand-off to witness protection needs a note', { field: 'handOffNote' });
  }
  const handOff =
    cmd.outcome === 'local_domain'
      ? { to: cmd.handOffTo!, recordedNote: cmd.handOffNote!.trim() }
      : cmd.outcome === 'witness_protection'
        ? { to: 'witness_protection_team' as const, recordedNote: cmd.handOffNote!.trim() }
        : undefined;
  return ok([
    {
      type: 'TriageCompleted',
      outcome: cmd.outcome,
      phenomenon: cmd.facts.phenomenon,
      motivation: cmd.motivation.trim(),
      rulesetVersion: ruleset.version,
      recommendedOutcome: recommendation.value.outcome,
      firedRules: recommendation.value.firedRules,
      handOff,
    },
  ]);
}

function decideProposal(state: CaseState, cmd: Extract<CaseCommand, { type: 'ProposeDecision' }>, ctx: CommandContext): Result<CaseEventBody[]> {
  const invalid = tooShort('motivation', cmd.motivation);
  if (invalid) return invalid;
  const latest = state.assessments.at(-1);
  if (!latest) return fail('RULE_VIOLATION', 'a decision needs a threat assessment');
  const usedIds = [state.activeDecision, state.pendingDecision, ...state.rejectedDecisions, ...state.supersededDecisions].map((d) => d?.decisionId);
  if (usedIds.includes(cmd.decisionId)) return fail('INVALID_TRANSITION', 'decision already recorded');
  const decided = decidePackage(ctx.policy, cmd.facts, cmd.offered, cmd.deviationMotivation);
  if (!decided.ok) return decided;
  const record = decided.value;
  const sourced = ctx.derivedFacts ? recordFacts(ctx.derivedFacts, cmd.facts, cmd.factOverrides) : undefined;
  if (sourced && !sourced.ok) return sourced;
  const reviewDate = cmd.reviewDate ?? addMonths(ctx.now, record.chosen.reviewPeriodMonths);
  if (!isAfter(reviewDate, ctx.now)) return fail('VALIDATION_FAILED', 'the review date must be in the future', { field: 'reviewDate' });
  return ok([
    {
      type: 'DecisionProposed',
      decisionId: cmd.decisionId,
      resistanceLevel: record.chosen.resistanceLevel,
      policy: record,
      motivation: cmd.motivation.trim(),
      reviewDate,
      basedOnAssessmentId: latest.assessmentId,
      ...(sourced ? { factSources: sourced.value } : {}),
    },
  ]);
}

function decideDecision(state: CaseState, cmd: CaseCommand, ctx: CommandContext): Result<CaseEventBody[]> {
  switch (cmd.type) {
    case 'ProposeDecision':
      return decideProposal(state, cmd, ctx);
    case 'ApproveDecision':
    case 'RejectDecision': {
      const pending = state.pendingDecision;
      if (!pending || pending.decisionId !== cmd.decisionId) return fail('NOT_FOUND', 'no such pending decision');
      if (pending.proposedBy === ctx.actorId) {
        return fail('FOUR_EYES_VIOLATION', 'a second decision maker must approve or reject the proposal');
      }
      if (cmd.type === 'RejectDecision') {
        return tooShort('reason', cmd.reason) ?? ok([{ type: 'DecisionRejected', decisionId: cmd.decisionId, reason: cmd.reason.trim() }]);
      }
      return ok([{ type: 'DecisionApproved', decisionId: cmd.decisionId, note: cmd.note.trim() }]);
    }
    default:
      return fail('INVALID_TRANSITION', `${cmd.type} is not a decision command`);
  }
}

/**
 * The lifecycle as a pure function: given the current state and a command, the events to append,
 * or a coded refusal. It never produces an event that `projectCase` cannot apply.
 */
export function decideCase(state: CaseState | undefined, cmd: CaseCommand, ctx: CommandContext): Result<CaseEventBody[]> {
  if (cmd.type === 'RegisterCase') {
    if (state) return fail('INVALID_TRANSITION', 'the case is already registered');
    if (!cmd.persons.some((p) => p.role === 'threatened_person')) {
      return fail('VALIDATION_FAILED', 'at least one threatened person is required', { field: 'persons' });
    }
    const uncoded = cmd.persons.findIndex((p) => relationCodeRequired(p.role) !== (p.relationCode !== undefined));
    if (uncoded >= 0) return fail('VALIDATION_FAILED', 'a household member needs a coded relation, the threatened person none', { field: `persons.${uncoded}.relationCode` });
    const { type: _t, ...data } = cmd;
    return ok([{ type: 'CaseRegistered', ...data }]);
  }
  if (!state) return fail('NOT_FOUND', 'case not found');
  if (!ALLOWED_IN[cmd.type].includes(state.phase)) {
    return fail('INVALID_TRANSITION', `${cmd.type} is not allowed in phase ${state.phase}`, { phase: state.phase });
  }
  switch (cmd.type) {
    case 'AssignMember':
      return state.memberIds.includes(cmd.userId) ? ok([]) : ok([{ type: 'MemberAssigned', userId: cmd.userId }]);
    case 'CompleteTriage':
      return decideTriage(cmd, ctx);
    case 'RecordAssessment':
      if (!Number.isInteger(cmd.assessmentVersion) || cmd.assessmentVersion < 1) return fail('VALIDATION_FAILED', 'the DAF version must be a positive number', { field: 'assessmentVersion' });
      if (!isAfter(cmd.validUntil, ctx.now)) return fail('VALIDATION_FAILED', 'validity must end in the future', { field: 'validUntil' });
      if (state.assessments.some((a) => a.assessmentId === cmd.assessmentId)) return fail('INVALID_TRANSITION', 'assessment already recorded');
      return ok([{ type: 'AssessmentRecorded', ...withoutType(cmd) }]);
    case 'EndCase':
      return tooShort('reason', cmd.reason) ?? ok([{ type: 'CaseEnded', reason: cmd.reason.trim() }]);
    default:
      return decideDecision(state, cmd, ctx);
  }
}

function withoutType<T extends { type: string }>(cmd: T): Omit<T, 'type'> {
  const { type: _t, ...rest } = cmd;
  return rest;
}
