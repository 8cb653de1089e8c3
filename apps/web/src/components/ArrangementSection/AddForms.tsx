import { useState } from 'react';
import type { ArrangementsView } from '@hoeder/contracts';
import { AGREEMENT_TYPES, CARE_MODULES } from '@hoeder/domain';
import { useRecordAgreement, useRecordCare, useRecordEmployer } from '../../api/arrangements';
import { useArrangementText } from '../../i18n/arrangement-text';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { SelectField, TextareaField, TextField } from '../FormFields/FormFields';

const NO_ERRORS = { entries: [], attempt: 0 };
type Persons = ArrangementsView['persons'];

function PersonField({ persons, value, onChange, name }: { persons: Persons; value: string; onChange: (v: string) => void; name: string }) {
  const { tr } = useArrangementText();
  return <SelectField name={name} label={tr('section.person')} value={value} onChange={onChange} placeholder={tr('step.choose')} options={persons.map((p) => ({ value: p.personId, label: p.fullName }))} />;
}

const firstPerson = (persons: Persons) => persons.find((p) => p.role === 'threatened_person')?.personId ?? persons[0]?.personId ?? '';

/** A new agreement with the person, with what happens when it is not kept. */
export function AddAgreementForm({ caseId, persons }: { caseId: string; persons: Persons }) {
  const { tr, code } = useArrangementText();
  const record = useRecordAgreement(caseId);
  const [personId, setPersonId] = useState(firstPerson(persons));
  const [type, setType] = useState<string>('cooperation');
  const [description, setDescription] = useState('');
  const [consequence, setConsequence] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const submit = () =>
    record.mutate({ personId, type: type as (typeof AGREEMENT_TYPES)[number], description, consequence, ...(followUpOn ? { followUpOn } : {}) }, { onSuccess: () => [setDescription, setConsequence, setFollowUpOn].forEach((s) => s('')) });
  return (
    <ActionPanel title={tr('agreements.add')} submitLabel={tr('agreements.add')} onSubmit={submit} pending={record.isPending} error={record.error} onReload={() => record.reset()} errors={NO_ERRORS} level={4}>
      <PersonField name="agreement-person" persons={persons} value={personId} onChange={setPersonId} />
      <SelectField name="agreement-type" label={tr('agreements.type')} value={type} onChange={setType} options={AGREEMENT_TYPES.map((v) => ({ value: v, label: code('agreementType', v) }))} />
      <TextareaField name="agreement-description" label={tr('agreements.description')} rows={3} value={description} onChange={setDescription} />
      <TextareaField name="agreement-consequence" label={tr('agreements.consequence')} description={tr('agreements.consequenceHelp')} rows={3} value={consequence} onChange={setConsequence} />
      <TextField name="agreement-followUpOn" type="date" label={tr('section.followUpOn')} value={followUpOn} onChange={setFollowUpOn} />
    </ActionPanel>
  );
}

/** A care module (or peer support) proposed for a person of the household. */
export function AddCareForm({ caseId, persons }: { caseId: string; persons: Persons }) {
  const { tr, code } = useArrangementText();
  const record = useRecordCare(caseId);
  const [personId, setPersonId] = useState(firstPerson(persons));
  const [module, setModule] = useState<string>('care_person');
  const [description, setDescription] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const submit = () => record.mutate({ personId, module: module as (typeof CARE_MODULES)[number], description, ...(followUpOn ? { followUpOn } : {}) }, { onSuccess: () => [setDescription, setFollowUpOn].forEach((s) => s('')) });
  return (
    <ActionPanel title={tr('care.add')} submitLabel={tr('care.add')} onSubmit={submit} pending={record.isPending} error={record.error} onReload={() => record.reset()} errors={NO_ERRORS} level={4}>
      <PersonField name="care-person" persons={persons} value={personId} onChange={setPersonId} />
      <SelectField name="care-module" label={tr('care.module')} value={module} onChange={setModule} options={CARE_MODULES.map((v) => ({ value: v, label: code('module', v) }))} />
      <TextareaField name="care-description" label={tr('care.description')} rows={2} value={description} onChange={setDescription} />
      <TextField name="care-followUpOn" type="date" label={tr('section.followUpOn')} value={followUpOn} onChange={setFollowUpOn} />
    </ActionPanel>
  );
}

/** The person's employer; its five duties open with one owner and follow-up date. */
export function AddEmployerForm({ caseId, persons }: { caseId: string; persons: Persons }) {
  const { tr } = useArrangementText();
  const record = useRecordEmployer(caseId);
  const [personId, setPersonId] = useState(firstPerson(persons));
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [owner, setOwner] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const submit = () => record.mutate({ personId, name, contact, owner, ...(followUpOn ? { followUpOn } : {}) }, { onSuccess: () => [setName, setContact, setOwner, setFollowUpOn].forEach((s) => s('')) });
  return (
    <ActionPanel title={tr('employer.add')} submitLabel={tr('employer.add')} onSubmit={submit} pending={record.isPending} error={record.error} onReload={() => record.reset()} errors={NO_ERRORS} level={4}>
      <PersonField name="employer-person" persons={persons} value={personId} onChange={setPersonId} />
      <TextField name="employer-name" label={tr('employer.name')} value={name} onChange={setName} />
      <TextField name="employer-contact" label={tr('employer.contact')} value={contact} onChange={setContact} />
      <TextField name="employer-owner" label={tr('employer.owner')} value={owner} onChange={setOwner} />
      <TextField name="employer-followUpOn" type="date" label={tr('section.followUpOn')} value={followUpOn} onChange={setFollowUpOn} />
    </ActionPanel>
  );
}
