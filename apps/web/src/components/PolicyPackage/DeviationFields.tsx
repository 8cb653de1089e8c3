import { useTranslation } from 'react-i18next';
import { Fieldset } from '@rijkshuisstijl-community/components-react';
import { MEASURE_DOMAINS, OFFERABLE_CARE_MODULES, OFFERABLE_MEASURES, RESISTANCE_LEVELS } from '@hoeder/domain';
import type { DecisionPackageDto } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { CheckboxField, SelectField, TextareaField } from '../FormFields/FormFields';
import { domainLabel, measureLabel } from './labels';

interface Props {
  offered: DecisionPackageDto;
  onChange: (offered: DecisionPackageDto) => void;
  motivation: string;
  onMotivation: (text: string) => void;
  error: (field: string) => string | undefined;
}

const toggle = (list: readonly string[], code: string, on: boolean) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code));

/** A package other than the policy's proposal, with the written motivation a deviation needs. */
export function DeviationFields({ offered, onChange, motivation, onMotivation, error }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('policy.decide.deviationHeading')}>
      <SelectField name="offered.resistanceLevel" label={t('policy.decide.level')} value={offered.resistanceLevel} onChange={(v) => onChange({ ...offered, resistanceLevel: v as DecisionPackageDto['resistanceLevel'] })} options={RESISTANCE_LEVELS.map((l) => ({ value: l, label: enumLabel(t, 'resistanceLevel', l) }))} error={error('offered.resistanceLevel')} />
      {MEASURE_DOMAINS.map((d) => (
        <Fieldset key={d} legend={`${t('policy.decide.measures')}: ${domainLabel(t, d)}`}>
          {OFFERABLE_MEASURES[d].map((m) => (
            <CheckboxField key={m} name={`offered.measures.${d}.${m}`} label={measureLabel(t, m)} checked={offered.measures[d].includes(m)} onChange={(on) => onChange({ ...offered, measures: { ...offered.measures, [d]: toggle(offered.measures[d], m, on) } })} />
          ))}
        </Fieldset>
      ))}
      <Fieldset legend={t('policy.decide.care')}>
        {OFFERABLE_CARE_MODULES.map((m) => (
          <CheckboxField key={m} name={`offered.careModules.${m}`} label={measureLabel(t, m)} checked={offered.careModules.includes(m)} onChange={(on) => onChange({ ...offered, careModules: toggle(offered.careModules, m, on) })} />
        ))}
      </Fieldset>
      <SelectField name="offered.reviewPeriodMonths" label={t('policy.decide.reviewPeriodMonths')} value={String(offered.reviewPeriodMonths)} onChange={(v) => onChange({ ...offered, reviewPeriodMonths: Number(v) })} options={['1', '3', '6', '12'].map((m) => ({ value: m, label: m }))} error={error('offered.reviewPeriodMonths')} />
      <TextareaField name="deviationMotivation" label={t('policy.decide.deviationMotivation')} description={t('policy.decide.deviationHelp')} rows={4} value={motivation} onChange={onMotivation} error={error('deviationMotivation')} />
    </Fieldset>
  );
}
