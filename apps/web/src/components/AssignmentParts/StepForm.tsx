import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';

/** One step on an assignment (accept, task, concept, acknowledge): a named form with its error. */
export function StepForm(props: { title: string; submitLabel: string; onSubmit: () => void; pending: boolean; error: unknown; children?: ReactNode; level?: 2 | 3; done?: string | undefined }) {
  const { title, submitLabel, onSubmit, pending, error, children, level = 3, done } = props;
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
      {children}
      <ApiErrorAlert error={error} />
      <div aria-live="polite">{done && <Paragraph role="status">{done}</Paragraph>}</div>
      <ActionGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {pending ? t('forms.submitting') : submitLabel}
        </Button>
      </ActionGroup>
    </form>
  );
}
