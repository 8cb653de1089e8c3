import { fail, ok, type Result } from '../shared/result';
import { appealDeadline, isLate, objectionDeadline, objectionDecisionDeadline } from './awb-terms';

export const OBJECTION_PARTIES = ['person', 'employer'] as const;
export type ObjectionParty = (typeof OBJECTION_PARTIES)[number];
export const OBJECTION_OUTCOMES = ['unfounded', 'founded'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** An objection against a decision and how it was handled; dates are YYYY-MM-DD. */
export interface Objection {
  objectionId: string;
  caseId: string;
  decisionId: string;
  party: ObjectionParty;
  /** The day the decision was sent (its approved letter) or, without a letter, approved. */
  decisionSentOn: string;
  receivedOn: string;
  grounds: string;
  advisoryCommittee: boolean;
  extendedOn: string | null;
  hearingOn: string | null;
  outcome: ObjectionOutcome | null;
  decidedOn: string | null;
  motivation: string | null;
  appealLodgedOn: string | null;
  appealCourt: string | null;
}

export interface ObjectionTerms {
  objectionDeadline: string;
  late: boolean;
  decisionDeadline: string;
  appealDeadline: string | null;
  appealLate: boolean | null;
}

/** The statutory terms of an objection as it stands (pure; `objectionDecisionDeadline` counts). */
export function objectionTerms(o: Objection): ObjectionTerms {
  const deadline = objectionDeadline(o.decisionSentOn);
  const appeal = o.decidedOn ? appealDeadline(o.decidedOn) : null;
  return {
    objectionDeadline: deadline,
    late: isLate(o.receivedOn, deadline),
    decisionDeadline: objectionDecisionDeadline({ objectionDeadline: deadline, receivedOn: o.receivedOn, advisoryCommittee: o.advisoryCommittee, extended: o.extendedOn !== null }),
    appealDeadline: appeal,
    appealLate: appeal && o.appealLodgedOn ? isLate(o.appealLodgedOn, appeal) : null,
  };
}

export type ObjectionCommand =
  | { type: 'RecordHearing'; hearingOn: string }
  | { type: 'ExtendTerm' }
  | { type: 'DecideObjection'; outcome: ObjectionOutcome; decidedOn: string; motivation: string }
  | { type: 'RecordAppeal'; lodgedOn: string; court: string };

const MIN_MOTIVATION = 10;

/** One step in handling an objection, on the day `today` of the injected clock. */
export function handleObjection(o: Objection, cmd: ObjectionCommand, today: string): Result<Objection> {
  const decided = o.outcome !== null;
  switch (cmd.type) {
    case 'RecordHearing':
      if (decided) return fail('INVALID_TRANSITION', 'the objection has been decided; a hearing comes before the decision');
      if (cmd.hearingOn < o.receivedOn) return fail('VALIDATION_FAILED', 'the hearing cannot be before the objection was received', { field: 'hearingOn' });
      return ok({ ...o, hearingOn: cmd.hearingOn });
    case 'ExtendTerm':
      if (decided) return fail('INVALID_TRANSITION', 'the objection has been decided');
      if (o.extendedOn) return fail('RULE_VIOLATION', 'the term to decide can be extended once only (Awb 7:10 paragraph 3)');
      if (today > objectionTerms(o).decisionDeadline) return fail('RULE_VIOLATION', 'the term to decide has passed; it can only be extended before it ends');
      return ok({ ...o, extendedOn: today });
    case 'DecideObjection':
      if (decided) return fail('INVALID_TRANSITION', 'the objection has already been decided');
      if (cmd.motivation.trim().length < MIN_MOTIVATION) return fail('VALIDATION_FAILED', `motivation must be a written text of at least ${MIN_MOTIVATION} characters`, { field: 'motivation' });
      if (cmd.decidedOn < o.receivedOn || cmd.decidedOn > today) return fail('VALIDATION_FAILED', 'the decision date lies between receipt of the objection and today', { field: 'decidedOn' });
      return ok({ ...o, outcome: cmd.outcome, decidedOn: cmd.decidedOn, motivation: cmd.motivation.trim() });
    case 'RecordAppeal':
      if (!o.decidedOn) return fail('INVALID_TRANSITION', 'an appeal to the court is against the decision on the objection; there is none yet');
      if (o.appealLodgedOn) return fail('INVALID_TRANSITION', 'an appeal has already been recorded');
      if (cmd.lodgedOn < o.decidedOn || cmd.lodgedOn > today) return fail('VALIDATION_FAILED', 'the appeal date lies between the decision on the objection and today', { field: 'lodgedOn' });
      return ok({ ...o, appealLodgedOn: cmd.lodgedOn, appealCourt: cmd.court.trim() });
  }
}

/** Checks a new objection against its decision and today. */
export function validateNewObjection(o: Pick<Objection, 'decisionSentOn' | 'receivedOn'>, today: string): Result<true> {
  if (o.receivedOn > today) return fail('VALIDATION_FAILED', 'an objection cannot be received in the future', { field: 'receivedOn' });
  if (o.receivedOn < o.decisionSentOn) return fail('VALIDATION_FAILED', 'an objection cannot be received before the decision was sent', { field: 'receivedOn' });
  return ok(true);
}

/**
 * What is waiting on an objection and by when: a decision on it by its deadline; after a founded
 * objection, a new decision (through the normal four-eyes flow) until one is proposed.
 */
export function objectionWork(o: Objection, newDecisionSinceFounded: boolean): { kind: 'decide_objection' | 'new_decision'; dueOn: string | null } | null {
  if (o.outcome === null) return { kind: 'decide_objection', dueOn: objectionTerms(o).decisionDeadline };
  if (o.outcome === 'founded' && !newDecisionSinceFounded) return { kind: 'new_decision', dueOn: null };
  return null;
}
