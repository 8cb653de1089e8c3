import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { LEARNING_ROLES, type Classification, type Role } from '@hoeder/domain';
import { useCaseLearning } from '../../api/learning';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../AuthGate/AuthGate';
import { Section } from '../CaseSections/Section';
import { EvaluationPanel, OpenEvaluationForm } from './Evaluations';
import { IncidentForm } from './IncidentForm';

const READERS: readonly Role[] = [...LEARNING_ROLES.readIncidents, ...LEARNING_ROLES.readEvaluations];
export const maySeeLearningSection = (roles: readonly Role[]) => roles.some((r) => READERS.includes(r));

/**
 * Incidents and evaluations on the case page (issue 14): the incidents the reader may see, whether
 * they make re-assessment due, the evaluations with their lessons, and the forms of the reader's
 * role. As of a moment (`asOf`) it shows what was known then, without forms.
 */
export function LearningSection({ caseId, asOf }: { caseId: string; asOf: string | null }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const me = useCurrentUser();
  const enabled = maySeeLearningSection(me.roles);
  const query = useCaseLearning(caseId, asOf, enabled);
  if (!enabled) return null;
  const view = query.data;
  return (
    <Section title={tx('learning.section.title')} id="incidenten">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {view && (
        <>
          {view.reassessment?.due && view.reassessment.incidentIds.length > 0 && (
            <Alert type="warning">
              <Paragraph>{tx('learning.section.reassessmentDue', { count: view.reassessment.incidentIds.length })}</Paragraph>
            </Alert>
          )}
          {view.incidents.length === 0 ? (
            <Paragraph>{tx('learning.section.noIncidents')}</Paragraph>
          ) : (
            <div className="hoeder-table-scroll">
              <Table>
                <TableCaption>{tx('learning.section.incidentsCaption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{tx('learning.incident.occurredAt')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{tx('learning.incident.kind')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{tx('learning.incident.description')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{tx('learning.incident.classification')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{tx('learning.incident.recordedBy')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {view.incidents.map((i) => (
                    <TableRow key={i.incidentId}>
                      <TableCell>{formatDateTime(i.occurredAt, i18n.language)}</TableCell>
                      <TableCell>{tx(`learning.kinds.${i.kind}`)}</TableCell>
                      <TableCell>
                        {i.description}
                        {i.location ? ` (${i.location})` : ''}
                      </TableCell>
                      <TableCell>{enumLabel(t, 'classification', i.classification)}</TableCell>
                      <TableCell>
                        {view.names[i.recordedBy] ?? tx('learning.unknownUser')} · {enumLabel(t, 'organisation', i.originator)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {view.may.recordIncident && <IncidentForm caseId={caseId} caseClassification={view.classification} clearance={me.clearance as Classification} />}
          {view.evaluations.length === 0 && <Paragraph>{tx('learning.section.noEvaluations')}</Paragraph>}
          {view.evaluations.map((e) => (
            <EvaluationPanel key={e.evaluationId} view={view} evaluation={e} me={me} />
          ))}
          {view.may.leadEvaluation && <OpenEvaluationForm view={view} />}
        </>
      )}
    </Section>
  );
}
