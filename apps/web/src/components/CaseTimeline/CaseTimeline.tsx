import { useTranslation } from 'react-i18next';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, VisuallyHidden } from '@rijkshuisstijl-community/components-react';
import type { TimelineEntry } from '@hoeder/contracts';
import { useTimeline } from '../../api/queries';
import { enumLabel } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { RouterLink } from '../RouterLink/RouterLink';

/**
 * What happened to the case, by whom, in which role. Each event links to the case as it stood
 * right after it, which is how "what was known when" is answered.
 */
export function CaseTimeline({ caseId, asOf }: { caseId: string; asOf: string | null }) {
  const { t } = useTranslation();
  const timeline = useTimeline(caseId, true);
  const cutoff = asOf ? Date.parse(asOf) : Infinity;
  const entries = (timeline.data ?? []).filter((e) => Date.parse(e.occurredAt) <= cutoff).sort((a, b) => a.version - b.version);
  return (
    <Section title={t('case.sections.timeline')}>
      {timeline.error && (
        <>
          <Paragraph>{t('timeline.loadFailed')}</Paragraph>
          <ApiErrorAlert error={timeline.error} />
        </>
      )}
      {timeline.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {timeline.data && entries.length === 0 && <Paragraph>{t('timeline.empty')}</Paragraph>}
      {entries.length > 0 && <TimelineTable caseId={caseId} entries={entries} />}
    </Section>
  );
}

function TimelineTable({ caseId, entries }: { caseId: string; entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="hoeder-table-scroll">
      <Table>
        <TableCaption>{t('timeline.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('timeline.version')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeline.occurredAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeline.type')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeline.actor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeline.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeline.section')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.version}>
              <TableCell>{entry.version}</TableCell>
              <TableCell>
                <RouterLink to={{ pathname: `/casussen/${caseId}`, search: `?asOf=${encodeURIComponent(entry.occurredAt)}` }}>
                  {formatDateTime(entry.occurredAt, i18n.language)}
                  <VisuallyHidden>{`: ${t('timeline.viewAt', { version: entry.version })}`}</VisuallyHidden>
                </RouterLink>
              </TableCell>
              <TableHeaderCell scope="row">{enumLabel(t, 'eventType', entry.type)}</TableHeaderCell>
              <TableCell>{entry.actor.displayName}</TableCell>
              <TableCell>{enumLabel(t, 'role', entry.actor.role)}</TableCell>
              <TableCell>{enumLabel(t, 'section', entry.section)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
