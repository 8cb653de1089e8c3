import type { DmnErrorCode } from './dmn/types';

export type PolicyErrorCode =
  | DmnErrorCode
  | 'POLICY_INVALID_FACTS'
  | 'POLICY_INVALID_DATE'
  | 'POLICY_VERSION_NOT_FOUND'
  | 'POLICY_NO_VERSION_IN_EFFECT'
  | 'POLICY_MODEL_INCOMPLETE'
  | 'DEVIATION_MOTIVATION_REQUIRED';

export interface PolicyError {
  code: PolicyErrorCode;
  message: string;
}

/** Expected failures are values (`ok: false`), never exceptions. */
export type PolicyResult<T> = { ok: true; value: T } | { ok: false; error: PolicyError };

export const policyOk = <T>(value: T): PolicyResult<T> => ({ ok: true, value });
export const policyFail = (code: PolicyErrorCode, message: string): PolicyResult<never> => ({
  ok: false,
  error: { code, message },
});
