import { useTranslation } from 'react-i18next';
import type { WorkItem, WorkQueueView } from '@hoeder/contracts';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { assignmentHref } from './executionWork';
import { QueueSection } from './QueueSection';

/** One execution queue (issue 11): each item links to its assignment, with how much waits in it. */
export function ExecutionQueueSection({ queue }: { queue: WorkQueueView }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const columns = [
    { id: 'assignment', header: tx('executionWork.columns.assignment'), cell: (item: WorkItem) => <RouterLink to={assignmentHref(queue.queueId, item.assignmentId)}>{tx('executionWork.openAssignment', { reference: item.reference })}</RouterLink> },
    { id: 'count', header: tx('executionWork.columns.count'), cell: (item: WorkItem) => item.count ?? 1 },
    { id: 'waitingSince', header: tx('executionWork.columns.waitingSince'), cell: (item: WorkItem) => formatDateTime(item.updatedAt, i18n.language) },
  ];
  return <QueueSection queue={queue} columns={columns} rowKey={(item) => item.assignmentId ?? item.caseId} />;
}
