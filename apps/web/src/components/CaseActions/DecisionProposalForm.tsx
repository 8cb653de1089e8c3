import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { ProposeDecisionRequest, type CaseView } from '@hoeder/contracts';
import { PACKAGE_CATALOGUE, RESISTANCE_LEVELS } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { requireWrittenText } from '../../lib/validation';
import { RadioField, TextareaField, TextField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { packagesFor } from './actionOptions';
import { useCommandForm } from './useCommandForm';

export function DecisionProposalForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const [resistanceLevel, setResistanceLevel] = useState('');
  const [packageCode, setPackageCode] = useState('');
  const [motivation, setMotivation] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const labelFor = (field: string) => untyped(t)(`decisionForm.${field === 'packageCode' ? 'package' : field}`);
  const form = useCommandForm({ caseId: view.caseId, path: 'decisions', schema: ProposeDecisionRequest, labelFor, onSaved });
  const packages = packagesFor(resistanceLevel);

  const chooseLevel = (level: string) => {
    setResistanceLevel(level);
    if (!packagesFor(level).some((p) => p.code === packageCode)) setPackageCode('');
  };
  const submit = () =>
    form.submit({ expectedVersion: view.version, resistanceLevel, packageCode, motivation, reviewDate }, (errors) => requireWrittenText(errors, 'motivation', motivation));
  const measuresOf = (code: string) =>
    PACKAGE_CATALOGUE.find((p) => p.code === code)
      ?.measures.map((m) => `${enumLabel(t, 'measureDomain', m.domain)}: ${enumLabel(t, 'measure', m.measure)}`)
      .join('; ');

  return (
    <ActionPanel title={t('decisionForm.heading')} submitLabel={t('decisionForm.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Paragraph>{t('decisionForm.basedOn')}</Paragraph>
      <RadioField
        name="resistanceLevel"
        legend={t('decisionForm.resistanceLevel')}
        value={resistanceLevel}
        onChange={chooseLevel}
        options={RESISTANCE_LEVELS.map((level) => ({ value: level, label: enumLabel(t, 'resistanceLevel', level) }))}
        error={form.errors.message('resistanceLevel')}
      />
      <RadioField
        name="packageCode"
        legend={t('decisionForm.package')}
        description={t('decisionForm.packageHelp')}
        value={packageCode}
        onChange={setPackageCode}
        options={packages.map((p) => ({ value: p.code, label: enumLabel(t, 'package', p.code), description: measuresOf(p.code) }))}
        error={form.errors.message('packageCode')}
      />
      <TextareaField name="motivation" label={t('decisionForm.motivation')} rows={6} value={motivation} onChange={setMotivation} error={form.errors.message('motivation')} />
      <TextField name="reviewDate" type="date" label={t('decisionForm.reviewDate')} value={reviewDate} onChange={setReviewDate} error={form.errors.message('reviewDate')} />
    </ActionPanel>
  );
}
