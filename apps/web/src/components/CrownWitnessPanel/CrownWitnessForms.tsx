import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Fieldset, Heading } from '@rijkshuisstijl-community/components-react';
import type { CoordinationView, Me } from '@hoeder/contracts';
import { OFFERABLE_CARE_MODULES, OFFERABLE_MEASURES, OM_RELEASE_OPTIONS, THREAT_LEVELS } from '@hoeder/domain';
import { useCoordinationCommand, type CoordinationPath } from '../../api/coordination';
import { enumLabel } from '../../i18n/enums';
import { domainLabel, measureLabel } from '../PolicyPackage/labels';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { CheckboxField, SelectField, TextareaField, TextField } from '../FormFields/FormFields';
import { useCrownWitnessText } from './crownWitnessText';
import { emptyParticipants, participantsBody, ParticipantsFields } from './ParticipantsFields';

const MEASURES = [...Object.entries(OFFERABLE_MEASURES).flatMap(([domain, ms]) => ms.map((measure) => ({ domain, measure }))), ...OFFERABLE_CARE_MODULES.map((measure) => ({ domain: 'care', measure }))];

/** A titled form that posts one command with the record's version and shows the server's refusal. */
function CommandForm({ view, path, title, submit, body, children, refused }: { view: CoordinationView; path: CoordinationPath; title: string; submit: string; body: () => Record<string, unknown>; children: ReactNode; refused?: string }) {
  const { tc } = useCrownWitnessText();
  const command = useCoordinationCommand(view.caseId, path);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    command.mutate({ expectedVersion: view.version, ...body() });
  };
  return (
    <form onSubmit={onSubmit} aria-label={title} noValidate className="hoeder-form hoeder-action">
      <Heading level={4}>{title}</Heading>
      {refused && command.error?.code === 'RULE_VIOLATION' ? <Alert type="error">{refused}</Alert> : <ApiErrorAlert error={command.error} />}
      {command.isSuccess && <Alert type="ok">{tc('forms.saved')}</Alert>}
      {children}
      <Button type="submit" appearance="primary-action-button" disabled={command.isPending}>
        {submit}
      </Button>
    </form>
  );
}

