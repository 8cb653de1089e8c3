import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';

export interface SummaryEntry {
  field: string;
  label: string;
  message: string;
}

/**
 * The list of what to fix, shown above a form after a failed submit. It takes focus so keyboard
 * and screen-reader users land on it; role=alert (from the Alert) announces it as well.
 */
export function ErrorSummary({ entries, attempt }: { entries: readonly SummaryEntry[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [attempt, entries.length]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="hoeder-error-summary">
      <Alert type="error">
        <Paragraph>
          <strong>{t('forms.errorSummary')}</strong>
        </Paragraph>
        <UnorderedList>
          {entries.map((entry) => (
            <UnorderedListItem key={entry.field}>
              {entry.label}: {entry.message}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}
