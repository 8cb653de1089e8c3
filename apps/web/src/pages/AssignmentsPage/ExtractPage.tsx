import { useAssignmentText } from '../../i18n/assignment-text';
import { useParams } from 'react-router-dom';
import { Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { Uuid, type OperationalExtract } from '@hoeder/contracts';
import { useAssignmentCommand, useAssignmentExtract } from '../../api/assignments';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { AssignmentContentList } from '../../components/AssignmentParts/AssignmentParts';
import { StepForm } from '../../components/AssignmentParts/StepForm';
import { Section } from '../../components/CaseSections/Section';
import { Facts } from '../../components/CaseSections/Facts';
import { domainLabel } from '../../components/PolicyPackage/labels';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { isNotFound } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';

/** The operational extract of one assignment: what the unit needs, nothing of intake, triage or assessment. */
export function ExtractPage() {
  const { t, ta } = useAssignmentText();
  const { assignmentId = '' } = useParams();
  const wellFormed = Uuid.safeParse(assignmentId).success;
  const query = useAssignmentExtract(assignmentId, wellFormed);
  usePageTitle(query.data ? ta('extract.title', { reference: query.data.reference }) : t('app.loading'));
  if (!wellFormed || isNotFound(query.error)) return <NotFoundPage title={ta('page.notFound')} back={{ to: '/mijn-opdrachten', label: ta('mine.back') }} />;
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <Extract x={query.data} />;
}

function Extract({ x }: { x: OperationalExtract }) {
  const { t, ta, i18n } = useAssignmentText();
  const acknowledge = useAssignmentCommand<{ version: number }>(x.assignmentId, 'acknowledge');
  const open = x.acknowledgedVersion !== x.acceptedVersion;
  return (
    <>
      <Paragraph>
        <RouterLink to="/mijn-opdrachten">{ta('mine.back')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{ta('extract.title', { reference: x.reference })}</Heading>
      <Paragraph>{ta('extract.intro')}</Paragraph>
      {open ? (
        <StepForm level={2} title={ta('acknowledge.title', { version: x.acceptedVersion })} submitLabel={ta('acknowledge.submit')} onSubmit={() => acknowledge.mutate({ version: x.acceptedVersion })} pending={acknowledge.isPending} error={acknowledge.error}>
          <Paragraph>{ta('acknowledge.help')}</Paragraph>
        </StepForm>
      ) : (
        <Alert type="ok">
          <Paragraph>{ta('acknowledge.done', { version: x.acknowledgedVersion })}</Paragraph>
        </Alert>
      )}
      <Section title={ta('extract.person')}>
        <Facts facts={[{ label: ta('extract.name'), value: x.personName }]} />
      </Section>
      <Section title={ta('extract.measures', { version: x.acceptedVersion })}>
        <AssignmentContentList content={x} />
      </Section>
      <Section title={ta('concepts.title')}>
        {x.concepts.length === 0 ? (
          <Paragraph>{ta('concepts.none')}</Paragraph>
        ) : (
          <Facts facts={x.concepts.map((c) => ({ label: domainLabel(t, c.domain), value: c.concept }))} />
        )}
      </Section>
      <Section title={ta('extract.agenda')}>
        {x.agenda.length === 0 ? (
          <Paragraph>{ta('extract.noAgenda')}</Paragraph>
        ) : (
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{ta('extract.agendaCaption', { count: x.agenda.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{ta('extract.activity')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('extract.domain')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('extract.place')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('extract.when')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {x.agenda.map((a) => (
                  <TableRow key={a.activityId}>
                    <TableHeaderCell scope="row">{a.title}</TableHeaderCell>
                    <TableCell>{domainLabel(t, a.domain)}</TableCell>
                    <TableCell>{untyped(t)(`agenda.place.${a.placeCategory}`)}</TableCell>
                    <TableCell>
                      {formatDateTime(a.start, i18n.language)} – {formatDateTime(a.end, i18n.language)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>
    </>
  );
}
