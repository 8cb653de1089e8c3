import { useTranslation } from 'react-i18next';
import { Fieldset, Paragraph } from '@rijkshuisstijl-community/components-react';
import { recommendTriage, rulesetInEffect, THREAT_PHENOMENA, TRIAGE_RULESETS, type TriageFacts } from '@hoeder/domain';
import { enumLabel } from '../../i18n/enums';
import { CheckboxField, SelectField } from '../FormFields/FormFields';

const FACT_FLAGS = ['onLimitedList', 'inWitnessProtectionTrack', 'ownResistanceSufficient'] as const;

interface Props {
  facts: TriageFacts;
  onChange: (facts: TriageFacts) => void;
  phenomenonError: string | undefined;
}

/**
 * The facts the triage criteria weigh, with the criteria's recommendation shown as they change.
 * The server records its own recommendation; this preview uses the same versioned rules.
 */
export function TriageFactsFields({ facts, onChange, phenomenonError }: Props) {
  const { t } = useTranslation();
  const ruleset = rulesetInEffect(TRIAGE_RULESETS, new Date().toISOString());
  const recommendation = ruleset ? recommendTriage(ruleset, facts) : undefined;
  return (
    <>
      <Fieldset legend={t('triageForm.factsLegend')}>
        <SelectField
          name="phenomenon"
          label={t('triageForm.phenomenon')}
          value={facts.phenomenon}
          onChange={(v) => onChange({ ...facts, phenomenon: v as TriageFacts['phenomenon'] })}
          options={THREAT_PHENOMENA.map((p) => ({ value: p, label: enumLabel(t, 'phenomenon', p) }))}
          error={phenomenonError}
        />
        {FACT_FLAGS.map((flag) => (
          <CheckboxField key={flag} name={flag} label={t(`triageForm.${flag}`)} checked={facts[flag]} onChange={(checked) => onChange({ ...facts, [flag]: checked })} />
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
    </>
  );
}
