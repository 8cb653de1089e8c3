import { useAssignmentText } from '../../i18n/assignment-text';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useAssignmentInbox } from '../../api/assignments';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { statusLabel } from '../../components/AssignmentParts/AssignmentParts';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDateTime } from '../../lib/format';

/** The LCC's work queue: new, changed and withdrawn assignments first, then what units have not acknowledged. */
export function AssignmentInboxPage() {
  const { t, ta, i18n } = useAssignmentText();
  const inbox = useAssignmentInbox();
  usePageTitle(ta('inbox.title'));
  const data = inbox.data;
  return (
    <>
      <Heading level={1}>{ta('inbox.title')}</Heading>
      <Paragraph>{ta('inbox.intro')}</Paragraph>
      <ApiErrorAlert error={inbox.error} />
      {inbox.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Paragraph className="hoeder-counts" data-testid="assignment-counts">
            {ta('inbox.counts', data.counts)}
          </Paragraph>
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{ta('inbox.caption', { count: data.items.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{ta('columns.reference')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('columns.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('columns.version')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('columns.units')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{ta('columns.updatedAt')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((i) => (
                  <TableRow key={i.assignmentId}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/opdrachten/${i.assignmentId}`}>{i.reference}</RouterLink>
                    </TableHeaderCell>
                    <TableCell>{statusLabel(ta, i.status)}</TableCell>
                    <TableCell>{i.acceptedVersion === null || i.acceptedVersion === i.currentVersion ? i.currentVersion : ta('columns.versionOf', { accepted: i.acceptedVersion, current: i.currentVersion })}</TableCell>
                    <TableCell>
                      {i.units.length === 0 ? ta('noUnits') : i.units.map((u) => u.name).join(', ')}
                      {i.unacknowledged > 0 ? <strong> — {ta('inbox.unacknowledged', { count: i.unacknowledged })}</strong> : null}
                    </TableCell>
                    <TableCell>{formatDateTime(i.updatedAt, i18n.language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
