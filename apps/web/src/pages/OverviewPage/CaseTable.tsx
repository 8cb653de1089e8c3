import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { CaseListItem } from '@hoeder/contracts';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { enumLabel } from '../../i18n/enums';
import { isReviewDue, READABLE_SECTIONS } from '@hoeder/domain';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { formatDate, formatDateTime, localToday } from '../../lib/format';
import { useReassessmentDue } from '../AssessmentPage/assessmentQueries';

/** One page of the overview, in the order the server sorted it; `total` is the count of every page. */
export function CaseTable({ cases, total }: { cases: readonly CaseListItem[]; total: number }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  // Only readers of assessments ask the server which cases need re-assessment.
  const readsAssessments = me.roles.some((r) => READABLE_SECTIONS[r].includes('assessment'));
  const reassessment = new Set(useReassessmentDue(readsAssessments).data?.caseIds ?? []);
  const today = localToday();
  return (
    <div className="hoeder-table-scroll">
      <Table>
        <TableCaption>{t('overview.caption', { count: total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('overview.columns.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.columns.phase')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.columns.phenomenon')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.columns.classification')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.columns.updatedAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.columns.reviewDate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((c) => (
            <TableRow key={c.caseId}>
              <TableHeaderCell scope="row">
                <RouterLink to={`/casussen/${c.caseId}`}>{c.reference}</RouterLink>
              </TableHeaderCell>
              <TableCell>
                {enumLabel(t, 'phase', c.phase)}
                {reassessment.has(c.caseId) && c.phase !== 'ended' ? <strong> — {t('daf.reassessment.badge')}</strong> : null}
              </TableCell>
              <TableCell>{enumLabel(t, 'phenomenon', c.phenomenon)}</TableCell>
              <TableCell>{enumLabel(t, 'classification', c.classification)}</TableCell>
              <TableCell>{formatDateTime(c.updatedAt, i18n.language)}</TableCell>
              <TableCell>
                {c.reviewDate ? formatDate(c.reviewDate, i18n.language) : t('overview.noReviewDate')}
                {isReviewDue(c.phase, c.reviewDate, today) ? <strong> — {t('overview.reviewDue')}</strong> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
