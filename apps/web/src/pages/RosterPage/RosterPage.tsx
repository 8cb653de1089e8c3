import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { useRosterVersions } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { rosterLabel, useRosterT } from './labels';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { PlanningRuns } from './PlanningRuns';

/** Rosters: the LCC plans and sees every version; a unit lead sees the published ones for their unit. */
export function RosterPage({ me }: { me: Me }) {
  const { t, i18n } = useRosterT();
  usePageTitle(t('roster.title'));
  const versions = useRosterVersions();
  const lcc = me.roles.includes('lcc_coordinator');
  return (
    <>
      <Heading level={1}>{t('roster.title')}</Heading>
      <Paragraph>{lcc ? t('roster.introLcc') : t('roster.introUnit')}</Paragraph>
      {lcc && <PlanningRuns />}
      <section aria-labelledby="versions-heading">
        <Heading level={2} id="versions-heading">
          {t('roster.versions.title')}
        </Heading>
        <ApiErrorAlert error={versions.error} />
        {versions.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
        {versions.data?.versions.length === 0 && <Paragraph role="status">{lcc ? t('roster.versions.none') : t('roster.versions.noneUnit')}</Paragraph>}
        {versions.data && versions.data.versions.length > 0 && (
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{t('roster.versions.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('roster.versions.version')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.period')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.versions.origin')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.versions.coverage')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.versions.published')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {versions.data.versions.map((v) => (
                  <TableRow key={v.versionId}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/roosters/${v.versionId}`}>{t('roster.versions.number', { n: v.versionNo })}</RouterLink>
                    </TableHeaderCell>
                    <TableCell>{t('roster.periodText', { start: formatDate(v.startDate, i18n.language), count: v.days })}</TableCell>
                    <TableCell>{rosterLabel(t, 'origin', v.origin)}</TableCell>
                    <TableCell>{t('roster.coverage', { covered: v.quality.coveredPosts, total: v.quality.totalPosts, short: v.quality.shortfalls })}</TableCell>
                    <TableCell>{v.publishedAt ? formatDateTime(v.publishedAt, i18n.language) : t('roster.versions.draft')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
