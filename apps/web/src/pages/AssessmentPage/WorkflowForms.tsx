import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { FinaliseAssessmentRequest, RecordChallengeRequest, ReturnToDraftRequest, StartDraftRequest, SubmitForChallengeRequest } from '@hoeder/contracts';
import { assessment, CLASSIFICATIONS } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { optionalText, requireWrittenText } from '../../lib/validation';
import { RadioField, SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { ActionPanel } from '../../components/CaseActions/ActionPanel';
import { useCommandForm } from '../../components/CaseActions/useCommandForm';
import { dafFieldLabel, dafLabel } from './labels';

interface FormProps {
  caseId: string;
  version: number;
  onSaved: (version: number) => void;
}

export function StartDraftForm({ caseId, version, onSaved, templates, reasonNeeded }: FormProps & { templates: readonly assessment.MethodTemplate[]; reasonNeeded: boolean }) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState('');
  const [classification, setClassification] = useState('stg_confidential');
  const [reason, setReason] = useState('');
  const form = useCommandForm({ caseId, path: 'assessment/drafts', schema: StartDraftRequest, labelFor: dafFieldLabel(t), onSaved });
  const chosen = templates.find((x) => `${x.templateId}@${x.version}` === template);
  const submit = () =>
    form.submit({ expectedVersion: version, template: chosen && { templateId: chosen.templateId, version: chosen.version }, classification, reasonForChange: optionalText(reason) }, (errors) =>
      reasonNeeded ? requireWrittenText(errors, 'reasonForChange', reason) : errors,
    );
  return (
    <ActionPanel level={2} title={t('daf.start.heading')} submitLabel={t('daf.start.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <SelectField name="template" label={t('daf.fields.template')} description={t('daf.start.templateHelp')} value={template} onChange={setTemplate} options={templates.map((x) => ({ value: `${x.templateId}@${x.version}`, label: `${dafLabel(t, 'phenomenon', x.phenomenon)} — ${x.title} (v${x.version})` }))} placeholder={t('forms.choose')} error={form.errors.message('template')} />
      <SelectField name="classification" label={t('daf.fields.classification')} value={classification} onChange={setClassification} options={CLASSIFICATIONS.map((c) => ({ value: c, label: enumLabel(t, 'classification', c) }))} error={form.errors.message('classification')} />
      {reasonNeeded && <TextareaField name="reasonForChange" label={t('daf.fields.reasonForChange')} rows={3} value={reason} onChange={setReason} error={form.errors.message('reasonForChange')} />}
    </ActionPanel>
  );
}

export function SubmitForm({ caseId, version, onSaved }: FormProps) {
  const { t } = useTranslation();
  const form = useCommandForm({ caseId, path: 'assessment/submit', schema: SubmitForChallengeRequest, labelFor: dafFieldLabel(t), onSaved });
  return (
    <ActionPanel level={2} title={t('daf.submitForm.heading')} submitLabel={t('daf.submitForm.submit')} onSubmit={() => form.submit({ expectedVersion: version })} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Paragraph>{t('daf.submitForm.help')}</Paragraph>
    </ActionPanel>
  );
}

export function ChallengeForm({ caseId, version, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState('');
  const [reasons, setReasons] = useState('');
  const form = useCommandForm({ caseId, path: 'assessment/challenges', schema: RecordChallengeRequest, labelFor: dafFieldLabel(t), onSaved });
  const submit = () => form.submit({ expectedVersion: version, verdict, reasons }, (errors) => requireWrittenText(errors, 'reasons', reasons));
  return (
    <ActionPanel level={2} title={t('daf.challenge.heading')} submitLabel={t('daf.challenge.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Paragraph>{t('daf.challenge.help')}</Paragraph>
      <RadioField name="verdict" legend={t('daf.fields.verdict')} value={verdict} onChange={setVerdict} options={assessment.CHALLENGE_VERDICTS.map((v) => ({ value: v, label: dafLabel(t, 'verdict', v) }))} error={form.errors.message('verdict')} />
      <TextareaField name="reasons" label={t('daf.fields.reasons')} rows={4} value={reasons} onChange={setReasons} error={form.errors.message('reasons')} />
    </ActionPanel>
  );
}

export function FinaliseForm({ caseId, version, onSaved, dissent }: FormProps & { dissent: boolean }) {
  const { t } = useTranslation();
  const [validUntil, setValidUntil] = useState('');
  const [expectedDuration, setExpectedDuration] = useState('');
  const [response, setResponse] = useState('');
  const ut = untyped(t);
  const labelFor = (field: string) => (field === 'expectedDuration' ? ut('recordLinks.expectedDuration.label') : dafFieldLabel(t)(field));
  const form = useCommandForm({ caseId, path: 'assessment/finalise', schema: FinaliseAssessmentRequest, labelFor, onSaved });
  const submit = () =>
    form.submit({ expectedVersion: version, validUntil, expectedDuration, responseToDissent: optionalText(response) }, (errors) => (dissent ? requireWrittenText(errors, 'responseToDissent', response) : errors));
  return (
    <ActionPanel level={2} title={t('daf.finalise.heading')} submitLabel={t('daf.finalise.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Paragraph>{t('daf.finalise.help')}</Paragraph>
      <TextField name="validUntil" type="date" label={t('daf.fields.validUntil')} value={validUntil} onChange={setValidUntil} error={form.errors.message('validUntil')} />
      <SelectField
        name="expectedDuration"
        label={ut('recordLinks.expectedDuration.label')}
        description={ut('recordLinks.expectedDuration.help')}
        value={expectedDuration}
        onChange={setExpectedDuration}
        options={assessment.EXPECTED_THREAT_DURATIONS.map((d) => ({ value: d, label: ut(`recordLinks.expectedDuration.codes.${d}`) }))}
        placeholder={t('forms.choose')}
        error={form.errors.message('expectedDuration')}
      />
      {dissent && <TextareaField name="responseToDissent" label={t('daf.fields.responseToDissent')} description={t('daf.finalise.dissentHelp')} rows={4} value={response} onChange={setResponse} error={form.errors.message('responseToDissent')} />}
    </ActionPanel>
  );
}

export function ReturnToDraftForm({ caseId, version, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useCommandForm({ caseId, path: 'assessment/return-to-draft', schema: ReturnToDraftRequest, labelFor: dafFieldLabel(t), onSaved });
  const submit = () => form.submit({ expectedVersion: version, reason }, (errors) => requireWrittenText(errors, 'reason', reason));
  return (
    <ActionPanel level={2} title={t('daf.returnForm.heading')} submitLabel={t('daf.returnForm.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <TextareaField name="reason" label={t('daf.fields.reason')} rows={3} value={reason} onChange={setReason} error={form.errors.message('reason')} />
    </ActionPanel>
  );
}
