import { useAssignmentText } from '../../i18n/assignment-text';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useMyAssignments } from '../../api/assignments';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDateTime } from '../../lib/format';

/** The unit lead's assignments: only those tasked to their own unit, with what is still to acknowledge. */
export function MyAssignmentsPage() {
  const { t, ta, i18n } = useAssignmentText();
  const mine = useMyAssignments();
  usePageTitle(ta('mine.title'));
  const items = mine.data ?? [];
  return (
    <>
      <Heading level={1}>{ta('mine.title')}</Heading>
      <Paragraph>{ta('mine.intro')}</Paragraph>
      <ApiErrorAlert error={mine.error} />
      {mine.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {mine.data && items.length === 0 && <Paragraph role="status">{ta('mine.none')}</Paragraph>}
      {items.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{ta('mine.caption', { count: items.length, open: items.filter((i) => i.unacknowledged > 0).length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{ta('columns.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{ta('columns.acknowledgement')}</TableHeaderCell>
                <TableHeaderCell scope="col">{ta('columns.updatedAt')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => {
                const own = i.units[0];
                const withdrawn = i.status === 'withdrawn' || i.status === 'closed';
                return (
                  <TableRow key={i.assignmentId}>
                    <TableHeaderCell scope="row">{withdrawn ? i.reference : <RouterLink to={`/mijn-opdrachten/${i.assignmentId}`}>{i.reference}</RouterLink>}</TableHeaderCell>
                    <TableCell>
                      {withdrawn ? (
                        <strong>{ta('mine.withdrawn')}</strong>
                      ) : own?.waitingSince ? (
                        <strong>{ta('mine.toAcknowledge', { version: i.acceptedVersion })}</strong>
                      ) : (
                        ta('mine.acknowledged', { version: own?.acknowledgedVersion ?? '' })
                      )}
                    </TableCell>
                    <TableCell>{formatDateTime(i.updatedAt, i18n.language)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
