import { fail, ok, type Result } from '@hoeder/domain';
import type { NotificationView } from '@hoeder/contracts';
import { listNotifications, markNotificationRead } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';

/** One's own notifications: every user, only their own rows (the repository filters by the actor). */
const own = roleCheck(() => true, 'notifications are personal', 'protection.case_handling');

export function createNotificationService({ guard }: { guard: Guard }) {
  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<NotificationView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'notification.list', objectType: 'notification', check: own }, async ({ trx, note }) => {
        const rows = await listNotifications(trx, actor.userId);
        note({ caseIds: rows.map((r) => r.caseId) });
        return ok(rows);
      }),

    markRead: (ctx: RequestContext, actor: AuthenticatedActor, notificationId: string): Promise<Result<{ notificationId: string }>> =>
      guard.withAccess(ctx, actor, { operation: 'notification.read', objectType: 'notification', objectId: notificationId, check: own }, async ({ trx }) =>
        (await markNotificationRead(trx, actor.userId, notificationId, ctx.now)) ? ok({ notificationId }) : fail('NOT_FOUND', 'notification not found'),
      ),
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
