import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { WorkQueueView } from '@hoeder/contracts';
import { useWorkQueues } from '../../api/work';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { Notifications } from './Notifications';
import { ExecutionQueueSection } from './ExecutionQueueSection';
import { isExecutionQueue, queueTextKey } from './executionWork';

/** Where an item's work is done: the DAF page for the analysts' queues, else the case page. */
const DAF_QUEUES = new Set(['assessment_to_make', 'challenge_to_write', 'reassessment_due']);
const workHref = (queueId: string, caseId: string) =>
  // Anomaly alerts (issue 13): the item's id is the alert's, shown on the alerts page.
  queueId === 'anomaly_alerts'
    ? `/toezicht/signalen#signaal-${caseId}`
    : // Overdue lessons (ADR 0030): the item's id is the lesson's, never a case's.
      queueId === 'lesson_follow_up_due'
      ? `/lessen#les-${caseId}`
      : `/casussen/${caseId}${DAF_QUEUES.has(queueId) ? '/dreigingsinschatting' : ''}`;

function QueueSection({ queue }: { queue: WorkQueueView }) {
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
                <TableHeaderCell scope="col">{tx('work.columns.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('work.columns.phase')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('work.columns.dueOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('work.columns.updatedAt')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {queue.items.map((item) => (
                <TableRow key={item.caseId}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={workHref(queue.queueId, item.caseId)}>{queue.queueId === 'anomaly_alerts' ? tx(`anomaly.rules.${item.reference}`) : item.reference}</RouterLink>
                  </TableHeaderCell>
                  <TableCell>{item.phase ? enumLabel(t, 'phase', item.phase) : '—'}</TableCell>
                  <TableCell>{item.dueOn ? formatDate(item.dueOn, i18n.language) : tx('work.noDueDate')}</TableCell>
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

/** "Voor mij" (issue 13): the work waiting for the user, per queue of their role. */
export function WorkPage() {
  const { t } = useTranslation();
  const tx = untyped(t);
  const work = useWorkQueues();
  usePageTitle(tx('work.title'));
  const data = work.data;
  return (
    <>
      <Heading level={1}>{tx('work.title')}</Heading>
      <Paragraph>{tx('work.intro')}</Paragraph>
      <ApiErrorAlert error={work.error} />
      {work.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && <Paragraph role="status">{tx('work.total', { count: data.total })}</Paragraph>}
      {data?.queues.length === 0 && <Paragraph>{tx('work.noQueues')}</Paragraph>}
      {data && data.queues.length > 0 && <Notifications />}
      {data?.queues.map((q) => (isExecutionQueue(q.queueId) ? <ExecutionQueueSection key={q.queueId} queue={q} /> : <QueueSection key={q.queueId} queue={q} />))}
    </>
  );
}
