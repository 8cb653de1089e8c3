import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { RecordAssumptionTestRequest, type AssessmentView, type DecisionBasisView } from '@hoeder/contracts';
import { assessment } from '@hoeder/domain';
import { useQuery } from '@tanstack/react-query';
import { apiGet, type ApiError } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { optionalText, requireWrittenText } from '../../lib/validation';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { Facts } from '../../components/CaseSections/Facts';
import { Section } from '../../components/CaseSections/Section';
import { RadioField, SelectField, TextareaField, TextField } from '../../components/FormFields/FormFields';
import { ActionPanel } from '../../components/CaseActions/ActionPanel';
import { useCommandForm } from '../../components/CaseActions/useCommandForm';
import { dafKey } from './assessmentQueries';
import { dafFieldLabel, dafLabel } from './labels';

/** Monitoring of the final version's assumptions: holds (next date), falsified or triggered. */
export function AssumptionTestForm({ caseId, version, assumptions, onSaved }: { caseId: string; version: number; assumptions: readonly assessment.Assumption[]; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const [assumptionId, setAssumptionId] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const form = useCommandForm({ caseId, path: 'assessment/assumption-tests', schema: RecordAssumptionTestRequest, labelFor: dafFieldLabel(t), onSaved });
  const submit = () =>
    form.submit({ expectedVersion: version, assumptionId, outcome, note, nextRetestOn: optionalText(next) }, (errors) => requireWrittenText(errors, 'note', note));
  return (
    <ActionPanel level={3} title={t('daf.assumptionTest.heading')} submitLabel={t('daf.assumptionTest.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <SelectField name="assumptionId" label={t('daf.fields.assumptionId')} value={assumptionId} onChange={setAssumptionId} options={assumptions.map((a) => ({ value: a.assumptionId, label: a.statement }))} placeholder={t('forms.choose')} error={form.errors.message('assumptionId')} />
      <RadioField name="outcome" legend={t('daf.fields.outcome')} value={outcome} onChange={setOutcome} options={assessment.ASSUMPTION_TEST_OUTCOMES.map((o) => ({ value: o, label: dafLabel(t, 'outcome', o) }))} error={form.errors.message('outcome')} />
      <TextareaField name="note" label={t('daf.fields.note')} rows={3} value={note} onChange={setNote} error={form.errors.message('note')} />
      <TextField name="nextRetestOn" type="date" label={t('daf.fields.nextRetestOn')} description={t('daf.assumptionTest.nextHelp')} value={next} onChange={setNext} error={form.errors.message('nextRetestOn')} />
    </ActionPanel>
  );
}

/** The re-tests recorded beside the final version. */
export function AssumptionTests({ view }: { view: AssessmentView }) {
  const { t, i18n } = useTranslation();
  const tests = view.assumptionTests ?? [];
  if (tests.length === 0) return null;
  return (
    <Table>
      <TableCaption>{t('daf.assumptionTest.caption')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('daf.fields.assumptionId')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('daf.fields.outcome')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('daf.fields.note')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('daf.assumptionTest.when')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tests.map((x, i) => (
          <TableRow key={i}>
            <TableHeaderCell scope="row">{x.assumptionId}</TableHeaderCell>
            <TableCell>{dafLabel(t, 'outcome', x.outcome)}</TableCell>
            <TableCell>{x.note}</TableCell>
            <TableCell>{`${formatDateTime(x.testedAt, i18n.language)}, ${view.names[x.testedBy] ?? x.testedBy}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Basis({ caseId, decisionId }: { caseId: string; decisionId: string }) {
  const { t, i18n } = useTranslation();
  const basis = useQuery<DecisionBasisView, ApiError>({ queryKey: [...dafKey(caseId), 'basis', decisionId], queryFn: () => apiGet(`/api/cases/${encodeURIComponent(caseId)}/assessment/decision-basis/${decisionId}`) });
  if (basis.error) return <ApiErrorAlert error={basis.error} />;
  const b = basis.data;
  if (!b) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <>
      <Facts
        facts={[
          { label: t('daf.basis.at'), value: formatDateTime(b.at, i18n.language) },
          { label: t('daf.basis.version'), value: b.versionInEffect === undefined ? t('daf.basis.noVersion') : String(b.versionInEffect) },
          { label: t('daf.basis.items'), value: String(b.itemsRegistered.length) },
          { label: t('daf.reassessment.due'), value: b.reassessmentDue ? t('daf.basis.yes') : t('daf.basis.no') },
        ]}
      />
      <Table>
        <TableCaption>{t('daf.basis.visibility')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('daf.basis.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('daf.basis.parts')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('daf.basis.graded')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('daf.basis.content')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {b.visibility.map((v) => (
            <TableRow key={v.userId}>
              <TableHeaderCell scope="row">{v.displayName}</TableHeaderCell>
              <TableCell>{v.parts.length}</TableCell>
              <TableCell>{v.gradedItemIds.length}</TableCell>
              <TableCell>{v.contentItemIds.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** "As of" per decision: the DAF version and items behind it, and who could see what then. */
export function DecisionBasisSection({ caseId, decisionIds }: { caseId: string; decisionIds: readonly string[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  if (decisionIds.length === 0) return null;
  return (
    <Section title={t('daf.basis.heading')} id="besluitgrondslag">
      <Paragraph>{t('daf.basis.help')}</Paragraph>
      {decisionIds.map((id, i) => (
        <Paragraph key={id}>
          <Button type="button" appearance="secondary-action-button" aria-expanded={shown === id} onClick={() => setShown(shown === id ? null : id)}>
            {t('daf.basis.show', { n: i + 1 })}
          </Button>
        </Paragraph>
      ))}
      {shown && <Basis caseId={caseId} decisionId={shown} />}
    </Section>
  );
}
