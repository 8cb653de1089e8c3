import { useAssignmentText } from '../../i18n/assignment-text';
import { useParams } from 'react-router-dom';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { Uuid, type AssignmentDetail } from '@hoeder/contracts';
import { useAssignment } from '../../api/assignments';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { AssignmentContentList, DiffList, statusLabel, TaskingList, versionTitle } from '../../components/AssignmentParts/AssignmentParts';
import { ClassificationBanner } from '../../components/ClassificationBanner/ClassificationBanner';
import { Section } from '../../components/CaseSections/Section';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { isNotFound } from '../../lib/errors';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { AcceptForm, ConceptForms, TaskUnitsForm } from './LccForms';

/** One assignment for the LCC: what is asked, what changed per version, and the LCC's steps. */
export function AssignmentPage() {
  const { t, ta } = useAssignmentText();
  const { assignmentId = '' } = useParams();
  const wellFormed = Uuid.safeParse(assignmentId).success;
  const query = useAssignment(assignmentId, wellFormed);
  usePageTitle(query.data ? ta('page.title', { reference: query.data.reference }) : t('app.loading'));
  if (!wellFormed || isNotFound(query.error)) return <NotFoundPage title={ta('page.notFound')} back={{ to: '/opdrachten', label: ta('page.back') }} />;
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <AssignmentDetails a={query.data} />;
}

function AssignmentDetails({ a }: { a: AssignmentDetail }) {
  const { ta, i18n } = useAssignmentText();
  const latestIssued = [...a.versions].reverse().find((v) => v.kind === 'issued');
  return (
    <>
      <ClassificationBanner classification={a.classification} />
      <Paragraph>
        <RouterLink to="/opdrachten">{ta('page.back')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{ta('page.title', { reference: a.reference })}</Heading>
      <Paragraph className="hoeder-phase">
        {ta('columns.status')}: <strong>{statusLabel(ta, a.status)}</strong> · {ta('page.versions', { current: a.currentVersion, accepted: a.acceptedVersion ?? '–' })}
      </Paragraph>
      <Paragraph>
        <RouterLink to={`/casussen/${a.caseId}`}>{ta('page.toCase')}</RouterLink>
      </Paragraph>
      {['new', 'changed', 'withdrawn'].includes(a.status) && <AcceptForm a={a} />}
      {latestIssued?.kind === 'issued' && (
        <Section title={ta('page.asked', { version: latestIssued.version })}>
          <AssignmentContentList content={latestIssued.content} />
        </Section>
      )}
      <Section title={ta('page.units')}>
        <TaskingList units={a.units} />
        {a.status === 'accepted' && <TaskUnitsForm a={a} />}
      </Section>
      <Section title={ta('concepts.title')}>
        <Alert type="warning">
          <Paragraph>{ta('concepts.operational')}</Paragraph>
        </Alert>
        <ConceptForms a={a} editable={a.status === 'accepted'} />
      </Section>
      <Section title={ta('page.history')}>
        {[...a.versions].reverse().map((v) => (
          <div key={v.version} className="hoeder-version">
            <Heading level={3}>{versionTitle(ta, v, i18n.language)}</Heading>
            {v.kind === 'issued' && <DiffList diff={v.diff} />}
          </div>
        ))}
      </Section>
    </>
  );
}
