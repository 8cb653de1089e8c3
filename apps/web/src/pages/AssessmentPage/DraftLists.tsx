import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Paragraph } from '@rijkshuisstijl-community/components-react';
import { assessment } from '@hoeder/domain';
import { SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { nextId, type AssumptionInput, type GapInput, type ScenarioInput } from './draftState';
import { dafLabel } from './labels';

type Err = (path: string) => string | undefined;

interface ListProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  err: Err;
}

const update = <T,>(items: T[], i: number, patch: Partial<T>) => items.map((x, n) => (n === i ? { ...x, ...patch } : x));

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" appearance="secondary-action-button" onClick={onClick}>
      {label}
    </Button>
  );
}

export function ScenarioList({ items, onChange, err }: ListProps<ScenarioInput>) {
  const { t } = useTranslation();
  const add = () =>
    onChange([...items, { scenarioId: nextId('s', items.map((s) => s.scenarioId)), actor: '', intent: '', capability: '', target: '', likelihood: '', impact: '', indicators: '', counterMeasures: '' }]);
  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: dafLabel(t, group, v) }));
  return (
    <Fieldset legend={t('daf.version.scenarios')}>
      <Paragraph>{t('daf.draft.scenariosHelp')}</Paragraph>
      {items.map((s, i) => {
        const set = (field: keyof ScenarioInput) => (value: string) => onChange(update(items, i, { [field]: value } as Partial<ScenarioInput>));
        const e = (field: string) => err(`scenarios.${i}.${field}`);
        const n = i + 1;
        return (
          <Fieldset key={s.scenarioId} legend={t('daf.version.scenarioN', { n })}>
            <TextField name={`scenarios.${i}.actor`} label={t('daf.fields.actor')} value={s.actor} onChange={set('actor')} error={e('actor')} />
            <TextField name={`scenarios.${i}.intent`} label={t('daf.fields.intent')} value={s.intent} onChange={set('intent')} error={e('intent')} />
            <TextField name={`scenarios.${i}.capability`} label={t('daf.fields.capability')} value={s.capability} onChange={set('capability')} error={e('capability')} />
            <TextField name={`scenarios.${i}.target`} label={t('daf.fields.target')} value={s.target} onChange={set('target')} error={e('target')} />
            <SelectField name={`scenarios.${i}.likelihood`} label={t('daf.fields.likelihood')} value={s.likelihood} onChange={set('likelihood')} options={options('likelihood', assessment.LIKELIHOODS)} placeholder={t('forms.choose')} error={e('likelihood')} />
            <SelectField name={`scenarios.${i}.impact`} label={t('daf.fields.impact')} value={s.impact} onChange={set('impact')} options={options('impact', assessment.IMPACTS)} placeholder={t('forms.choose')} error={e('impact')} />
            <TextareaField name={`scenarios.${i}.indicators`} label={t('daf.fields.indicators')} description={t('daf.draft.onePerLine')} rows={3} value={s.indicators} onChange={set('indicators')} error={e('indicators')} />
            <TextareaField name={`scenarios.${i}.counterMeasures`} label={t('daf.fields.counterMeasures')} description={t('daf.draft.onePerLine')} rows={3} value={s.counterMeasures} onChange={set('counterMeasures')} error={e('counterMeasures')} />
            <RemoveButton label={t('daf.draft.removeScenario', { n })} onClick={() => onChange(items.filter((_, k) => k !== i))} />
          </Fieldset>
        );
      })}
      <Button type="button" appearance="secondary-action-button" onClick={add}>
        {t('daf.draft.addScenario')}
      </Button>
    </Fieldset>
  );
}

export function AssumptionList({ items, onChange, err }: ListProps<AssumptionInput>) {
  const { t } = useTranslation();
  const add = () => onChange([...items, { assumptionId: nextId('a', items.map((a) => a.assumptionId)), statement: '', basis: '', retestOn: '', trigger: '' }]);
  return (
    <Fieldset legend={t('daf.version.assumptions')}>
      <Paragraph>{t('daf.draft.assumptionsHelp')}</Paragraph>
      {items.map((a, i) => {
        const set = (field: keyof AssumptionInput) => (value: string) => onChange(update(items, i, { [field]: value } as Partial<AssumptionInput>));
        const e = (field: string) => err(`assumptions.${i}.${field}`);
        const n = i + 1;
        return (
          <Fieldset key={a.assumptionId} legend={t('daf.draft.assumptionN', { n })}>
            <TextField name={`assumptions.${i}.statement`} label={t('daf.fields.statement')} value={a.statement} onChange={set('statement')} error={e('statement')} />
            <TextField name={`assumptions.${i}.basis`} label={t('daf.fields.basis')} value={a.basis} onChange={set('basis')} error={e('basis')} />
            <TextField name={`assumptions.${i}.retestOn`} type="date" label={t('daf.fields.retestOn')} value={a.retestOn} onChange={set('retestOn')} error={e('retestOn')} />
            <TextField name={`assumptions.${i}.trigger`} label={t('daf.fields.trigger')} description={t('daf.draft.triggerHelp')} value={a.trigger} onChange={set('trigger')} error={e('trigger')} />
            <RemoveButton label={t('daf.draft.removeAssumption', { n })} onClick={() => onChange(items.filter((_, k) => k !== i))} />
          </Fieldset>
        );
      })}
      <Button type="button" appearance="secondary-action-button" onClick={add}>
        {t('daf.draft.addAssumption')}
      </Button>
    </Fieldset>
  );
}

export function GapList({ items, onChange, err }: ListProps<GapInput>) {
  const { t } = useTranslation();
  const add = () => onChange([...items, { gapId: nextId('g', items.map((g) => g.gapId)), description: '', meaningForJudgement: '' }]);
  return (
    <Fieldset legend={t('daf.version.gaps')}>
      <Paragraph>{t('daf.draft.gapsHelp')}</Paragraph>
      {items.map((g, i) => {
        const set = (field: keyof GapInput) => (value: string) => onChange(update(items, i, { [field]: value } as Partial<GapInput>));
        const n = i + 1;
        return (
          <Fieldset key={g.gapId} legend={t('daf.draft.gapN', { n })}>
            <TextField name={`gaps.${i}.description`} label={t('daf.fields.gapDescription')} value={g.description} onChange={set('description')} error={err(`gaps.${i}.description`)} />
            <TextField name={`gaps.${i}.meaningForJudgement`} label={t('daf.fields.meaningForJudgement')} value={g.meaningForJudgement} onChange={set('meaningForJudgement')} error={err(`gaps.${i}.meaningForJudgement`)} />
            <RemoveButton label={t('daf.draft.removeGap', { n })} onClick={() => onChange(items.filter((_, k) => k !== i))} />
          </Fieldset>
        );
      })}
      <Button type="button" appearance="secondary-action-button" onClick={add}>
        {t('daf.draft.addGap')}
      </Button>
    </Fieldset>
  );
}
