import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { AuditEntriesResponse } from '@hoeder/contracts';
import { useAuditEntries } from '../../api/oversight';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { auditObjectLabel, auditOperationLabel, auditPurposeLabel, knownOperations, knownPurposes } from '../../i18n/audit-labels';
import { useQueueTitle } from './queue-title';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { Paging } from '../OverviewPage/Paging';
import { AuditEntryDetail } from './AuditEntryDetail';

const FIELDS = ['caseId', 'actorId', 'operation', 'purpose', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
const PAGE_SIZE = 25;
/** A date field gives a day; the API takes moments (from the start, to the end of the day). */
const moment = (field: Field, value: string) => (field === 'from' ? `${value}T00:00:00Z` : field === 'to' ? `${value}T23:59:59Z` : value);

/** A page of entries, newest first; each opens its proof. */
function AuditEntriesTable({ data, hrefOf, onOpen }: { data: AuditEntriesResponse; hrefOf: (seq: number) => string; onOpen: (seq: number) => void }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const queueTitle = useQueueTitle();
  return (
    <div className="hoeder-table-scroll">
      <Table>
        <TableCaption>{tx('auditLog.caption', { count: data.total })}</TableCaption>
        <TableHeader>
          <TableRow>
            {(['seq', 'occurredAt', 'operation', 'status', 'actor', 'purpose', 'object'] as const).map((c) => (
              <TableHeaderCell key={c} scope="col">
                {tx(`auditLog.columns.${c}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.items.map((e) => (
            <TableRow key={e.seq}>
              <TableHeaderCell scope="row">
                <a
                  href={hrefOf(e.seq)}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(e.seq);
                  }}
                  className="utrecht-link"
                >
                  {tx('auditLog.open', { seq: e.seq })}
                </a>
              </TableHeaderCell>
              <TableCell>{formatDateTime(e.occurredAt, i18n.language)}</TableCell>
              <TableCell>{auditOperationLabel(i18n.language, e.operation, queueTitle)}</TableCell>
              <TableCell>{tx(`auditLog.status.${e.status}`)}</TableCell>
              <TableCell>{e.userRole ? enumLabel(t, 'role', e.userRole) : tx('auditLog.system')}</TableCell>
              <TableCell>{auditPurposeLabel(i18n.language, e.processingActivity)}</TableCell>
              <TableCell>
                {auditObjectLabel(i18n.language, e.objectType)} {e.objectId ? <code>{e.objectId.slice(0, 8)}</code> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The inspectorate's audit-log viewer (issue 13): search, open an entry, verify its proof here. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('auditLog.title'));
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>);
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const query = new URLSearchParams();
  for (const f of FIELDS) if (params.get(f)) query.set(f, moment(f, params.get(f)!));
  query.set('page', String(page));
  query.set('pageSize', String(PAGE_SIZE));
  const entries = useAuditEntries(query.toString());
  const opened = params.get('entry') ? Number(params.get('entry')) : undefined;
  const withParams = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    return next;
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(withParams({ ...Object.fromEntries(FIELDS.map((f) => [f, form[f].trim()])), pagina: undefined, entry: undefined }), { replace: true });
  };
  const data = entries.data;
  // Searched by name; a code from an address that has no name yet stays selectable as it is.
  const choices = (f: 'operation' | 'purpose') => {
    const known = f === 'operation' ? knownOperations(i18n.language) : knownPurposes(i18n.language);
    return form[f] && !known.some((o) => o.value === form[f]) ? [...known, { value: form[f], label: form[f] }] : known;
  };
  return (
    <>
      <Heading level={1}>{tx('auditLog.title')}</Heading>
      <Paragraph>{tx('auditLog.intro')}</Paragraph>
      <form role="search" aria-label={tx('auditLog.searchLabel')} onSubmit={onSearch} className="hoeder-search">
        {FIELDS.map((f) =>
          f === 'operation' || f === 'purpose' ? (
            <SelectField key={f} name={f} label={tx(`auditLog.columns.${f}`)} value={form[f]} onChange={(v) => setForm({ ...form, [f]: v })} options={choices(f)} placeholder={tx(f === 'operation' ? 'auditCodes.anyOperation' : 'auditCodes.anyPurpose')} />
          ) : (
            <TextField key={f} name={f} type={f === 'from' || f === 'to' ? 'date' : 'text'} label={tx(`auditLog.filters.${f}`)} value={form[f]} onChange={(v) => setForm({ ...form, [f]: v })} />
          ),
        )}
        <Button type="submit" appearance="primary-action-button">
          {tx('auditLog.search')}
        </Button>
      </form>
      <ApiErrorAlert error={entries.error} />
      {entries.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && <Paragraph role="status">{data.totalCapped ? tx('auditScale.foundMore', { count: data.total }) : tx('auditLog.found', { count: data.total })}</Paragraph>}
      {opened !== undefined && Number.isSafeInteger(opened) && <AuditEntryDetail key={opened} seq={opened} />}
      {data && data.items.length > 0 && <AuditEntriesTable data={data} hrefOf={(seq) => `?${withParams({ entry: String(seq) }).toString()}`} onOpen={(seq) => setParams(withParams({ entry: String(seq) }))} />}
      {data && data.total > data.pageSize && <Paging page={data.page} totalPages={Math.ceil(data.total / data.pageSize)} href={(n) => `?${withParams({ pagina: String(n), entry: undefined }).toString()}`} />}
    </>
  );
}
