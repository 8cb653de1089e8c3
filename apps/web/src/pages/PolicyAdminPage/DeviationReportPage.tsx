import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { DeviationReportItem } from '@hoeder/contracts';
import { apiGet, type ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { measureLabel } from '../../components/PolicyPackage/labels';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDateTime } from '../../lib/format';

/** Decisions that deviate from the policy's proposal: for the inspectorate (and deciders, their cases). */
export function DeviationReportPage() {
  const { t, i18n } = useTranslation();
  const report = useQuery<DeviationReportItem[], ApiError>({ queryKey: ['policy', 'deviations'], queryFn: () => apiGet('/api/policy/deviations') });
  usePageTitle(t('policy.deviations.title'));
  const list = (changes: { measure: string }[]) => changes.map((c) => measureLabel(t, c.measure)).join('; ');
  return (
    <>
      <Heading level={1}>{t('policy.deviations.title')}</Heading>
      <Paragraph>{t('policy.deviations.intro')}</Paragraph>
      <ApiErrorAlert error={report.error} />
      {report.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {report.data?.length === 0 && <Paragraph role="status">{t('policy.deviations.none')}</Paragraph>}
      {report.data && report.data.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('policy.deviations.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('policy.deviations.case')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.level')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.added')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.dropped')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.deviations.motivation')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.data.map((d) => (
                <TableRow key={d.decisionId}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/casussen/${d.caseId}`}>{d.reference}</RouterLink>
                  </TableHeaderCell>
                  <TableCell>{formatDateTime(d.proposedAt, i18n.language)}</TableCell>
                  <TableCell>{d.policyVersion}</TableCell>
                  <TableCell>{`${d.proposed.resistanceLevel} → ${d.chosen.resistanceLevel}`}</TableCell>
                  <TableCell>{list(d.addedMeasures)}</TableCell>
                  <TableCell>{list(d.droppedMeasures)}</TableCell>
                  <TableCell>{d.motivation}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
