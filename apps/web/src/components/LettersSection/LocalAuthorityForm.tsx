import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@rijkshuisstijl-community/components-react';
import { RecordLocalAuthorityRequest } from '@hoeder/contracts';
import { LOCAL_AUTHORITIES } from '@hoeder/domain';
import { useRecordLocalAuthority } from '../../api/letters';
import { enumLabel, untyped } from '../../i18n/enums';
import { serverFieldErrors, validate } from '../../lib/validation';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { SelectField, TextareaField, TextField } from '../FormFields/FormFields';
import { useFormErrors } from '../FormFields/useFormErrors';

/** A mayor or chief prosecutor, typed once and stored, so notices pick it (issue 12 item 4). */
export function LocalAuthorityForm() {
  const { t } = useTranslation();
  const ut = untyped(t);
  const [role, setRole] = useState('mayor');
  const [name, setName] = useState('');
  const [office, setOffice] = useState('');
  const [lines, setLines] = useState('');
  const record = useRecordLocalAuthority();
  const labelFor = (field: string) => ut(`recordLinks.authority.${field.split('.')[0]}`);
  const errors = useFormErrors(labelFor);
  const submit = () => {
    const input = { role, name, office, addressLines: lines.split('\n').map((l) => l.trim()).filter(Boolean) };
    const parsed = validate(RecordLocalAuthorityRequest, input);
    errors.report(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) record.mutate(parsed.value, { onError: (e) => errors.report(serverFieldErrors(e)), onSuccess: () => [setName, setOffice, setLines].forEach((set) => set('')) });
  };
  return (
    <ActionPanel title={ut('recordLinks.authority.legend')} submitLabel={ut('recordLinks.authority.submit')} onSubmit={submit} pending={record.isPending} error={record.error} onReload={() => record.reset()} errors={errors}>
      {record.isSuccess && <Alert type="ok">{ut('recordLinks.authority.recorded')}</Alert>}
      <SelectField name="authority-role" label={ut('recordLinks.authority.role')} value={role} onChange={setRole} options={LOCAL_AUTHORITIES.map((a) => ({ value: a, label: enumLabel(t, 'handOffTo', a) }))} error={errors.message('role')} />
      <TextField name="authority-name" label={ut('recordLinks.authority.name')} value={name} onChange={setName} error={errors.message('name')} />
      <TextField name="authority-office" label={ut('recordLinks.authority.office')} value={office} onChange={setOffice} error={errors.message('office')} />
      <TextareaField name="authority-lines" label={ut('recordLinks.authority.addressLines')} description={ut('recordLinks.authority.linesHint')} rows={3} value={lines} onChange={setLines} error={errors.message('addressLines')} />
    </ActionPanel>
  );
}
