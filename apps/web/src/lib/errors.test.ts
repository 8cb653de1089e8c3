import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../api/client';
import nl from '../i18n/nl.json';
import { errorMessageKey, isNotFound, isVersionConflict, KNOWN_ERROR_CODES } from './errors';

const apiError = (code: string, status = 400) => new ApiError(status, code, 'technical message', undefined, 'req-1');

describe('errorMessageKey', () => {
  it('gives every documented API error code its own text', () => {
    for (const code of KNOWN_ERROR_CODES) {
      expect(errorMessageKey(apiError(code))).toBe(`errors.codes.${code}`);
      expect(nl.errors.codes[code], code).toBeTruthy();
    }
  });

  it('falls back to a generic text for unknown codes and non-API errors', () => {
    expect(errorMessageKey(apiError('SOMETHING_NEW'))).toBe('errors.codes.UNKNOWN');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.codes.UNKNOWN');
    expect(errorMessageKey(undefined)).toBe('errors.codes.UNKNOWN');
  });

  it('recognises a network failure', () => {
    expect(errorMessageKey(apiError(NETWORK_ERROR, 0))).toBe('errors.codes.NETWORK_ERROR');
  });
});

describe('error predicates', () => {
  it('tells a version conflict and a not-found apart from other refusals', () => {
    expect(isVersionConflict(apiError('VERSION_CONFLICT', 409))).toBe(true);
    expect(isVersionConflict(apiError('FOUR_EYES_VIOLATION', 409))).toBe(false);
    expect(isNotFound(apiError('NOT_FOUND', 404))).toBe(true);
    expect(isNotFound(new Error('NOT_FOUND'))).toBe(false);
  });
});
