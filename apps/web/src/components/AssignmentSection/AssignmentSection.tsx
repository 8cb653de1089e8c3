import { useAssignmentText } from '../../i18n/assignment-text';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { ASSIGNMENT_ROLES, type Role } from '@hoeder/domain';
import { useCaseAssignment } from '../../api/assignments';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { AssignmentContentList, DiffList, statusLabel, TaskingList } from '../AssignmentParts/AssignmentParts';
import { Section } from '../CaseSections/Section';
import { RouterLink } from '../RouterLink/RouterLink';

export const maySeeAssignmentSection = (roles: readonly Role[]) => roles.some((r) => ASSIGNMENT_ROLES.caseSection.includes(r));

/**
 * The case's security assignment on the case page, for the roles that may see it (decision
 * makers, the inspectorate, the LCC): its status, what it asks, what changed last, the units.
 */
export function AssignmentSection({ caseId, roles }: { caseId: string; roles: readonly Role[] }) {
  const { t, ta } = useAssignmentText();
  const query = useCaseAssignment(caseId, maySeeAssignmentSection(roles));
  if (!maySeeAssignmentSection(roles)) return null;
  const a = query.data;
  const latest = a ? [...a.versions].reverse().find((v) => v.kind === 'issued') : undefined;
  return (
    <Section title={ta('section.title')} id="beveiligingsopdracht">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {a === null && <Paragraph>{ta('section.none')}</Paragraph>}
      {a && (
        <>
          <Paragraph>
            {ta('columns.status')}: <strong>{statusLabel(ta, a.status)}</strong> · {ta('page.versions', { current: a.currentVersion, accepted: a.acceptedVersion ?? '–' })}
          </Paragraph>
          {roles.includes('lcc_coordinator') && (
            <Paragraph>
              <RouterLink to={`/opdrachten/${a.assignmentId}`}>{ta('section.open')}</RouterLink>
            </Paragraph>
          )}
          {latest?.kind === 'issued' && (
            <>
              <AssignmentContentList content={latest.content} />
              <Paragraph>
                <strong>{ta('section.lastChange')}</strong>
              </Paragraph>
              <DiffList diff={latest.diff} />
            </>
          )}
          <TaskingList units={a.units} />
        </>
      )}
    </Section>
  );
}
