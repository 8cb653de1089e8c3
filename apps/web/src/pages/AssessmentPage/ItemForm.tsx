import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegisterItemRequest } from '@hoeder/contracts';
import { assessment, CLASSIFICATIONS } from '@hoeder/domain';
import { enumLabel } from '../../i18n/enums';
import { optionalText } from '../../lib/validation';
import { RadioField, SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { ActionPanel } from '../../components/CaseActions/ActionPanel';
import { useCommandForm } from '../../components/CaseActions/useCommandForm';
import { dafFieldLabel, dafLabel } from './labels';

interface Props {
  caseId: string;
  version: number;
  onSaved: (version: number) => void;
}

const EMPTY = {
  kind: 'product',
  originator: '',
  framework: '',
  article: '',
  partnerReference: '',
  sourceDescription: '',
  classification: '',
  releaseCondition: '',
  receivedOn: '',
  validUntil: '',
  reliability: '',
  credibility: '',
  title: '',
  content: '',
};

/** Registers an information product from a partner, or soft information, with its Admiralty grading. */
export function ItemForm({ caseId, version, onSaved }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState(EMPTY);
  const set = (field: keyof typeof EMPTY) => (value: string) => setV((s) => ({ ...s, [field]: value }));
  const form = useCommandForm({ caseId, path: 'assessment/items', schema: RegisterItemRequest, labelFor: dafFieldLabel(t), onSaved });
  const err = (field: string) => form.errors.message(`item.${field}`);
  const product = v.kind === 'product';

  const submit = () => {
    const base = {
      kind: v.kind,
      classification: v.classification,
      releaseCondition: v.releaseCondition,
      receivedOn: v.receivedOn,
      validUntil: optionalText(v.validUntil),
      grading: { reliability: v.reliability, credibility: v.credibility === '' ? undefined : Number(v.credibility) },
      title: v.title,
      content: v.content,
    };
    const item = product
      ? { ...base, originator: v.originator, legalBasis: { framework: v.framework, article: v.article }, partnerReference: v.partnerReference }
      : { ...base, sourceDescription: v.sourceDescription };
    form.submit({ expectedVersion: version, item });
  };
  const options = (group: string, values: readonly (string | number)[]) => values.map((value) => ({ value: String(value), label: dafLabel(t, group, value) }));

  return (
    <ActionPanel title={t('daf.itemForm.heading')} submitLabel={t('daf.itemForm.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <RadioField name="item.kind" legend={t('daf.fields.kind')} value={v.kind} onChange={set('kind')} options={options('kind', ['product', 'soft_information'])} error={err('kind')} />
      {product ? (
        <>
          <SelectField name="item.originator" label={t('daf.fields.originator')} value={v.originator} onChange={set('originator')} options={options('originator', assessment.PARTNERS)} placeholder={t('forms.choose')} error={err('originator')} />
          <SelectField name="item.legalBasis.framework" label={t('daf.fields.legalFramework')} value={v.framework} onChange={set('framework')} options={options('legalFramework', assessment.LEGAL_FRAMEWORKS)} placeholder={t('forms.choose')} error={err('legalBasis.framework')} />
          <TextField name="item.legalBasis.article" label={t('daf.fields.article')} description={t('daf.itemForm.articleHelp')} value={v.article} onChange={set('article')} error={err('legalBasis.article')} />
          <TextField name="item.partnerReference" label={t('daf.fields.partnerReference')} value={v.partnerReference} onChange={set('partnerReference')} error={err('partnerReference')} />
        </>
      ) : (
        <TextField name="item.sourceDescription" label={t('daf.fields.sourceDescription')} description={t('daf.itemForm.sourceHelp')} value={v.sourceDescription} onChange={set('sourceDescription')} error={err('sourceDescription')} />
      )}
      <SelectField name="item.classification" label={t('daf.fields.classification')} value={v.classification} onChange={set('classification')} options={CLASSIFICATIONS.map((c) => ({ value: c, label: enumLabel(t, 'classification', c) }))} placeholder={t('forms.choose')} error={err('classification')} />
      <RadioField name="item.releaseCondition" legend={t('daf.fields.releaseCondition')} description={t('daf.itemForm.releaseHelp')} value={v.releaseCondition} onChange={set('releaseCondition')} options={options('releaseCondition', assessment.RELEASE_CONDITIONS)} error={err('releaseCondition')} />
      <TextField name="item.receivedOn" type="date" label={t('daf.fields.receivedOn')} value={v.receivedOn} onChange={set('receivedOn')} error={err('receivedOn')} />
      <TextField name="item.validUntil" type="date" label={t('daf.fields.itemValidUntil')} value={v.validUntil} onChange={set('validUntil')} error={err('validUntil')} />
      <SelectField name="item.grading.reliability" label={t('daf.fields.reliability')} value={v.reliability} onChange={set('reliability')} options={options('reliability', assessment.SOURCE_RELIABILITY)} placeholder={t('forms.choose')} error={err('grading.reliability')} />
      <SelectField name="item.grading.credibility" label={t('daf.fields.credibility')} value={v.credibility} onChange={set('credibility')} options={options('credibility', assessment.INFORMATION_CREDIBILITY)} placeholder={t('forms.choose')} error={err('grading.credibility') ?? err('grading')} />
      <TextField name="item.title" label={t('daf.fields.title')} value={v.title} onChange={set('title')} error={err('title')} />
      <TextareaField name="item.content" label={t('daf.fields.content')} rows={5} value={v.content} onChange={set('content')} error={err('content')} />
    </ActionPanel>
  );
}
