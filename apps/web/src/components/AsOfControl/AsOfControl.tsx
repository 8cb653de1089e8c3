import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Paragraph } from '@rijkshuisstijl-community/components-react';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../../lib/format';
import { TextField } from '../FormFields/FormFields';
import { RouterLink } from '../RouterLink/RouterLink';

/** Shown at the top while a past moment is viewed, so nobody mistakes history for the present. */
export function AsOfNotice({ caseId, asOf }: { caseId: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert type="info">
      <Paragraph>
        <strong>{t('asOf.viewing', { moment: formatDateTime(asOf, i18n.language) })}</strong>
      </Paragraph>
      <Paragraph>
        <RouterLink to={`/casussen/${caseId}`}>{t('asOf.backToNow')}</RouterLink>
      </Paragraph>
    </Alert>
  );
}

/** Pick a moment; the page reloads the case with ?asOf= and the server projects it as it was. */
export function AsOfControl({ asOf, onChange }: { asOf: string | null; onChange: (asOf: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(asOf ? toDateTimeLocal(asOf) : '');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = fromDateTimeLocal(value);
    setError(iso ? undefined : t('asOf.invalid'));
    if (iso) onChange(iso);
  };
  return (
    <form onSubmit={submit} noValidate className="hoeder-as-of">
      <Fieldset legend={t('asOf.legend')}>
        <TextField name="asOf" type="datetime-local" step={1} label={t('asOf.label')} description={t('asOf.help')} value={value} onChange={setValue} error={error} />
        <Button type="submit" appearance="secondary-action-button">
          {t('asOf.show')}
        </Button>
      </Fieldset>
    </form>
  );
}
