import { fail, ok, type Result } from '../shared/result';
import { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_JUSTIFICATION, BREAK_GLASS_ROLES } from './capabilities';
import type { AccessSubject } from './need-to-know';

export interface BreakGlassGrant {
  caseId: string;
  userId: string;
  justification: string;
  grantedAt: string;
  expiresAt: string;
}

/** Decides a break-glass request: only certain roles, only with a written justification, always time-limited. */
export function grantBreakGlass(subject: AccessSubject, caseId: string, justification: string, now: Date): Result<BreakGlassGrant> {
  if (!subject.roles.some((r) => BREAK_GLASS_ROLES.includes(r))) return fail('FORBIDDEN_ACTION', 'your role may not use break-glass access');
  const text = justification.trim();
  if (text.length < BREAK_GLASS_MIN_JUSTIFICATION) {
    return fail('VALIDATION_FAILED', `a break-glass justification must be at least ${BREAK_GLASS_MIN_JUSTIFICATION} characters`, { field: 'justification' });
  }
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  return ok({ caseId, userId: subject.userId, justification: text, grantedAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
}
