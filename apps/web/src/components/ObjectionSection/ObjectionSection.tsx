import { useState } from 'react';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { LodgeObjectionRequest, ObjectionStepRequest, type ObjectionsView, type ObjectionView } from '@hoeder/contracts';
import { daysUntil, mayOnObjections, OBJECTION_OUTCOMES, OBJECTION_PARTIES, type Role } from '@hoeder/domain';
import { useLodgeObjection, useObjections, useObjectionStep } from '../../api/letters';
import { useLettersText } from '../../i18n/letters-text';
import { formatDate } from '../../lib/format';
import { serverFieldErrors, validate } from '../../lib/validation';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { Section } from '../CaseSections/Section';
import { CheckboxField, RadioField, SelectField, TextareaField, TextField } from '../FormFields/FormFields';
import { useFormErrors } from '../FormFields/useFormErrors';

const today = () => new Date().toISOString().slice(0, 10);

function LodgeForm({ caseId, decisions }: { caseId: string; decisions: ObjectionsView['decisions'] }) {
  const { to, i18n } = useLettersText();
  const [decisionId, setDecisionId] = useState(decisions[0]?.decisionId ?? '');
  const [party, setParty] = useState('person');
  const [receivedOn, setReceivedOn] = useState(today());
  const [grounds, setGrounds] = useState('');
  const [committee, setCommittee] = useState(false);
  const lodge = useLodgeObjection(caseId);
  const errors = useFormErrors((f) => (f === 'decisionId' ? to('form.decision') : f === 'party' ? to('form.party') : f === 'receivedOn' ? to('form.receivedOn') : to('form.grounds')));
  const submit = () => {
    const parsed = validate(LodgeObjectionRequest, { decisionId, party, receivedOn, grounds, advisoryCommittee: committee });
    errors.report(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) lodge.mutate(parsed.value, { onSuccess: () => setGrounds(''), onError: (e) => errors.report(serverFieldErrors(e)) });
  };
  return (
    <ActionPanel title={to('form.legend')} submitLabel={to('form.submit')} onSubmit={submit} pending={lodge.isPending} error={lodge.error} onReload={() => lodge.reset()} errors={errors}>
      {lodge.isSuccess && <Alert type="ok">{to('saved')}</Alert>}
      <SelectField
        name="objection-decision"
        label={to('form.decision')}
        value={decisionId}
        onChange={setDecisionId}
        options={decisions.map((d) => ({ value: d.decisionId, label: `${to('form.decisionOption', { date: formatDate(d.sentOn, i18n.language) })}${d.inForce ? ` ${to('form.inForce')}` : ''}` }))}
        error={errors.message('decisionId')}
      />
      <RadioField legend={to('form.party')} name="objection-party" value={party} onChange={setParty} options={OBJECTION_PARTIES.map((p) => ({ value: p, label: to(`party.${p}`) }))} error={errors.message('party')} />
      <TextField name="objection-received" type="date" label={to('form.receivedOn')} value={receivedOn} onChange={setReceivedOn} error={errors.message('receivedOn')} />
      <TextareaField name="objection-grounds" label={to('form.grounds')} rows={3} value={grounds} onChange={setGrounds} error={errors.message('grounds')} />
      <CheckboxField name="objection-committee" label={to('form.committee')} checked={committee} onChange={setCommittee} />
    </ActionPanel>
  );
}

const STEPS = ['RecordHearing', 'ExtendTerm', 'DecideObjection', 'RecordAppeal'] as const;

function StepForm({ caseId, objection }: { caseId: string; objection: ObjectionView }) {
  const { to } = useLettersText();
  const open = objection.outcome === null;
  const steps = open ? STEPS.filter((s) => s !== 'RecordAppeal' && (s !== 'ExtendTerm' || !objection.extendedOn)) : objection.appealLodgedOn ? [] : (['RecordAppeal'] as const);
  const [type, setType] = useState<(typeof STEPS)[number]>(steps[0] ?? 'RecordAppeal');
  const [date, setDate] = useState(today());
  const [outcome, setOutcome] = useState('unfounded');
  const [motivation, setMotivation] = useState('');
  const [court, setCourt] = useState('');
  const step = useObjectionStep(caseId, objection.objectionId);
  const errors = useFormErrors((f) => (f === 'motivation' ? to('steps.motivation') : f === 'court' ? to('steps.court') : f === 'outcome' ? to('steps.outcome') : to('steps.step')));
  if (steps.length === 0) return null;
  const body = () => {
    const expectedUpdatedAt = objection.updatedAt;
    if (type === 'RecordHearing') return { type, expectedUpdatedAt, hearingOn: date };
    if (type === 'ExtendTerm') return { type, expectedUpdatedAt };
    if (type === 'DecideObjection') return { type, expectedUpdatedAt, outcome, decidedOn: date, motivation };
    return { type, expectedUpdatedAt, lodgedOn: date, court };
  };
  const submit = () => {
    const parsed = validate(ObjectionStepRequest, body());
    errors.report(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) step.mutate(parsed.value, { onError: (e) => errors.report(serverFieldErrors(e)) });
  };
  const dateLabel = type === 'RecordHearing' ? to('steps.hearingOn') : type === 'DecideObjection' ? to('steps.decidedOn') : to('steps.lodgedOn');
  return (
    <ActionPanel title={to('steps.legend')} submitLabel={to('steps.submit')} onSubmit={submit} pending={step.isPending} error={step.error} onReload={() => step.reset()} errors={errors} level={4}>
      <SelectField name={`step-${objection.objectionId}`} label={to('steps.step')} value={type} onChange={(v) => setType(v as (typeof STEPS)[number])} options={steps.map((s) => ({ value: s, label: to(`steps.${s}`) }))} />
      {type !== 'ExtendTerm' && <TextField name={`step-date-${objection.objectionId}`} type="date" label={dateLabel} value={date} onChange={setDate} error={errors.message('hearingOn') ?? errors.message('decidedOn') ?? errors.message('lodgedOn')} />}
      {type === 'DecideObjection' && (
        <>
          <RadioField legend={to('steps.outcome')} name={`step-outcome-${objection.objectionId}`} value={outcome} onChange={setOutcome} options={OBJECTION_OUTCOMES.map((o) => ({ value: o, label: to(`outcome.${o}`) }))} />
          <TextareaField name={`step-motivation-${objection.objectionId}`} label={to('steps.motivation')} rows={3} value={motivation} onChange={setMotivation} error={errors.message('motivation')} />
        </>
      )}
      {type === 'RecordAppeal' && <TextField name={`step-court-${objection.objectionId}`} label={to('steps.court')} value={court} onChange={setCourt} error={errors.message('court')} />}
    </ActionPanel>
  );
}