/** The OM chooses to whom its content is released; nothing is released unless ticked. */
function ReleaseField({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { tc } = useCrownWitnessText();
  return (
    <Fieldset legend={tc('forms.release')}>
      <p className="utrecht-form-field-description">{tc('forms.releaseHint')}</p>
      {OM_RELEASE_OPTIONS.map((o) => (
        <CheckboxField key={o} name={`release-${o}`} label={tc(`forms.releaseTo.${o}`)} checked={value.includes(o)} onChange={(c) => onChange(c ? [...value, o] : value.filter((x) => x !== o))} />
      ))}
    </Fieldset>
  );
}

export function OpenTrackForm({ view }: { view: CoordinationView }) {
  const { tc } = useCrownWitnessText();
  const [witness, setWitness] = useState('');
  const [investigative, setInvestigative] = useState('');
  const [prosecutorial, setProsecutorial] = useState('');
  const [release, setRelease] = useState<string[]>(['NCTV']);
  return (
    <CommandForm view={view} path="crown-witness" title={tc('forms.openTitle')} submit={tc('forms.openSubmit')} body={() => ({ witnessPersonId: witness, investigativeInterest: investigative, prosecutorialInterest: prosecutorial, releaseTo: release })}>
      <SelectField name="witness" label={tc('forms.witness')} value={witness} onChange={setWitness} placeholder={tc('forms.choose')} options={view.persons.map((p) => ({ value: p.personId, label: p.fullName }))} />
      <TextareaField name="investigativeInterest" label={tc('track.investigativeInterest')} value={investigative} onChange={setInvestigative} rows={3} />
      <TextareaField name="prosecutorialInterest" label={tc('track.prosecutorialInterest')} value={prosecutorial} onChange={setProsecutorial} rows={3} />
      <ReleaseField value={release} onChange={setRelease} />
    </CommandForm>
  );
}

interface ScopeDraft {
  inScope: boolean;
  riskLevel: string;
  risks: string;
  measures: string[];
}

export function InventoryForm({ view }: { view: CoordinationView }) {
  const { t, tc } = useCrownWitnessText();
  const [scope, setScope] = useState<Record<string, ScopeDraft>>(() => Object.fromEntries(view.persons.map((p) => [p.personId, { inScope: p.personId === view.track?.witnessPersonId, riskLevel: 'high', risks: '', measures: [] }])));
  const [texts, setTexts] = useState({ protectionCapacity: '', witnessProtectionCapacity: '', ethicalConsequences: '' });
  const set = (id: string, patch: Partial<ScopeDraft>) => setScope((s) => ({ ...s, [id]: { ...s[id]!, ...patch } }));
  const chosen = view.persons.filter((p) => scope[p.personId]?.inScope);
  const body = () => ({
    personsInScope: chosen.map((p) => ({ personId: p.personId, riskLevel: scope[p.personId]!.riskLevel, risks: scope[p.personId]!.risks })),
    requiredMeasures: chosen.flatMap((p) => scope[p.personId]!.measures.map((key) => ({ personId: p.personId, domain: key.split(':')[0], measure: key.split(':')[1] }))),
    ...texts,
  });
  return (
    <CommandForm view={view} path="crown-witness/inventory" title={tc('forms.inventoryTitle')} submit={tc('forms.inventorySubmit')} body={body}>
      {view.persons.map((p) => {
        const d = scope[p.personId]!;
        return (
          <Fieldset key={p.personId} legend={p.fullName}>
            <CheckboxField name={`scope-${p.personId}`} label={tc('forms.inScope')} checked={d.inScope} onChange={(inScope) => set(p.personId, { inScope })} />
            {d.inScope && (
              <>
                <SelectField name={`risk-${p.personId}`} label={tc('inventory.riskLevel')} value={d.riskLevel} onChange={(riskLevel) => set(p.personId, { riskLevel })} options={THREAT_LEVELS.map((l) => ({ value: l, label: enumLabel(t, 'threatLevel', l) }))} />
                <TextareaField name={`risks-${p.personId}`} label={tc('inventory.risks')} value={d.risks} onChange={(risks) => set(p.personId, { risks })} rows={2} />
                <Fieldset legend={tc('inventory.requiredMeasures')}>
                  {MEASURES.map(({ domain, measure }) => {
                    const key = `${domain}:${measure}`;
                    return <CheckboxField key={key} name={`m-${p.personId}-${key}`} label={`${domainLabel(t, domain)}: ${measureLabel(t, measure)}`} checked={d.measures.includes(key)} onChange={(c) => set(p.personId, { measures: c ? [...d.measures, key] : d.measures.filter((m) => m !== key) })} />;
                  })}
                </Fieldset>
              </>
            )}
          </Fieldset>
        );
      })}
      {(['protectionCapacity', 'witnessProtectionCapacity', 'ethicalConsequences'] as const).map((k) => (
        <TextareaField key={k} name={k} label={tc(`inventory.${k}`)} value={texts[k]} onChange={(v) => setTexts((s) => ({ ...s, [k]: v }))} rows={3} />
      ))}
    </CommandForm>
  );
}

export function WeighingForm({ view, me }: { view: CoordinationView; me: Me }) {
  const { tc } = useCrownWitnessText();
  const [f, setF] = useState({ subject: view.track ? 'crown_witness' : 'case', protectionInterest: '', investigationInterest: '', outcome: '', reasons: '' });
  const [people, setPeople] = useState(emptyParticipants);
  const [release, setRelease] = useState<string[]>(['NCTV']);
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const om = me.organisation === 'OM';
  // The author always took part: the server lists them, so they cannot also review it.
  return (
    <CommandForm view={view} path="coordination/weighings" title={tc('weighing.formTitle')} submit={tc('weighing.submit')} body={() => ({ ...f, participants: participantsBody(people, me), releaseTo: om ? release : [] })}>
      <SelectField name="subject" label={tc('weighing.subject')} value={f.subject} onChange={set('subject')} options={(['crown_witness', 'case'] as const).map((s) => ({ value: s, label: tc(`weighing.subjects.${s}`) }))} />
      <TextareaField name="protectionInterest" label={tc('weighing.protectionInterest')} value={f.protectionInterest} onChange={set('protectionInterest')} rows={3} />
      <TextareaField name="investigationInterest" label={tc('weighing.investigationInterest')} value={f.investigationInterest} onChange={set('investigationInterest')} rows={3} />
      <SelectField name="outcome" label={tc('weighing.outcome')} value={f.outcome} onChange={set('outcome')} placeholder={tc('forms.choose')} options={(['proceed', 'proceed_with_conditions', 'do_not_proceed'] as const).map((o) => ({ value: o, label: tc(`weighing.outcomes.${o}`) }))} />
      <TextareaField name="reasons" label={tc('weighing.reasons')} value={f.reasons} onChange={set('reasons')} rows={3} />
      <ParticipantsFields view={view} me={me} value={people} onChange={setPeople} idPrefix="weighing" />
      {om && <ReleaseField value={release} onChange={setRelease} />}
    </CommandForm>
  );
}

export function ReviewForm({ view, weighingId }: { view: CoordinationView; weighingId: string }) {
  const { tc } = useCrownWitnessText();
  const [verdict, setVerdict] = useState('');
  const [findings, setFindings] = useState('');
  return (
    <CommandForm view={view} path={`coordination/weighings/${weighingId}/review`} title={tc('weighing.review')} submit={tc('weighing.reviewSubmit')} body={() => ({ verdict, findings })}>
      <SelectField name={`verdict-${weighingId}`} label={tc('weighing.review')} value={verdict} onChange={setVerdict} placeholder={tc('forms.choose')} options={(['upheld', 'returned'] as const).map((v) => ({ value: v, label: tc(`weighing.verdicts.${v}`) }))} />
      <TextareaField name={`findings-${weighingId}`} label={tc('weighing.findings')} value={findings} onChange={setFindings} rows={3} />
    </CommandForm>
  );
}

export function ConsultationForm({ view, me }: { view: CoordinationView; me: Me }) {
  const { tc } = useCrownWitnessText();
  const [f, setF] = useState({ level: 'operational', heldOn: '', summary: '' });
  const [people, setPeople] = useState(emptyParticipants);
  const [release, setRelease] = useState<string[]>(['NCTV']);
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const om = me.organisation === 'OM';
  return (
    <CommandForm view={view} path="coordination/consultations" title={tc('consultation.formTitle')} submit={tc('consultation.submit')} body={() => ({ ...f, participants: participantsBody(people, me), releaseTo: om ? release : [] })}>
      <SelectField name="level" label={tc('consultation.level')} value={f.level} onChange={set('level')} options={(['strategic', 'operational'] as const).map((l) => ({ value: l, label: tc(`consultation.levels.${l}`) }))} />
      <TextField name="heldOn" type="date" label={tc('consultation.heldOn')} value={f.heldOn} onChange={set('heldOn')} />
      <ParticipantsFields view={view} me={me} value={people} onChange={setPeople} idPrefix="consultation" />
      <TextareaField name="summary" label={tc('consultation.summary')} value={f.summary} onChange={set('summary')} rows={3} />
      {om && <ReleaseField value={release} onChange={setRelease} />}
    </CommandForm>
  );
}

export function DealPublicForm({ view }: { view: CoordinationView }) {
  const { tc } = useCrownWitnessText();
  const [note, setNote] = useState('');
  return (
    <CommandForm view={view} path="crown-witness/deal-public" title={tc('gate.title')} submit={tc('gate.submit')} refused={tc('gate.refused')} body={() => ({ note, releaseTo: ['NCTV', 'INSPECTORATE'] })}>
      <TextareaField name="dealNote" label={tc('gate.note')} value={note} onChange={setNote} rows={2} />
    </CommandForm>
  );
}
