import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { RouterButtonLink, RouterLink } from '../../components/RouterLink/RouterLink';
import { useAssessment } from './assessmentQueries';
import { ReassessmentNotice } from './ReassessmentNotice';

export const dafPath = (caseId: string) => `/casussen/${caseId}/dreigingsinschatting`;

/** The analyst's action on a case: the assessment is made on the DAF page, not in a case form. */
export function DafLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <RouterButtonLink to={dafPath(caseId)}>{t('daf.caseLink')}</RouterButtonLink>
    </Paragraph>
  );
}

/** On the case page, for readers of the assessment: the way to the DAF and "re-assessment due". */
export function AssessmentStatus({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const daf = useAssessment(caseId, true);
  return (
    <>
      {daf.data && <ReassessmentNotice view={daf.data} />}
      <Paragraph>
        <RouterLink to={dafPath(caseId)}>{t('daf.caseLink')}</RouterLink>
      </Paragraph>
    </>
  );
}
