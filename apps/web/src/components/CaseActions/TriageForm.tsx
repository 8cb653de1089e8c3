import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset, Paragraph } from '@rijkshuisstijl-community/components-react';
import { TriageRequest, type CaseView } from '@hoeder/contracts';
import { LOCAL_AUTHORITIES, recommendTriage, rulesetInEffect, THREAT_PHENOMENA, TRIAGE_OUTCOMES, TRIAGE_RULESETS, type TriageFacts } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { optionalText, requireWrittenText, type FieldErrors } from '../../lib/validation';
import { CheckboxField, RadioField, SelectField, TextareaField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { useCommandForm } from './useCommandForm';

const FACT_FLAGS = ['onLimitedList', 'inWitnessProtectionTrack', 'ownResistanceSufficient'] as const;

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

  const ruleset = rulesetInEffect(TRIAGE_RULESETS, new Date().toISOString());
  const recommendation = ruleset ? recommendTriage(ruleset, facts) : undefined;
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
      <Fieldset legend={t('triageForm.factsLegend')}>
        <SelectField
          name="phenomenon"
          label={t('triageForm.phenomenon')}
          value={facts.phenomenon}
          onChange={(v) => setFacts({ ...facts, phenomenon: v as TriageFacts['phenomenon'] })}
          options={THREAT_PHENOMENA.map((p) => ({ value: p, label: enumLabel(t, 'phenomenon', p) }))}
          error={form.errors.message('facts.phenomenon')}
        />
        {FACT_FLAGS.map((flag) => (
          <CheckboxField key={flag} name={flag} label={t(`triageForm.${flag}`)} checked={facts[flag]} onChange={(checked) => setFacts({ ...facts, [flag]: checked })} />
        ))}
      </Fieldset>
      {recommendation?.ok && (
        <Paragraph className="hoeder-recommendation" role="status">
          {t('triageForm.recommendation', {
            version: recommendation.value.rulesetVersion,
            outcome: enumLabel(t, 'triageOutcome', recommendation.value.outcome),
            rule: recommendation.value.firedRules.map((r) => enumLabel(t, 'triageRule', r)).join('; '),
          })}
        </Paragraph>
      )}
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
