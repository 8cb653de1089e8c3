import { useState } from 'react';
import { useAssignmentText } from '../../i18n/assignment-text';
import { Fieldset, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ACTIVITY_DOMAINS, type ActivityDomain } from '@hoeder/domain';
import type { AssignmentDetail } from '@hoeder/contracts';
import { useAssignmentCommand, useTaskableUnits } from '../../api/assignments';
import { StepForm } from '../../components/AssignmentParts/StepForm';
import { CheckboxField, TextareaField } from '../../components/FormFields/FormFields';
import { domainLabel } from '../../components/PolicyPackage/labels';
import { formatDateTime } from '../../lib/format';

/** The LCC accepts the current version (also a withdrawal: the LCC has seen it). */
export function AcceptForm({ a }: { a: AssignmentDetail }) {
  const { ta } = useAssignmentText();
  const accept = useAssignmentCommand<{ version: number }>(a.assignmentId, 'accept');
  return (
    <StepForm level={2} title={ta(a.status === 'withdrawn' ? 'accept.withdrawnTitle' : 'accept.title', { version: a.currentVersion })} submitLabel={ta('accept.submit', { version: a.currentVersion })} onSubmit={() => accept.mutate({ version: a.currentVersion })} pending={accept.isPending} error={accept.error}>
      <Paragraph>{ta(a.status === 'withdrawn' ? 'accept.withdrawnHelp' : 'accept.help')}</Paragraph>
    </StepForm>
  );
}

/** The executing units, police and KMar, from synergy and equivalence. */
export function TaskUnitsForm({ a }: { a: AssignmentDetail }) {
  const { ta } = useAssignmentText();
  const units = useTaskableUnits(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set(a.units.map((u) => u.unitId)));
  const [error, setError] = useState<string | undefined>();
  const task = useAssignmentCommand<{ unitIds: string[] }>(a.assignmentId, 'units');
  const toggle = (id: string, on: boolean) => setChosen((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  const submit = () => {
    if (chosen.size === 0) return setError(ta('task.none'));
    setError(undefined);
    task.mutate({ unitIds: [...chosen] });
  };
  return (
    <StepForm title={ta('task.title')} submitLabel={ta('task.submit')} onSubmit={submit} pending={task.isPending} error={task.error} done={task.isSuccess ? ta('saved') : undefined}>
      {error && (
        <Paragraph role="alert" className="hoeder-field-error">
          {error}
        </Paragraph>
      )}
      {(['police', 'kmar'] as const).map((org) => (
        <Fieldset key={org} legend={ta(`organisation.${org}`)}>
          {(units.data ?? [])
            .filter((u) => u.organisation === org)
            .map((u) => (
              <CheckboxField key={u.unitId} name={`unit-${u.unitId}`} label={u.name} checked={chosen.has(u.unitId)} onChange={(on) => toggle(u.unitId, on)} />
            ))}
        </Fieldset>
      ))}
    </StepForm>
  );
}

function ConceptForm({ a, domain }: { a: AssignmentDetail; domain: ActivityDomain }) {
  const { t, ta } = useAssignmentText();
  const current = a.concepts?.find((c) => c.domain === domain);
  const [text, setText] = useState(current?.concept ?? '');
  const [error, setError] = useState<string | undefined>();
  const record = useAssignmentCommand<{ domain: ActivityDomain; concept: string }>(a.assignmentId, 'concepts');
  const submit = () => {
    if (text.trim().length < 10) return setError(ta('concepts.tooShort'));
    setError(undefined);
    record.mutate({ domain, concept: text });
  };
  return (
    <StepForm title={domainLabel(t, domain)} submitLabel={ta('concepts.submit', { domain: domainLabel(t, domain) })} onSubmit={submit} pending={record.isPending} error={record.error} done={record.isSuccess ? ta('saved') : undefined}>
      <TextareaField name={`concept-${domain}`} label={ta('concepts.label', { domain: domainLabel(t, domain) })} rows={3} value={text} onChange={setText} error={error} />
    </StepForm>
  );
}

/** The chosen security concept per domain; editable once the version is accepted. */
export function ConceptForms({ a, editable }: { a: AssignmentDetail; editable: boolean }) {
  const { t, ta, i18n } = useAssignmentText();
  if (editable) return <>{ACTIVITY_DOMAINS.map((d) => <ConceptForm key={d} a={a} domain={d} />)}</>;
  if (!a.concepts?.length) return <Paragraph>{ta('concepts.none')}</Paragraph>;
  return (
    <>
      {a.concepts.map((c) => (
        <Paragraph key={c.domain}>
          <strong>{domainLabel(t, c.domain)}</strong> ({formatDateTime(c.recordedAt, i18n.language)}): {c.concept}
        </Paragraph>
      ))}
    </>
  );
}
