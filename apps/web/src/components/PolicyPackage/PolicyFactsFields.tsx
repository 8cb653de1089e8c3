import { useTranslation } from 'react-i18next';
import { Fieldset } from '@rijkshuisstijl-community/components-react';
import type { PolicyPrefill } from '@hoeder/contracts';
import { ACTIVITY_DOMAINS, NATIONAL_PHENOMENA, type CaseFacts } from '@hoeder/domain';
import { enumLabel } from '../../i18n/enums';
import { CheckboxField, RadioField, SelectField } from '../FormFields/FormFields';
import { domainLabel } from './labels';

const PHENOMENA = NATIONAL_PHENOMENA;
const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;

export type FactsDraft = Omit<CaseFacts, 'phenomenon' | 'threatLevel'> & { phenomenon: CaseFacts['phenomenon'] | ''; threatLevel: CaseFacts['threatLevel'] | '' };

type Prefill = Pick<PolicyPrefill, 'phenomenon' | 'threatLevel'> & Partial<Pick<PolicyPrefill, 'ownResistance' | 'employerMeasures'>>;

/** From the case and its final DAF judgement where known, else defaults; the decision maker checks every one. */
export const initialFacts = (prefill?: Prefill): FactsDraft => ({
  phenomenon: (prefill?.phenomenon ?? '') as FactsDraft['phenomenon'],
  threatLevel: (prefill?.threatLevel ?? '') as FactsDraft['threatLevel'],
  ownResistance: prefill?.ownResistance ?? 'partial',
  threatDuration: 'long',
  activityDomains: [...ACTIVITY_DOMAINS],
  cooperation: true,
  integrityRisk: false,
  employerMeasures: prefill?.employerMeasures ?? 'partial',
  hasPartner: false,
  hasChildren: false,
});

interface Props {
  facts: FactsDraft;
  onChange: (facts: FactsDraft) => void;
  error: (field: string) => string | undefined;
}

/** The facts the package policy weighs (DOMAIN §5), as a decision maker states them. */
export function PolicyFactsFields({ facts, onChange, error }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => onChange({ ...facts, [key]: value });
  const toggleDomain = (d: (typeof ACTIVITY_DOMAINS)[number], on: boolean) =>
    set('activityDomains', ACTIVITY_DOMAINS.filter((x) => (x === d ? on : facts.activityDomains.includes(x))));
  return (
    <Fieldset legend={t('policy.facts.legend')}>
      <SelectField name="facts.phenomenon" label={t('policy.facts.phenomenon')} description={t('policy.facts.help')} value={facts.phenomenon} onChange={(v) => set('phenomenon', v as FactsDraft['phenomenon'])} placeholder="—" options={PHENOMENA.map((p) => ({ value: p, label: enumLabel(t, 'phenomenon', p) }))} error={error('facts.phenomenon')} />
      <SelectField name="facts.threatLevel" label={t('policy.facts.threatLevel')} value={facts.threatLevel} onChange={(v) => set('threatLevel', v as FactsDraft['threatLevel'])} placeholder="—" options={LEVELS.map((l) => ({ value: l, label: enumLabel(t, 'threatLevel', l) }))} error={error('facts.threatLevel')} />
      <RadioField name="facts.ownResistance" legend={t('policy.facts.ownResistance')} value={facts.ownResistance} onChange={(v) => set('ownResistance', v as FactsDraft['ownResistance'])} options={(['sufficient', 'partial', 'insufficient'] as const).map((v) => ({ value: v, label: t(`policy.values.${v}`) }))} error={error('facts.ownResistance')} />
      <RadioField name="facts.threatDuration" legend={t('policy.facts.threatDuration')} value={facts.threatDuration} onChange={(v) => set('threatDuration', v as FactsDraft['threatDuration'])} options={(['short', 'long'] as const).map((v) => ({ value: v, label: t(`policy.values.${v}`) }))} error={error('facts.threatDuration')} />
      <SelectField name="facts.employerMeasures" label={t('policy.facts.employerMeasures')} value={facts.employerMeasures} onChange={(v) => set('employerMeasures', v as FactsDraft['employerMeasures'])} options={(['adequate', 'partial', 'none', 'not_applicable'] as const).map((v) => ({ value: v, label: t(v === 'partial' ? 'policy.values.partialEmployer' : `policy.values.${v}`) }))} error={error('facts.employerMeasures')} />
      <Fieldset legend={t('policy.facts.activityDomains')}>
        {ACTIVITY_DOMAINS.map((d) => (
          <CheckboxField key={d} name={`facts.activityDomains.${d}`} label={domainLabel(t, d)} checked={facts.activityDomains.includes(d)} onChange={(on) => toggleDomain(d, on)} />
        ))}
      </Fieldset>
      <Fieldset legend={t('policy.facts.circumstances')}>
        {(['cooperation', 'integrityRisk', 'hasPartner', 'hasChildren'] as const).map((k) => (
          <CheckboxField key={k} name={`facts.${k}`} label={t(`policy.facts.${k}`)} checked={facts[k]} onChange={(on) => set(k, on)} />
        ))}
      </Fieldset>
    </Fieldset>
  );
}
