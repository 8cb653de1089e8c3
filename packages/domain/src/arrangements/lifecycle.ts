import { fail, ok, type Result } from '../shared/result';

/**
 * What the liaison records with the person besides the decision (issue 12 items 4–6): agreements,
 * care referrals and the employer's duties. Each is an "arrangement" with a status; its lifecycle
 * is data (the actions, from which statuses, to which status), like the case's `ALLOWED_IN`.
 */
export const ARRANGEMENT_KINDS = ['agreement', 'care', 'employer_duty'] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];

/** Agreements with the person (DOMAIN §5): cooperation, and restrictions where there is an integrity risk. */
export const AGREEMENT_TYPES = ['cooperation', 'integrity_restriction'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export const AGREEMENT_STATUSES = ['offered', 'agreed', 'refused', 'not_kept', 'ended'] as const;

/** The package's psychosocial care modules and peer support by former protected persons. */
export const CARE_MODULES = ['care_person', 'care_partner', 'care_children', 'peer_support'] as const;
export type CareModule = (typeof CARE_MODULES)[number];
export const CARE_STATUSES = ['proposed', 'referred', 'started', 'ended', 'declined'] as const;

/** The employer's five duties (DOMAIN §5). */
export const EMPLOYER_DUTIES = ['alertness', 'resilience', 'prevention', 'security_measures', 'follow_advice'] as const;
export type EmployerDuty = (typeof EMPLOYER_DUTIES)[number];
export const DUTY_STATUSES = ['open', 'agreed', 'in_place', 'not_met'] as const;

export type ArrangementStatus = (typeof AGREEMENT_STATUSES)[number] | (typeof CARE_STATUSES)[number] | (typeof DUTY_STATUSES)[number];

export interface Transition {
  from: readonly ArrangementStatus[];
  to: ArrangementStatus;
  /** A written note (at least `MIN_NOTE` characters) is required: refusals, breaches, declines. */
  needsNote?: boolean;
}

/** The lifecycle as data: per kind, each action with the statuses it starts from and where it ends. */
export const TRANSITIONS = {
  agreement: {
    accept: { from: ['offered', 'refused'], to: 'agreed' },
    // Non-cooperation follows the policy line: no forced measures; the refusal is recorded, informing goes on.
    refuse: { from: ['offered', 'agreed'], to: 'refused', needsNote: true },
    report_not_kept: { from: ['agreed'], to: 'not_kept', needsNote: true },
    // After a refusal or breach the liaison keeps informing and advising, and may offer again.
    offer_again: { from: ['refused', 'not_kept'], to: 'offered' },
    end: { from: ['offered', 'agreed', 'refused', 'not_kept'], to: 'ended', needsNote: true },
  },
  care: {
    refer: { from: ['proposed'], to: 'referred' },
    start: { from: ['referred'], to: 'started' },
    end: { from: ['started'], to: 'ended' },
    decline: { from: ['proposed', 'referred'], to: 'declined', needsNote: true },
    propose_again: { from: ['declined', 'ended'], to: 'proposed' },
  },
  employer_duty: {
    agree: { from: ['open', 'not_met'], to: 'agreed' },
    confirm_in_place: { from: ['open', 'agreed', 'not_met'], to: 'in_place' },
    report_not_met: { from: ['open', 'agreed', 'in_place'], to: 'not_met', needsNote: true },
    reopen: { from: ['agreed', 'in_place', 'not_met'], to: 'open' },
  },
} as const satisfies Record<ArrangementKind, Record<string, Transition>>;

export type ArrangementAction<K extends ArrangementKind = ArrangementKind> = K extends ArrangementKind ? keyof (typeof TRANSITIONS)[K] & string : never;
export const ALL_ACTIONS = [...new Set(ARRANGEMENT_KINDS.flatMap((k) => Object.keys(TRANSITIONS[k])))] as ArrangementAction[];

/** The status a new arrangement of each kind starts in. */
export const INITIAL_STATUS: Record<ArrangementKind, ArrangementStatus> = { agreement: 'offered', care: 'proposed', employer_duty: 'open' };

/** Statuses in which a follow-up date no longer asks anything of anyone. */
export const CLOSED_STATUSES: readonly ArrangementStatus[] = ['ended', 'declined', 'in_place'];

export const MIN_NOTE = 10;

export interface ArrangementChange {
  action: ArrangementAction;
  from: ArrangementStatus;
  to: ArrangementStatus;
  note: string | null;
  followUpOn: string | null;
}

/**
 * One step of an arrangement's lifecycle, or a coded refusal: an unknown action for the kind is a
 * validation failure, an action not allowed from the current status an invalid transition.
 */
export function decideArrangement(
  kind: ArrangementKind,
  current: ArrangementStatus,
  input: { action: string; note?: string | undefined; followUpOn?: string | undefined },
  today: string,
): Result<ArrangementChange> {
  const table = TRANSITIONS[kind] as Record<string, Transition>;
  const step = Object.hasOwn(table, input.action) ? table[input.action] : undefined;
  if (!step) return fail('VALIDATION_FAILED', `${input.action} is not an action on a ${kind}`, { field: 'action' });
  if (!step.from.includes(current)) return fail('INVALID_TRANSITION', `${input.action} is not allowed when the ${kind} is ${current}`, { status: current });
  const note = input.note?.trim() ?? '';
  if (step.needsNote && note.length < MIN_NOTE) return fail('VALIDATION_FAILED', `${input.action} needs a written note of at least ${MIN_NOTE} characters`, { field: 'note' });
  if (input.followUpOn && input.followUpOn.slice(0, 10) < today.slice(0, 10)) return fail('VALIDATION_FAILED', 'a follow-up date cannot lie in the past', { field: 'followUpOn' });
  const followUpOn = CLOSED_STATUSES.includes(step.to) ? null : (input.followUpOn?.slice(0, 10) ?? null);
  return ok({ action: input.action as ArrangementAction, from: current, to: step.to, note: note || null, followUpOn });
}

/** Whether an arrangement's follow-up date has passed while it still asks something (YYYY-MM-DD). */
export const followUpOverdue = (a: { status: ArrangementStatus; followUpOn: string | null }, today: string): boolean =>
  a.followUpOn !== null && !CLOSED_STATUSES.includes(a.status) && a.followUpOn < today.slice(0, 10);
