import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { WorkItem, WorkQueueView } from '@hoeder/contracts';
import { DataTable, type DataColumn } from '../../components/DataTable/DataTable';
import { untyped } from '../../i18n/enums';
import { queueTextKey } from './executionWork';

/** One queue of "Voor mij": its title and count, what it holds, and its items in the shared table. */
export function QueueSection({ queue, columns, rowKey }: { queue: WorkQueueView; columns: readonly DataColumn<WorkItem>[]; rowKey: (item: WorkItem) => string }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const title = tx(queueTextKey(queue.queueId, 'title'));
  const headingId = `queue-${queue.queueId}`;
  return (
    <section aria-labelledby={headingId} className="hoeder-queue">
      <Heading level={2} id={headingId}>
        {title} <span className="hoeder-count">({queue.count})</span>
      </Heading>
      <Paragraph>{tx(queueTextKey(queue.queueId, 'description'))}</Paragraph>
      {queue.count === 0 ? <Paragraph>{tx('work.emptyQueue')}</Paragraph> : <DataTable caption={title} captionHidden columns={columns} rows={queue.items} rowKey={rowKey} />}
    </section>
  );
}
