import type { DomainError, Result } from '@hoeder/domain';

/**
 * Failures the guarded layer has written an audit entry for. The HTTP edge (`unwrap`) marks only
 * these as audited; any other failure is logged by the error handler's fallback, so a refusal a
 * service forgot to audit still leaves its trace (ADR 0010).
 */
const AUDITED = new WeakSet<DomainError>();

export function audited<T>(result: Result<T>): Result<T> {
  if (!result.ok) AUDITED.add(result.error);
  return result;
}

export const wasAudited = (error: DomainError): boolean => AUDITED.has(error);
