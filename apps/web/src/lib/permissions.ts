import { ALLOWED_IN, COMMAND_ROLES, type CaseCommandType, type CasePhase, type Role } from '@hoeder/domain';

/** Phases in which each case command is allowed: the domain's lifecycle table, so the UI never drifts. */
export const COMMAND_PHASES = ALLOWED_IN;

export type CaseAction = keyof typeof COMMAND_PHASES;

export const hasCommandRole = (roles: readonly Role[], command: CaseCommandType): boolean =>
  roles.some((role) => COMMAND_ROLES[command].includes(role));

export const mayRegisterCase = (roles: readonly Role[]): boolean => hasCommandRole(roles, 'RegisterCase');

export interface ActionContext {
  roles: readonly Role[];
  userId: string;
  phase: CasePhase;
  /** Who proposed the pending decision, if the reader may see it. */
  pendingProposedBy?: string | undefined;
  /** A past moment is read-only: nothing can be done to history. */
  viewingPast: boolean;
}

/** The case actions this user may be offered now: role capability, phase and four-eyes. */
export function allowedActions(ctx: ActionContext): Set<CaseAction> {
  const allowed = new Set<CaseAction>();
  if (ctx.viewingPast) return allowed;
  for (const [command, phases] of Object.entries(COMMAND_PHASES) as [CaseAction, readonly CasePhase[]][]) {
    if (phases.includes(ctx.phase) && hasCommandRole(ctx.roles, command)) allowed.add(command);
  }
  const ownProposal = ctx.pendingProposedBy !== undefined && ctx.pendingProposedBy === ctx.userId;
  if (ownProposal || ctx.pendingProposedBy === undefined) {
    allowed.delete('ApproveDecision');
    allowed.delete('RejectDecision');
  }
  return allowed;
}
