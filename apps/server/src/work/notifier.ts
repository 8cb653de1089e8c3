import { randomUUID } from 'node:crypto';
import { clearNotifications, enqueueMail, insertNotifications, listActiveUsers, lockUserNotifications, openNotifications, type Database } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock';
import type { WorkQueueService } from './work-queue.service';

/** Where a notification mail points: the user's queues, never the case (the mail carries no content). */
export const MAIL_LINK = '/voor-mij';

export interface NotifyResult {
  users: number;
  created: number;
  cleared: number;
  mails: number;
}

/**
 * In-app notifications of new work (issue 13), derived from the queue registry, so every queue —
 * later ones too — notifies without its own code: each round reads every user's queues through
 * the guarded layer (audited, as the user), notifies the items that appeared since the last round,
 * clears those that left, and puts one mail per user with new work in the outbox: a link only.
 */
export function createNotifier({ db, workQueues, clock }: { db: Kysely<Database>; workQueues: WorkQueueService; clock: Clock }) {
  return {
    async notifyOnce(): Promise<NotifyResult> {
      const result: NotifyResult = { users: 0, created: 0, cleared: 0, mails: 0 };
      const users = (await listActiveUsers(db)).filter((u) => workQueues.hasQueues(u));
      for (const u of users) {
        const now = clock.now();
        const actor = { userId: u.userId, displayName: u.displayName, roles: u.roles, organisation: u.organisation, clearance: u.clearance, sessionId: 'notifier' };
        const read = await workQueues.queues({ traceId: `notifier-${randomUUID()}`, now }, actor);
        if (!read.ok) continue;
        const current = new Map<string, { queueId: string; caseId: string }>(read.value.queues.flatMap((q) => q.items.map((i) => [`${q.queueId}|${i.caseId}`, { queueId: q.queueId, caseId: i.caseId }])));
        await db.transaction().execute(async (trx) => {
          await lockUserNotifications(trx, u.userId);
          const open = await openNotifications(trx, u.userId);
          const fresh = [...current].filter(([key]) => !open.has(key)).map(([, item]) => item);
          const gone = [...open].filter(([key]) => !current.has(key)).map(([, id]) => id);
          await insertNotifications(trx, u.userId, fresh, now);
          await clearNotifications(trx, gone, now);
          if (fresh.length > 0) await enqueueMail(trx, u.userId, MAIL_LINK, now);
          result.created += fresh.length;
          result.cleared += gone.length;
          result.mails += fresh.length > 0 ? 1 : 0;
        });
        result.users += 1;
      }
      return result;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** The background round, like the audit sealer's loop: one at a time, errors logged, stop waits. */
export function startNotifying(notifyOnce: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = notifyOnce()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
