import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading } from '@rijkshuisstijl-community/components-react';
import { CLASSIFICATIONS, classificationRank, learning, type Classification } from '@hoeder/domain';
import { useRecordIncident } from '../../api/learning';
import { enumLabel, untyped } from '../../i18n/enums';
import { fromDateTimeLocal } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextareaField, TextField } from '../FormFields/FormFields';

/** Recording an incident (LCC, assigned unit, liaison): its kind, moment, what happened, and a marking at least the case's. */
export function IncidentForm({ caseId, caseClassification, clearance }: { caseId: string; caseClassification: Classification; clearance: Classification }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const record = useRecordIncident(caseId);
  const [kind, setKind] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [classification, setClassification] = useState<string>(caseClassification);
  const markings = CLASSIFICATIONS.filter((c) => classificationRank(c) >= classificationRank(caseClassification) && classificationRank(c) <= classificationRank(clearance));
  const submit = () => {
    const at = fromDateTimeLocal(occurredAt);
    record.mutate(
      { kind: kind as learning.IncidentKind, occurredAt: at ?? occurredAt, description, classification: classification as Classification, ...(location.trim() ? { location } : {}) },
      { onSuccess: () => [setKind, setOccurredAt, setDescription, setLocation].forEach((set) => set('')) },
    );
  };
  return (
    <form
      aria-labelledby="incident-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Heading level={3} id="incident-form-heading">
        {tx('learning.incident.formHeading')}
      </Heading>
      {record.isSuccess && <Alert type="ok">{tx('learning.incident.recorded')}</Alert>}
      <ApiErrorAlert error={record.error} />
      <SelectField name="incidentKind" label={tx('learning.incident.kind')} value={kind} onChange={setKind} placeholder={tx('learning.choose')} options={learning.INCIDENT_KINDS.map((k) => ({ value: k, label: tx(`learning.kinds.${k}`) }))} />
      <TextField name="incidentOccurredAt" type="datetime-local" label={tx('learning.incident.occurredAt')} value={occurredAt} onChange={setOccurredAt} />
      <TextareaField name="incidentDescription" label={tx('learning.incident.description')} description={tx('learning.incident.descriptionHint')} value={description} onChange={setDescription} rows={3} />
      <TextField name="incidentLocation" label={tx('learning.incident.location')} value={location} onChange={setLocation} />
      <SelectField name="incidentClassification" label={tx('learning.incident.classification')} description={tx('learning.incident.classificationHint')} value={classification} onChange={setClassification} options={markings.map((c) => ({ value: c, label: enumLabel(t, 'classification', c) }))} />
      <Button type="submit" appearance="primary-action-button" disabled={record.isPending}>
        {tx('learning.incident.submit')}
      </Button>
    </form>
  );
}
