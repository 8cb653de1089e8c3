import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset } from '@rijkshuisstijl-community/components-react';
import type { OfficerView } from '@hoeder/contracts';
import { RecordAbsenceRequest } from '@hoeder/contracts';
import { useRecordAbsence } from '../../api/execution';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { untyped } from '../../i18n/enums';
import { validate, type FieldErrors } from '../../lib/validation';

const REASONS = ['leave', 'training', 'sick', 'other'] as const;

/** Leave or unavailability of one officer: dates and a reason category, never a medical detail. */
export function AbsenceForm({ officers }: { officers: readonly OfficerView[] }) {
  const { t } = useTranslation();
  const tt = untyped(t);
  const record = useRecordAbsence();
  const [form, setForm] = useState({ officerId: officers[0]?.officerId ?? '', from: '', until: '', reason: 'leave' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const error = (field: string) => (errors[field] ? tt(errors[field].key, errors[field].values) : undefined);
  const submit = () => {
    const outcome = validate(RecordAbsenceRequest, { from: form.from, until: form.until, reason: form.reason });
    if (!outcome.ok) return setErrors(outcome.errors);
    setErrors({});
    record.mutate({ officerId: form.officerId, ...outcome.value });
  };
  return (
    <Fieldset legend={tt('masterData.absenceForm.legend')}>
      <SelectField name="officer" label={tt('masterData.absenceForm.officer')} value={form.officerId} onChange={(officerId) => setForm({ ...form, officerId })} options={officers.map((o) => ({ value: o.officerId, label: o.displayName }))} />
      <TextField type="date" name="absenceFrom" label={tt('masterData.absenceForm.from')} value={form.from} onChange={(from) => setForm({ ...form, from })} error={error('from')} />
      <TextField type="date" name="absenceUntil" label={tt('masterData.absenceForm.until')} value={form.until} onChange={(until) => setForm({ ...form, until })} error={error('until')} />
      <SelectField name="reason" label={tt('masterData.absenceForm.reason')} description={tt('masterData.absenceForm.reasonHint')} value={form.reason} onChange={(reason) => setForm({ ...form, reason })} options={REASONS.map((r) => ({ value: r, label: tt(`masterData.absence.${r}`) }))} />
      <ApiErrorAlert error={record.error} />
      {record.isSuccess && <Alert type="ok">{tt('masterData.absenceForm.saved', { name: record.data.displayName })}</Alert>}
      <Button type="button" appearance="secondary-action-button" disabled={record.isPending || !form.officerId} onClick={submit}>
        {tt('masterData.absenceForm.submit')}
      </Button>
    </Fieldset>
  );
}
