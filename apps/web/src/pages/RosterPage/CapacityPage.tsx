import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCapacity, type CapacityWeek } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate } from '../../lib/format';
import { useRosterT } from './labels';

type Group = CapacityWeek['groups'][number]['group'];

/** One organisation's twelve weeks: demand against available hours, as a bar per week (the numbers are in the table too). */
function GroupTable({ group, weeks }: { group: Group; weeks: CapacityWeek[] }) {
  const { t, i18n } = useRosterT();
  const name = t(`roster.capacity.group.${group}`);
  return (
    <section aria-labelledby={`capacity-${group}`}>
      <Heading level={2} id={`capacity-${group}`}>
        {name}
      </Heading>
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{t('roster.capacity.caption', { group: name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('roster.capacity.week')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.capacity.demand')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.capacity.available')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.capacity.utilisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('roster.capacity.behind')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {weeks.map((w) => {
              const g = w.groups.find((x) => x.group === group);
              if (!g) return null;
              const pct = Math.round(g.utilisation * 100);
              return (
                <TableRow key={w.startDate}>
                  <TableHeaderCell scope="row">{formatDate(w.startDate, i18n.language)}</TableHeaderCell>
                  <TableCell>{g.demandHours.toLocaleString(i18n.language)}</TableCell>
                  <TableCell>{g.availableHours.toLocaleString(i18n.language)}</TableCell>
                  <TableCell>
                    <span className="hoeder-bar" aria-hidden="true">
                      <span className={`hoeder-bar__fill${g.bottleneck ? ' hoeder-bar__fill--over' : ''}`} style={{ inlineSize: `${Math.min(100, pct)}%` }} />
                    </span>{' '}
                    {`${pct}%`}
                    {g.bottleneck && <strong>{` ${t('roster.capacity.bottleneck')}`}</strong>}
                  </TableCell>
                  <TableCell>
                    <details>
                      <summary>{t('roster.capacity.cases', { count: g.cases.length })}</summary>
                      <ul>
                        {g.cases.map((c) => (
                          <li key={c.caseId ?? '-'}>{t('roster.capacity.caseLine', { reference: c.caseReference ?? '–', hours: c.hours, posts: c.posts })}</li>
                        ))}
                      </ul>
                    </details>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** The LCC's capacity dashboard: the coming twelve weeks per organisation, bottlenecks flagged before they happen. */
export function CapacityPage() {
  const { t } = useRosterT();
  usePageTitle(t('roster.capacity.title'));
  const capacity = useCapacity();
  const weeks = capacity.data?.weeks ?? [];
  const groups = [...new Set(weeks.flatMap((w) => w.groups.map((g) => g.group)))];
  return (
    <>
      <Heading level={1}>{t('roster.capacity.title')}</Heading>
      <Paragraph>{t('roster.capacity.intro')}</Paragraph>
      <ApiErrorAlert error={capacity.error} />
      {capacity.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {groups.map((g) => (
        <GroupTable key={g} group={g} weeks={weeks} />
      ))}
    </>
  );
}
