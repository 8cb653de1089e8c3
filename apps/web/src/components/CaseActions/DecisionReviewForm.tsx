import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApproveDecisionRequest, RejectDecisionRequest, type CaseView } from '@hoeder/contracts';
import { requireWrittenText } from '../../lib/validation';
import { TextareaField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { useCommandForm } from './useCommandForm';

interface Props {
  view: CaseView;
  decisionId: string;
  onSaved: (version: number) => void;
}

/** Four eyes: shown only to a decision maker who did not propose; the server enforces it too. */
export function DecisionReviewForm({ view, decisionId, onSaved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="hoeder-review" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('reviewForm.heading')}
      </Heading>
      <Paragraph>{t('reviewForm.intro')}</Paragraph>
      <ApproveForm view={view} decisionId={decisionId} onSaved={onSaved} />
      <RejectForm view={view} decisionId={decisionId} onSaved={onSaved} />
    </section>
  );
}

function ApproveForm({ view, decisionId, onSaved }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const path = `decisions/${encodeURIComponent(decisionId)}/approve`;
  const form = useCommandForm({ caseId: view.caseId, path, schema: ApproveDecisionRequest, labelFor: () => t('reviewForm.note'), onSaved });
  return (
    <ActionPanel
      title={t('reviewForm.approve')}
      submitLabel={t('reviewForm.approve')}
      onSubmit={() => form.submit({ expectedVersion: view.version, note })}
      pending={form.pending}
      error={form.error}
      onReload={form.reload}
      errors={form.errors}
      level={4}
    >
      <TextareaField name="note" label={t('reviewForm.note')} rows={3} value={note} onChange={setNote} error={form.errors.message('note')} />
    </ActionPanel>
  );
}

function RejectForm({ view, decisionId, onSaved }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const path = `decisions/${encodeURIComponent(decisionId)}/reject`;
  const form = useCommandForm({ caseId: view.caseId, path, schema: RejectDecisionRequest, labelFor: () => t('reviewForm.reason'), onSaved });
  return (
    <ActionPanel
      title={t('reviewForm.reject')}
      submitLabel={t('reviewForm.reject')}
      onSubmit={() => form.submit({ expectedVersion: view.version, reason }, (errors) => requireWrittenText(errors, 'reason', reason))}
      pending={form.pending}
      error={form.error}
      onReload={form.reload}
      errors={form.errors}
      level={4}
    >
      <TextareaField name="reason" label={t('reviewForm.reason')} rows={3} value={reason} onChange={setReason} error={form.errors.message('reason')} />
    </ActionPanel>
  );
}
