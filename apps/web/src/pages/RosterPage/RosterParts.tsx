import { Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { Cell, Diff, RosterOverview, Shortfall } from '../../api/roster';
import { rosterLabel, useRosterT } from './labels';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { formatDate } from '../../lib/format';

/** A shortfall in the reader's language: reason, qualification and the count the planner gave. */
export function ShortfallText({ s }: { s: Shortfall }) {
  const { t } = useRosterT();
  const q = s.qualification ? rosterLabel(t, 'qualification', s.qualification) : rosterLabel(t, 'qualification', 'any');
  return <>{rosterLabel(t, 'reason', s.reason, { missing: s.missing, q, n: s.count ?? '–', defaultValue: s.explanation })}</>;
}

export function CellText({ cell, versionId }: { cell: Cell; versionId: string }) {
  const { t } = useRosterT();
  if (cell.kind !== 'post') return cell.kind === 'leave' ? <>{t('roster.cell.leave')}</> : <span className="hoeder-muted">{t('roster.cell.free')}</span>;
  return (
    <>
      {`${rosterLabel(t, 'shift', cell.shiftTypeId)}: ${cell.label}`}
      {cell.caseId && (
        <>
          {' '}
          (<RouterLink to={`/roosters/${versionId}/casussen/${cell.caseId}`}>{cell.caseReference}</RouterLink>)
        </>
      )}
    </>
  );
}

/** Work goes before private (DOMAIN §5): the balance per domain, and the notice when private gave way. */
export function DomainBalance({ domains }: { domains: NonNullable<RosterOverview['view']['domains']> }) {
  const { t } = useRosterT();
  return (
    <>
      {domains.privateGivesWayFirst && (
        <Alert type="info">
          <Paragraph>{t('roster.workBeforePrivate')}</Paragraph>
        </Alert>
      )}
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{t('roster.domains.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('roster.domains.domain')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.domains.posts')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.domains.unstaffed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {domains.rows.map((d) => (
              <TableRow key={d.domain}>
                <TableHeaderCell scope="row">{rosterLabel(t, 'domain', d.domain)}</TableHeaderCell>
                <TableCell>{d.posts}</TableCell>
                <TableCell>{d.unstaffed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** Who moves after a disruption: per officer and day, the post before and after. */
export function DiffTable({ diff }: { diff: Diff }) {
  const { t, i18n } = useRosterT();
  const post = (p: Diff['moves'][number]['from']) => (p ? `${p.label}${p.caseReference ? ` (${p.caseReference})` : ''}` : t('roster.diff.none'));
  return (
    <section aria-labelledby="diff-heading">
      <Heading level={2} id="diff-heading">
        {t('roster.diff.title')}
      </Heading>
      <Paragraph>{t('roster.diff.summary', { count: diff.changedCells, pct: (diff.changedShare * 100).toFixed(1) })}</Paragraph>
      {diff.moves.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('roster.diff.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('roster.officer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('roster.date')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('roster.diff.from')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('roster.diff.to')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {diff.moves.map((m) => (
                <TableRow key={`${m.officerId}-${m.date}`}>
                  <TableHeaderCell scope="row">{m.displayName}</TableHeaderCell>
                  <TableCell>{formatDate(m.date, i18n.language)}</TableCell>
                  <TableCell>{post(m.from)}</TableCell>
                  <TableCell>{post(m.to)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
