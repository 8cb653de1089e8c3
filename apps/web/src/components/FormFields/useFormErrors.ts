import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';
import type { FieldErrors } from '../../lib/validation';
import type { SummaryEntry } from '../ErrorSummary/ErrorSummary';

/**
 * Field errors of one form, translated. `report` replaces them after each submit attempt (client
 * validation or the server's VALIDATION_FAILED); the attempt count lets the summary re-focus.
 */
export function useFormErrors(labelFor: (field: string) => string) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const message = useCallback(
    (field: string): string | undefined => {
      const error = errors[field];
      return error ? untyped(t)(error.key, error.values) : undefined;
    },
    [errors, t],
  );

  const report = useCallback((next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);

  const entries: SummaryEntry[] = Object.keys(errors).map((field) => ({ field, label: labelFor(field), message: message(field) ?? '' }));
  return { message, report, entries, attempt, hasErrors: entries.length > 0 };
}
