import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { Uuid, type AgendaActivityInput, type AgendaView } from '@hoeder/contracts';
import { ApiError } from '../../api/client';
import { useAgenda, useSaveAgenda } from '../../api/execution';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { TextField } from '../../components/FormFields/FormFields';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { isNotFound } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { ActivityForm } from './ActivityForm';
import { AgendaPosts } from './AgendaPosts';
import { itemErrorText, recurrenceText } from './agendaLabels';

export const agendaPath = (caseId: string) => `/casussen/${caseId}/agenda`;

/** The protected person's agenda (DOMAIN §7): the day that leads the security design. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  const wellFormed = Uuid.safeParse(caseId).success;
  const agenda = useAgenda(caseId, asOf);
  usePageTitle(untyped(t)('agenda.title'));
  if (!wellFormed || isNotFound(agenda.error)) return <NotFoundPage title={t('case.notFoundTitle')} text={t('case.notFoundText')} />;
  return (
    <>
      <Paragraph>
        <RouterLink to={`/casussen/${caseId}`}>{untyped(t)('agenda.backToCase')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{untyped(t)('agenda.title')}</Heading>
      <Paragraph>{untyped(t)('agenda.intro')}</Paragraph>
      <ApiErrorAlert error={agenda.error} />
      {agenda.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {agenda.data && <AgendaContent key={asOf ?? 'now'} view={agenda.data} />}
    </>
  );
}

function AgendaContent({ view }: { view: AgendaView }) {
  const { t, i18n } = useTranslation();
  const tt = untyped(t);
  const navigate = useNavigate();
  const save = useSaveAgenda(view.caseId);
  const [draft, setDraft] = useState<AgendaActivityInput[] | null>(null);
  const [asOfInput, setAsOfInput] = useState('');
  const shown = draft ?? view.activities;
  const itemErrors = save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' ? ((save.error.details?.issues as { field: string; message: string }[] | undefined) ?? []) : [];
  const submit = () => save.mutate({ expectedVersion: view.version, activities: shown }, { onSuccess: () => setDraft(null) });
  return (
    <>
      {view.asOf && <Alert type="info">{untyped(t)('agenda.asOfNotice', { moment: formatDateTime(view.asOf, i18n.language) })}</Alert>}
      {save.isSuccess && !draft && <Alert type="ok">{untyped(t)('agenda.saved', { version: view.version })}</Alert>}
      {itemErrors.length > 0 ? (
        <Alert type="error">
          <Paragraph>
            <strong>{untyped(t)('agenda.itemErrorsTitle')}</strong>
          </Paragraph>
          <UnorderedList>
            {itemErrors.map((e) => {
              const [, index, ...field] = e.field.split('.');
              const label = shown[Number(index)]?.label ?? '';
              return <UnorderedListItem key={e.field + e.message}>{untyped(t)('agenda.itemErrorLine', { number: Number(index) + 1, label, text: itemErrorText(t, field.join('.'), e.message) })}</UnorderedListItem>;
            })}
          </UnorderedList>
        </Alert>
      ) : (
        <ApiErrorAlert error={save.error} />
      )}
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{untyped(t)('agenda.caption', { version: view.version })}</TableCaption>
          <TableHeader>
            <TableRow>
              {['label', 'domain', 'placeCategory', 'priority', 'time', 'recurrence'].map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {tt(`agenda.field.${c}`)}
                </TableHeaderCell>
              ))}
              {view.mayEdit && <TableHeaderCell scope="col">{untyped(t)('agenda.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((a, i) => (
              <TableRow key={a.activityId ?? `new-${i}`}>
                <TableHeaderCell scope="row">{a.label}</TableHeaderCell>
                <TableCell>{tt(`agenda.domain.${a.domain}`)}</TableCell>
                <TableCell>{tt(`agenda.place.${a.placeCategory}`)}</TableCell>
                <TableCell>{tt(`agenda.priority.${a.priority}`)}</TableCell>
                <TableCell>{`${a.start}–${a.end}`}</TableCell>
                <TableCell>{recurrenceText(t, a.recurrence)}</TableCell>
                {view.mayEdit && (
                  <TableCell>
                    <Button type="button" appearance="subtle-button" onClick={() => setDraft(shown.filter((_, j) => j !== i))}>
                      {untyped(t)('agenda.remove', { label: a.label })}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {shown.length === 0 && <Paragraph>{untyped(t)('agenda.empty')}</Paragraph>}
      {view.mayEdit && (
        <>
          <ActivityForm onAdd={(a) => setDraft([...shown, a])} />
          {draft && <Paragraph role="status">{untyped(t)('agenda.unsaved')}</Paragraph>}
          <Button type="button" appearance="primary-action-button" onClick={submit} disabled={!draft || save.isPending}>
            {untyped(t)('agenda.save')}
          </Button>
        </>
      )}
      {!view.asOf && <AgendaPosts caseId={view.caseId} version={view.version} />}
      <Heading level={2}>{untyped(t)('agenda.history')}</Heading>
      {view.history.length === 0 && <Paragraph>{untyped(t)('agenda.noHistory')}</Paragraph>}
      <UnorderedList>
        {view.history.map((h) => (
          <UnorderedListItem key={h.version}>
            {untyped(t)('agenda.historyLine', { version: h.version, moment: formatDateTime(h.recordedAt, i18n.language), role: tt(`enums.role.${h.recordedRole}`), added: h.changes.added.length, changed: h.changes.changed.length, removed: h.changes.removed.length })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (asOfInput) navigate({ pathname: agendaPath(view.caseId), search: `?asOf=${encodeURIComponent(new Date(asOfInput).toISOString())}` });
        }}
      >
        <TextField type="datetime-local" name="asOf" label={untyped(t)('agenda.asOfLabel')} value={asOfInput} onChange={setAsOfInput} />
        <Button type="submit" appearance="secondary-action-button">
          {untyped(t)('agenda.asOfShow')}
        </Button>
        {view.asOf && (
          <Paragraph>
            <RouterLink to={agendaPath(view.caseId)}>{untyped(t)('agenda.asOfNow')}</RouterLink>
          </Paragraph>
        )}
      </form>
    </>
  );
}
