import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { useMarkNotificationRead, useNotifications } from '../../api/work';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { assignmentHref, isExecutionQueue, queueTextKey } from './executionWork';

/** The unread notifications of new work; each can be marked read (issue 13). */
export function Notifications() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const unread = (notifications.data ?? []).filter((n) => n.readAt === null);
  return (
    <section aria-labelledby="notifications-heading" className="hoeder-queue">
      <Heading level={2} id="notifications-heading">
        {tx('work.notifications.title', { count: unread.length })}
      </Heading>
      <ApiErrorAlert error={notifications.error ?? markRead.error} />
      {notifications.data && unread.length === 0 && <Paragraph>{tx('work.notifications.none')}</Paragraph>}
      {unread.length > 0 && (
        <UnorderedList>
          {unread.map((n) => (
            <UnorderedListItem key={n.notificationId}>
              {tx('work.notifications.item', { queue: tx(queueTextKey(n.queueId, 'title')), at: formatDateTime(n.createdAt, i18n.language) })}{' '}
              {/* Execution work opens the assignments (a unit cannot open the case page); an alert its page. */}
              {n.queueId === 'anomaly_alerts' ? (
                <RouterLink to={`/toezicht/signalen#signaal-${n.caseId}`}>{tx('anomaly.queue.open')}</RouterLink>
              ) : (
                <RouterLink to={isExecutionQueue(n.queueId) ? assignmentHref(n.queueId, undefined) : n.queueId === 'lesson_follow_up_due' ? `/lessen#les-${n.caseId}` : `/casussen/${n.caseId}`}>{n.reference ?? tx('work.notifications.case')}</RouterLink>
              )}{' '}
              <Button type="button" appearance="subtle-button" onClick={() => markRead.mutate(n.notificationId)} disabled={markRead.isPending}>
                {tx('work.notifications.markRead', { reference: n.reference ?? '' })}
              </Button>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
