import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@rijkshuisstijl-community/components-react';
import { ReviseDraftRequest, type AssessmentView } from '@hoeder/contracts';
import { assessment, RESISTANCE_LEVELS, THREAT_LEVELS } from '@hoeder/domain';
import { enumLabel } from '../../i18n/enums';
import { CheckboxField, RadioField, SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { ActionPanel } from '../../components/CaseActions/ActionPanel';
import { useCommandForm } from '../../components/CaseActions/useCommandForm';
import { AssumptionList, GapList, ScenarioList } from './DraftLists';
import { contentFrom, draftFrom, type DraftState } from './draftState';
import { dafFieldLabel, dafLabel, providerLabel } from './labels';

type JudgementField = (typeof assessment.JUDGEMENT_FIELDS)[number];

interface Props {
  caseId: string;
  version: number;
  draft: AssessmentView['versions'][number];
  items: AssessmentView['items'];
  template: assessment.MethodTemplate | undefined;
  onSaved: (version: number) => void;
}

/** The scale of each part of the integrated judgement (OvV 4a). */
function levels(t: Parameters<typeof dafLabel>[0], field: JudgementField) {
  if (field === 'threat' || field === 'residualRisk') return THREAT_LEVELS.map((l) => ({ value: l, label: enumLabel(t, 'threatLevel', l) }));
  if (field === 'requiredResistance') return RESISTANCE_LEVELS.map((l) => ({ value: l, label: enumLabel(t, 'resistanceLevel', l) }));
  const scale = field === 'measuresEffectiveness' ? assessment.EFFECTIVENESS : assessment.OWN_RESISTANCE;
  return scale.map((l) => ({ value: l, label: dafLabel(t, 'level', l) }));
}

/** The author's draft: integrated judgement, scenarios, assumptions, gaps, template ratings, items. */
export function DraftEditor({ caseId, version, draft, items, template, onSaved }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState<DraftState>(() => draftFrom(draft.content as assessment.AssessmentContent));
  const form = useCommandForm({ caseId, path: 'assessment/draft', schema: ReviseDraftRequest, labelFor: dafFieldLabel(t), onSaved });
  const err = (path: string) => form.errors.message(`content.${path}`) ?? form.errors.message(path);
  const patch = (p: Partial<DraftState>) => setD((s) => ({ ...s, ...p }));
  const setJudgement = (field: JudgementField, part: 'level' | 'motivation') => (value: string) =>
    setD((s) => ({ ...s, judgement: { ...s.judgement, [field]: { ...s.judgement[field], [part]: value } } }));
  const setRating = (key: string, part: 'value' | 'rationale') => (value: string) =>
    setD((s) => ({ ...s, ratings: { ...s.ratings, [key]: { value: s.ratings[key]?.value ?? '', rationale: s.ratings[key]?.rationale ?? '', [part]: value } } }));
  const toggleItem = (itemId: string) => (checked: boolean) =>
    patch({ basedOnItemIds: checked ? [...d.basedOnItemIds, itemId] : d.basedOnItemIds.filter((id) => id !== itemId) });

  const submit = () => form.submit({ expectedVersion: version, content: contentFrom(d, draft.content) });

  return (
    <ActionPanel level={2} title={t('daf.draft.heading', { n: draft.versionNumber })} submitLabel={t('daf.draft.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Fieldset legend={t('daf.version.judgement')}>
        {assessment.JUDGEMENT_FIELDS.map((field) => (
          <Fieldset key={field} legend={dafLabel(t, 'judgement', field)}>
            <SelectField name={`judgement.${field}.level`} label={t('daf.version.level')} value={d.judgement[field].level} onChange={setJudgement(field, 'level')} options={levels(t, field)} placeholder={t('forms.choose')} error={err(`judgement.${field}.level`)} />
            <TextareaField name={`judgement.${field}.motivation`} label={t('daf.version.motivation')} rows={3} value={d.judgement[field].motivation} onChange={setJudgement(field, 'motivation')} error={err(`judgement.${field}.motivation`) ?? err(`judgement.${field}`)} />
          </Fieldset>
        ))}
      </Fieldset>
      <ScenarioList items={d.scenarios} onChange={(scenarios) => patch({ scenarios })} err={err} />
      <AssumptionList items={d.assumptions} onChange={(assumptions) => patch({ assumptions })} err={err} />
      <GapList items={d.gaps} onChange={(gaps) => patch({ gaps })} err={err} />
      {template && (
        <Fieldset legend={t('daf.draft.ratings', { template: template.title })}>
          {template.items.map((item) => (
            <Fieldset key={item.key} legend={item.question}>
              <RadioField
                name={`ratings.${item.key}`}
                legend={t('daf.draft.rating')}
                value={d.ratings[item.key]?.value ?? ''}
                onChange={setRating(item.key, 'value')}
                options={[...item.options, { value: assessment.UNKNOWN, label: t('daf.draft.unknown') }]}
              />
              <TextField name={`ratings.${item.key}.rationale`} label={t('daf.draft.rationale')} value={d.ratings[item.key]?.rationale ?? ''} onChange={setRating(item.key, 'rationale')} />
            </Fieldset>
          ))}
        </Fieldset>
      )}
      <Fieldset legend={t('daf.draft.basedOn')}>
        {items.map((i) => (
          <CheckboxField
            key={i.itemId}
            name={`basedOn.${i.itemId}`}
            label={`${dafLabel(t, 'kind', i.kind)} — ${providerLabel(t, i)}${i.released ? `: ${i.title}` : ''} (${i.grading.reliability}${i.grading.credibility})`}
            checked={d.basedOnItemIds.includes(i.itemId)}
            onChange={toggleItem(i.itemId)}
          />
        ))}
      </Fieldset>
    </ActionPanel>
  );
}