function ObjectionItem({ caseId, objection, mayHandle }: { caseId: string; objection: ObjectionView; mayHandle: boolean }) {
  const { to, i18n } = useLettersText();
  const d = (date: string) => formatDate(date, i18n.language);
  const left = daysUntil(today(), objection.decisionDeadline);
  return (
    <article className="hoeder-objection" aria-label={to('item', { party: to(`partyOf.${objection.party}`), date: d(objection.receivedOn) })}>
      <Heading level={3}>{to('item', { party: to(`partyOf.${objection.party}`), date: d(objection.receivedOn) })}</Heading>
      <UnorderedList>
        <UnorderedListItem>{objection.late ? <strong>{to('late', { date: d(objection.objectionDeadline) })}</strong> : to('onTime', { date: d(objection.objectionDeadline) })}</UnorderedListItem>
        {objection.outcome === null && (
          <UnorderedListItem>
            <strong>{to('decisionDeadline', { date: d(objection.decisionDeadline) })}</strong> ({left >= 0 ? to('daysLeft', { count: left }) : to('overdue')})
          </UnorderedListItem>
        )}
        {objection.advisoryCommittee && <UnorderedListItem>{to('committee')}</UnorderedListItem>}
        {objection.extendedOn && <UnorderedListItem>{to('extended', { date: d(objection.extendedOn) })}</UnorderedListItem>}
        {objection.hearingOn && <UnorderedListItem>{to('hearing', { date: d(objection.hearingOn) })}</UnorderedListItem>}
        {objection.outcome && objection.decidedOn && <UnorderedListItem>{to('decided', { outcome: to(`outcome.${objection.outcome}`), date: d(objection.decidedOn) })}</UnorderedListItem>}
        {objection.appealDeadline && !objection.appealLodgedOn && <UnorderedListItem>{to('appealDeadline', { date: d(objection.appealDeadline) })}</UnorderedListItem>}
        {objection.appealLodgedOn && (
          <UnorderedListItem>
            {to('appeal', { date: d(objection.appealLodgedOn), court: objection.appealCourt ?? '' })} {objection.appealLate && <strong>{to('appealLate')}</strong>}
          </UnorderedListItem>
        )}
      </UnorderedList>
      {objection.work?.kind === 'new_decision' && <Alert type="info">{to('newDecision')}</Alert>}
      <Paragraph>
        <strong>{to('grounds')}:</strong> {objection.grounds}
      </Paragraph>
      {mayHandle && <StepForm key={objection.updatedAt} caseId={caseId} objection={objection} />}
    </article>
  );
}

/** Objection and appeal against the case's decisions (issue 12 item 8), with the statutory terms. */
export function ObjectionSection({ caseId, roles, sections }: { caseId: string; roles: readonly Role[]; sections: readonly string[] }) {
  const { t, to } = useLettersText();
  const visible = mayOnObjections(roles, 'read') && sections.includes('decision');
  const query = useObjections(caseId, visible);
  if (!visible) return null;
  const data = query.data;
  return (
    <Section title={to('title')} id="bezwaar">
      <Paragraph>{to('intro')}</Paragraph>
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && data.objections.length === 0 && <Paragraph>{to('none')}</Paragraph>}
      {data?.objections.map((o) => <ObjectionItem key={o.objectionId} caseId={caseId} objection={o} mayHandle={data.mayHandle} />)}
      {data?.mayLodge && (data.decisions.length > 0 ? <LodgeForm caseId={caseId} decisions={data.decisions} /> : <Paragraph>{to('noDecision')}</Paragraph>)}
    </Section>
  );
}
