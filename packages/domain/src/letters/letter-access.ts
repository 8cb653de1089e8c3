import type { Role } from '../shared/vocabulary';

/**
 * Who works with letters and objections (issue 12 items 3 and 8), as data. Letters and objections
 * are about the decision, so each read also needs the case's `decision` section (need-to-know);
 * writing also needs case membership. The liaison, who speaks with the person, drafts the letters
 * and records objections; a decision maker approves a letter (never its own drafter: four eyes)
 * and handles an objection (terms, hearing, outcome, appeal). The inspectorate reads, never writes.
 * Triage, analysts, the LCC, unit leads, the advisory body and administrators have no need.
 */
export const LETTER_ROLES = {
  read: ['liaison', 'decision_maker', 'inspector'],
  draft: ['liaison', 'decision_maker'],
  approve: ['decision_maker'],
} as const satisfies Record<string, readonly Role[]>;

export const OBJECTION_ROLES = {
  read: ['liaison', 'decision_maker', 'inspector'],
  lodge: ['liaison', 'decision_maker'],
  handle: ['decision_maker'],
} as const satisfies Record<string, readonly Role[]>;

export type LetterAction = keyof typeof LETTER_ROLES;
export type ObjectionAction = keyof typeof OBJECTION_ROLES;

const holds = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));
export const mayOnLetters = (roles: readonly Role[], action: LetterAction) => holds(roles, LETTER_ROLES[action]);
export const mayOnObjections = (roles: readonly Role[], action: ObjectionAction) => holds(roles, OBJECTION_ROLES[action]);

/** Four eyes: a letter is approved by someone other than the one who drafted it. */
export const mayApproveAsSecond = (approverId: string, draftedBy: string) => approverId !== draftedBy;
