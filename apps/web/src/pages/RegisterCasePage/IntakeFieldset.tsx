import { useTranslation } from 'react-i18next';
import { Fieldset } from '@rijkshuisstijl-community/components-react';
import { CLASSIFICATIONS, REFERRAL_SOURCES, THREAT_PHENOMENA } from '@hoeder/domain';
import { SelectField, TextareaField } from '../../components/FormFields/FormFields';
import { enumLabel, type EnumGroup } from '../../i18n/enums';
import type { RegisterDraft } from './registerDraft';

interface Props {
  draft: RegisterDraft;
  onChange: (patch: Partial<RegisterDraft>) => void;
  error: (field: string) => string | undefined;
}

/** Who referred the case, what is reported and how it is classified. */
export function IntakeFieldset({ draft, onChange, error }: Props) {
  const { t } = useTranslation();
  const options = (group: EnumGroup, values: readonly string[]) => values.map((value) => ({ value, label: enumLabel(t, group, value) }));
  return (
    <Fieldset legend={t('register.intakeLegend')}>
      <SelectField name="referralSource" label={t('register.referralSource')} value={draft.referralSource} onChange={(v) => onChange({ referralSource: v })} options={options('referralSource', REFERRAL_SOURCES)} placeholder={t('forms.choose')} error={error('referralSource')} />
      <TextareaField name="referrerDescription" label={t('register.referrerDescription')} description={t('register.referrerDescriptionHelp')} rows={2} value={draft.referrerDescription} onChange={(v) => onChange({ referrerDescription: v })} error={error('referrerDescription')} />
      <SelectField name="reportedPhenomenon" label={t('register.reportedPhenomenon')} value={draft.reportedPhenomenon} onChange={(v) => onChange({ reportedPhenomenon: v })} options={options('phenomenon', THREAT_PHENOMENA)} placeholder={t('forms.choose')} error={error('reportedPhenomenon')} />
      <TextareaField name="firstInformation" label={t('register.firstInformation')} description={t('register.firstInformationHelp')} rows={6} value={draft.firstInformation} onChange={(v) => onChange({ firstInformation: v })} error={error('firstInformation')} />
      <SelectField name="classification" label={t('register.classification')} value={draft.classification} onChange={(v) => onChange({ classification: v })} options={options('classification', CLASSIFICATIONS)} placeholder={t('forms.choose')} error={error('classification')} />
    </Fieldset>
  );
}
