import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordAssessmentRequest, type CaseView } from '@hoeder/contracts';
import { THREAT_LEVELS } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { requireWrittenText } from '../../lib/validation';
import { RadioField, TextareaField, TextField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { scenarioLines } from './actionOptions';
import { useCommandForm } from './useCommandForm';

export function AssessmentForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const [threatLevel, setThreatLevel] = useState('');
  const [summary, setSummary] = useState('');
  const [scenarios, setScenarios] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const labelFor = (field: string) => untyped(t)(`assessmentForm.${field.split('.')[0]}`);
  const form = useCommandForm({ caseId: view.caseId, path: 'assessments', schema: RecordAssessmentRequest, labelFor, onSaved });

  const submit = () =>
    form.submit({ expectedVersion: view.version, threatLevel, summary, scenarios: scenarioLines(scenarios), validUntil }, (errors) =>
      requireWrittenText(errors, 'summary', summary),
    );

  return (
    <ActionPanel title={t('assessmentForm.heading')} submitLabel={t('assessmentForm.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <RadioField
        name="threatLevel"
        legend={t('assessmentForm.threatLevel')}
        value={threatLevel}
        onChange={setThreatLevel}
        options={THREAT_LEVELS.map((level) => ({ value: level, label: enumLabel(t, 'threatLevel', level) }))}
        error={form.errors.message('threatLevel')}
      />
      <TextareaField name="summary" label={t('assessmentForm.summary')} description={t('assessmentForm.summaryHelp')} rows={8} value={summary} onChange={setSummary} error={form.errors.message('summary')} />
      <TextareaField
        name="scenarios"
        label={t('assessmentForm.scenarios')}
        description={t('assessmentForm.scenariosHelp')}
        rows={4}
        value={scenarios}
        onChange={setScenarios}
        error={form.errors.entries.find((e) => e.field.startsWith('scenarios'))?.message}
      />
      <TextField name="validUntil" type="date" label={t('assessmentForm.validUntil')} value={validUntil} onChange={setValidUntil} error={form.errors.message('validUntil')} />
    </ActionPanel>
  );
}
