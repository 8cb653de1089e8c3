import type { DomainError, ErrorCode } from '@hoeder/domain';

/** Codes that only the HTTP edge and auth layer produce. */
export type EdgeErrorCode =
  | 'CSRF_FAILED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ROUTE_NOT_FOUND'
  | 'INTERNAL'
  /** The database cannot be reached (restart, failover): try again shortly. */
  | 'DATABASE_UNAVAILABLE';

export type AppErrorCode = ErrorCode | EdgeErrorCode;

/**
 * A coded failure that travels to the one HTTP error mapper. Services return domain errors as
 * values; the route layer throws them as AppError so Fastify's error handler maps them.
 */
export class AppError extends Error {
  /** Set when a service has already written the audit entry for this failure. */
  audited = false;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static from(error: DomainError): AppError {
    return new AppError(error.code, error.message, error.details);
  }
}

/** The complete mapping from error code to HTTP status: adding a code without a status fails to compile. */
export const STATUS_OF: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN_ACTION: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  FOUR_EYES_VIOLATION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
};
