import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { WorkQueueView } from '@hoeder/contracts';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { assignmentHref, queueTextKey } from './executionWork';

/** One execution queue (issue 11): each item links to its assignment, with how much waits in it. */
export function ExecutionQueueSection({ queue }: { queue: WorkQueueView }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const title = tx(queueTextKey(queue.queueId, 'title'));
  const headingId = `queue-${queue.queueId}`;
  return (
    <section aria-labelledby={headingId} className="hoeder-queue">
      <Heading level={2} id={headingId}>
        {title} <span className="hoeder-count">({queue.count})</span>
      </Heading>
      <Paragraph>{tx(queueTextKey(queue.queueId, 'description'))}</Paragraph>
      {queue.count === 0 ? (
        <Paragraph>{tx('work.emptyQueue')}</Paragraph>
      ) : (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption className="hoeder-visually-hidden">{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{tx('executionWork.columns.assignment')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('executionWork.columns.count')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('executionWork.columns.waitingSince')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {queue.items.map((item) => (
                <TableRow key={`${item.assignmentId ?? item.caseId}`}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={assignmentHref(queue.queueId, item.assignmentId)}>{tx('executionWork.openAssignment', { reference: item.reference })}</RouterLink>
                  </TableHeaderCell>
                  <TableCell>{item.count ?? 1}</TableCell>
                  <TableCell>{formatDateTime(item.updatedAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
