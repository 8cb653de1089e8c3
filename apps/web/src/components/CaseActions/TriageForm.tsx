import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TriageRequest, type CaseView } from '@hoeder/contracts';
import { LOCAL_AUTHORITIES, TRIAGE_OUTCOMES, type TriageFacts } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { optionalText, requireWrittenText, type FieldErrors } from '../../lib/validation';
import { RadioField, SelectField, TextareaField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { TriageFactsFields } from './TriageFactsFields';
import { useCommandForm } from './useCommandForm';

/** Hand-offs need a recipient and a note (local domain) or a note (witness protection). */
function requireHandOff(errors: FieldErrors, outcome: string, handOffTo: string, note: string): FieldErrors {
  const next = { ...errors };
  if (outcome === 'local_domain' && !handOffTo) next.handOffTo ??= { key: 'validation.choose' };
  if ((outcome === 'local_domain' || outcome === 'witness_protection') && !note.trim()) next.handOffNote ??= { key: 'validation.required' };
  return next;
}

export function TriageForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<TriageFacts>({
    phenomenon: view.intake?.reportedPhenomenon ?? view.summary.phenomenon,
    onLimitedList: false,
    inWitnessProtectionTrack: false,
    ownResistanceSufficient: false,
  });
  const [outcome, setOutcome] = useState('');
  const [motivation, setMotivation] = useState('');
  const [handOffTo, setHandOffTo] = useState('');
  const [handOffNote, setHandOffNote] = useState('');
  const labelFor = (field: string) => untyped(t)(`triageForm.${field.replace(/^facts\./, '')}`);
  const form = useCommandForm({ caseId: view.caseId, path: 'triage', schema: TriageRequest, labelFor, onSaved });

  const handsOff = outcome === 'local_domain' || outcome === 'witness_protection';

  const submit = () =>
    form.submit(
      {
        expectedVersion: view.version,
        facts,
        outcome,
        motivation,
        handOffTo: outcome === 'local_domain' ? optionalText(handOffTo) : undefined,
        handOffNote: handsOff ? optionalText(handOffNote) : undefined,
      },
      (errors) => requireHandOff(requireWrittenText(errors, 'motivation', motivation), outcome, handOffTo, handOffNote),
    );

  return (
    <ActionPanel title={t('triageForm.heading')} submitLabel={t('triageForm.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <TriageFactsFields facts={facts} onChange={setFacts} phenomenonError={form.errors.message('facts.phenomenon')} />
      <RadioField
        name="outcome"
        legend={t('triageForm.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={TRIAGE_OUTCOMES.map((o) => ({ value: o, label: enumLabel(t, 'triageOutcome', o) }))}
        error={form.errors.message('outcome')}
      />
      <TextareaField name="motivation" label={t('triageForm.motivation')} description={t('triageForm.motivationHelp')} value={motivation} onChange={setMotivation} error={form.errors.message('motivation')} />
      {outcome === 'local_domain' && (
        <SelectField
          name="handOffTo"
          label={t('triageForm.handOffTo')}
          value={handOffTo}
          onChange={setHandOffTo}
          placeholder={t('forms.choose')}
          options={LOCAL_AUTHORITIES.map((a) => ({ value: a, label: enumLabel(t, 'handOffTo', a) }))}
          error={form.errors.message('handOffTo')}
        />
      )}
      {handsOff && <TextareaField name="handOffNote" label={t('triageForm.handOffNote')} rows={3} value={handOffNote} onChange={setHandOffNote} error={form.errors.message('handOffNote')} />}
    </ActionPanel>
  );
}
