import { useParams } from 'react-router-dom';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { usePublish, useRosterOverview } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { rosterLabel, useRosterT } from './labels';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { DiffTable, DomainBalance, ShortfallText } from './RosterParts';
import { Scenarios } from './Scenarios';
import { FailureText } from './FailureText';

/** One roster version: coverage, what changed, work before private, every shortfall explained, cases and units. */
export function RosterVersionPage({ me }: { me: Me }) {
  const { versionId = '' } = useParams();
  const { t, i18n } = useRosterT();
  const overview = useRosterOverview(versionId);
  const publish = usePublish();
  const data = overview.data;
  usePageTitle(data ? t('roster.versions.number', { n: data.version.versionNo }) : t('roster.title'));
  const lcc = me.roles.includes('lcc_coordinator');
  return (
    <>
      <RouterLink to="/roosters">{t('roster.back')}</RouterLink>
      <ApiErrorAlert error={overview.error ?? publish.error} />
      {overview.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Heading level={1}>{t('roster.versions.number', { n: data.version.versionNo })}</Heading>
          <Paragraph>
            {t('roster.periodText', { start: formatDate(data.version.startDate, i18n.language), count: data.version.days })}
            {' · '}
            {data.version.publishedAt ? t('roster.publishedAt', { when: formatDateTime(data.version.publishedAt, i18n.language) }) : t('roster.versions.draft')}
          </Paragraph>
          {lcc && <Paragraph>{t('roster.coverage', { covered: data.version.quality.coveredPosts, total: data.version.quality.totalPosts, short: data.version.quality.shortfalls })}</Paragraph>}
          {data.version.failure && (
            <Alert type="warning">
              <FailureText failure={data.version.failure} withRoster />
            </Alert>
          )}
          {lcc && !data.version.publishedAt && (
            <Button type="button" appearance="primary-action-button" disabled={publish.isPending} onClick={() => publish.mutate(versionId)}>
              {t('roster.publish')}
            </Button>
          )}
          {data.version.diff && <DiffTable diff={data.version.diff} />}
          {data.view.domains && (
            <section aria-labelledby="shortfalls-heading">
              <Heading level={2} id="shortfalls-heading">
                {t('roster.shortfalls.title')}
              </Heading>
              <DomainBalance domains={data.view.domains} />
              {data.view.shortfalls.length === 0 ? (
                <Paragraph>{t('roster.shortfalls.none')}</Paragraph>
              ) : (
                <div className="hoeder-table-scroll">
                  <Table>
                    <TableCaption>{t('roster.shortfalls.caption', { count: data.view.shortfalls.length })}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('roster.case')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('roster.activity')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('roster.date')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('roster.shortfalls.why')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {data.view.shortfalls.slice(0, 200).map((s) => (
                        <TableRow key={`${s.postId}-${s.qualification ?? ''}`}>
                          <TableHeaderCell scope="row">{s.caseId ? <RouterLink to={`/roosters/${versionId}/casussen/${s.caseId}`}>{s.caseReference}</RouterLink> : '–'}</TableHeaderCell>
                          <TableCell>{`${s.label} (${rosterLabel(t, 'domain', s.domain)})`}</TableCell>
                          <TableCell>{`${formatDate(s.date, i18n.language)}, ${rosterLabel(t, 'shift', s.shiftTypeId)}`}</TableCell>
                          <TableCell>
                            <ShortfallText s={s} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )}
            </section>
          )}
          {lcc && <Scenarios versionId={versionId} overview={data.view} />}
          <section aria-labelledby="units-heading">
            <Heading level={2} id="units-heading">
              {t('roster.units.title')}
            </Heading>
            <div className="hoeder-table-scroll">
              <Table>
                <TableCaption>{t('roster.units.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('roster.unit')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('roster.units.officers')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('roster.units.assignments')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.view.units.map((u) => (
                    <TableRow key={u.unitId}>
                      <TableHeaderCell scope="row">
                        <RouterLink to={`/roosters/${versionId}/eenheden/${u.unitId}`}>{u.unitName}</RouterLink>
                      </TableHeaderCell>
                      <TableCell>{u.officers}</TableCell>
                      <TableCell>{u.assignments}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          <section aria-labelledby="cases-heading">
            <Heading level={2} id="cases-heading">
              {t('roster.cases.title')}
            </Heading>
            <div className="hoeder-table-scroll">
              <Table>
                <TableCaption>{t('roster.cases.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('roster.case')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('roster.cases.posts')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('roster.units.assignments')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.view.cases.map((c) => (
                    <TableRow key={c.caseId}>
                      <TableHeaderCell scope="row">
                        <RouterLink to={`/roosters/${versionId}/casussen/${c.caseId}`}>{c.caseReference ?? c.caseId}</RouterLink>
                      </TableHeaderCell>
                      <TableCell>{c.posts}</TableCell>
                      <TableCell>{c.assignments}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
