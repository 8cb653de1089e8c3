import { MIN_MOTIVATION } from '@hoeder/domain';
import { ApiError } from '../api/client';

/** A message for one field as a translation key plus its values, so this stays free of i18n. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

/** Field path ("persons.0.fullName") → the first problem found there. */
export type FieldErrors = Record<string, FieldMessage>;

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
}

/** The contracts' text type refuses control characters with a pattern on Unicode category Cc. */
const isControlCharacterRule = (issue: IssueLike) => issue.format === 'regex' && (issue.pattern ?? '').includes('\\p{Cc}');

export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Translate one zod issue into a user-facing message key; technical wording stays out of the UI. */
export function issueMessage(issue: IssueLike): FieldMessage {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { key: 'validation.minItems', values: { count: Number(issue.minimum ?? 1) } };
      return Number(issue.minimum ?? 1) <= 1 ? { key: 'validation.required' } : { key: 'validation.minLength', values: { count: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'array'
        ? { key: 'validation.maxItems', values: { count: Number(issue.maximum ?? 0) } }
        : { key: 'validation.maxLength', values: { count: Number(issue.maximum ?? 0) } };
    case 'invalid_format':
      if (isControlCharacterRule(issue)) return { key: 'validation.controlCharacter' };
      return { key: issue.format === 'date' ? 'validation.date' : 'validation.format' };
    case 'invalid_value':
    case 'invalid_type':
      return { key: 'validation.choose' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = fieldPath(issue.path);
    errors[path] ??= issueMessage(issue);
  }
  return errors;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The part of a zod schema used here; web does not depend on zod itself, only on the contracts. */
export interface SafeParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** Validate a request body with the shared contract schema before sending it. */
export function validate<T>(schema: SafeParser<T>, input: unknown): ParseOutcome<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues as IssueLike[]) };
}

/** The domain asks a written motivation, not a word; the user learns it before the server refuses. */
export const MIN_WRITTEN_TEXT = MIN_MOTIVATION;

export function requireWrittenText(errors: FieldErrors, field: string, text: string): FieldErrors {
  if (errors[field] || text.trim().length >= MIN_WRITTEN_TEXT) return errors;
  return { ...errors, [field]: { key: 'validation.minLength', values: { count: MIN_WRITTEN_TEXT } } };
}

/** The server re-validates; its VALIDATION_FAILED names a field or lists zod issues. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !error.details) return {};
  const { field, issues } = error.details as { field?: unknown; issues?: unknown };
  if (Array.isArray(issues)) return issuesToFieldErrors(issues as IssueLike[]);
  if (typeof field === 'string') return { [field]: { key: 'validation.invalid' } };
  return {};
}

/** Empty optional inputs are absent, not empty strings: the contracts reject "" for dates. */
export const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value);
