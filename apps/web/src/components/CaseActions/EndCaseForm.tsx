import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EndCaseRequest, type CaseView } from '@hoeder/contracts';
import { requireWrittenText } from '../../lib/validation';
import { TextareaField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { useCommandForm } from './useCommandForm';

/** Ending protection is a decision of its own, so it needs a written reason. */
export function EndCaseForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useCommandForm({ caseId: view.caseId, path: 'end', schema: EndCaseRequest, labelFor: () => t('endForm.reason'), onSaved });
  return (
    <ActionPanel
      title={t('endForm.heading')}
      submitLabel={t('endForm.submit')}
      onSubmit={() => form.submit({ expectedVersion: view.version, reason }, (errors) => requireWrittenText(errors, 'reason', reason))}
      pending={form.pending}
      error={form.error}
      onReload={form.reload}
      errors={form.errors}
    >
      <TextareaField name="reason" label={t('endForm.reason')} description={t('endForm.reasonHelp')} rows={3} value={reason} onChange={setReason} error={form.errors.message('reason')} />
    </ActionPanel>
  );
}
