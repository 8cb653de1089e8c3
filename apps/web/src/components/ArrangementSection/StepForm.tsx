import { useState } from 'react';
import type { ArrangementView } from '@hoeder/contracts';
import { useArrangementStep } from '../../api/arrangements';
import { useArrangementText } from '../../i18n/arrangement-text';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { SelectField, TextareaField, TextField } from '../FormFields/FormFields';

const NO_ERRORS = { entries: [], attempt: 0 };

/**
 * The next step of one of the listed arrangements: the liaison picks the arrangement and one of the
 * actions its lifecycle allows now; a refusal, breach or ending needs a note (the server checks).
 */
export function StepForm({ caseId, rows, label, title, idPrefix, withOwner = false }: { caseId: string; rows: readonly ArrangementView[]; label: (row: ArrangementView) => string; title: string; idPrefix: string; withOwner?: boolean }) {
  const { tr, code } = useArrangementText();
  const open = rows.filter((r) => r.actions.length > 0);
  const [arrangementId, setArrangementId] = useState('');
  const [action, setAction] = useState('');
  const [note, setNote] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [owner, setOwner] = useState('');
  const row = open.find((r) => r.arrangementId === arrangementId);
  const step = useArrangementStep(caseId, arrangementId);
  if (open.length === 0) return null;
  const submit = () => {
    if (!row || !action) return;
    step.mutate(
      { expectedVersion: row.version, action, ...(note.trim() ? { note } : {}), ...(followUpOn ? { followUpOn } : {}), ...(withOwner && owner.trim() ? { owner } : {}) },
      { onSuccess: () => [setAction, setNote, setFollowUpOn, setOwner].forEach((set) => set('')) },
    );
  };
  return (
    <ActionPanel title={title} submitLabel={tr('step.submit')} onSubmit={submit} pending={step.isPending} error={step.error} onReload={() => step.reset()} errors={NO_ERRORS} level={4}>
      <SelectField name={`${idPrefix}-arrangement`} label={tr('step.legend')} value={arrangementId} onChange={(v) => { setArrangementId(v); setAction(''); }} placeholder={tr('step.choose')} options={open.map((r) => ({ value: r.arrangementId, label: `${label(r)} (${code('status', r.status)})` }))} />
      {row && <SelectField name={`${idPrefix}-action`} label={tr('step.action')} value={action} onChange={setAction} placeholder={tr('step.choose')} options={row.actions.map((a) => ({ value: a, label: code('action', a) }))} />}
      <TextareaField name={`${idPrefix}-note`} label={tr('step.note')} description={tr('step.noteHelp')} rows={3} value={note} onChange={setNote} />
      <TextField name={`${idPrefix}-followUpOn`} type="date" label={tr('step.followUpOn')} value={followUpOn} onChange={setFollowUpOn} />
      {withOwner && <TextField name={`${idPrefix}-owner`} label={tr('step.owner')} value={owner} onChange={setOwner} />}
    </ActionPanel>
  );
}
