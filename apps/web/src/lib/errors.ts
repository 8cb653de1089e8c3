import { ApiError, NETWORK_ERROR } from '../api/client';

/** Error codes the API documents; each has its own translated explanation. */
export const KNOWN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN_ACTION',
  'CSRF_FAILED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'FOUR_EYES_VIOLATION',
  'RULE_VIOLATION',
  NETWORK_ERROR,
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

const isKnown = (code: string): code is KnownErrorCode => (KNOWN_ERROR_CODES as readonly string[]).includes(code);

/** The translation key for any error: known API codes get their own text, the rest a generic one. */
export function errorMessageKey(error: unknown): `errors.codes.${KnownErrorCode | 'UNKNOWN'}` {
  if (error instanceof ApiError && isKnown(error.code)) return `errors.codes.${error.code}`;
  return 'errors.codes.UNKNOWN';
}

export const isVersionConflict = (error: unknown): boolean => error instanceof ApiError && error.code === 'VERSION_CONFLICT';

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.code === 'NOT_FOUND';
