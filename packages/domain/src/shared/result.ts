/**
 * Expected failures are values, not exceptions. Infrastructure throws; the HTTP edge maps
 * these codes to statuses in one place.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'FOUR_EYES_VIOLATION'
  | 'RULE_VIOLATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN_ACTION';

export interface DomainError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
