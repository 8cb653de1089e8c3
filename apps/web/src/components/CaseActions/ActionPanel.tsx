import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Button, Heading } from '@rijkshuisstijl-community/components-react';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { ErrorSummary, type SummaryEntry } from '../ErrorSummary/ErrorSummary';

interface Props {
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  errors: { entries: SummaryEntry[]; attempt: number };
  children: ReactNode;
  /** Sub-forms of one action (approve / reject) sit one heading level deeper; a form of its own page is a level 2. */
  level?: 2 | 3 | 4;
}

/** The frame every case action shares: a named form, its error summary, API errors and submit. */
export function ActionPanel({ title, submitLabel, onSubmit, pending, error, onReload, errors, children, level = 3 }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="hoeder-form hoeder-action">
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      <ErrorSummary entries={errors.entries} attempt={errors.attempt} />
      {children}
      <ApiErrorAlert error={error} onReload={onReload} />
      <ActionGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {pending ? t('forms.submitting') : submitLabel}
        </Button>
      </ActionGroup>
    </form>
  );
}
