import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../schema';

export interface NotificationRow {
  notificationId: string;
  queueId: string;
  caseId: string;
  reference: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * Holds a user's notification state for the rest of the transaction: every instance runs the
 * notifier, and two rounds for one user must not both see an item as new (one notification, one mail).
 */
export async function lockUserNotifications(db: Db, userId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`notify:${userId}`}))`.execute(db);
}

/** The items a user was told about that are still in their queues: `${queueId}|${caseId}` → id. */
export async function openNotifications(db: Db, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('notification').select(['notification_id', 'queue_id', 'case_id']).where('user_id', '=', userId).where('cleared_at', 'is', null).execute();
  return new Map(rows.map((r) => [`${r.queue_id}|${r.case_id}`, r.notification_id]));
}

export async function insertNotifications(db: Db, userId: string, items: readonly { queueId: string; caseId: string }[], at: Date): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('notification')
    .values(items.map((i) => ({ notification_id: randomUUID(), user_id: userId, queue_id: i.queueId, case_id: i.caseId, created_at: at })))
    .execute();
}

export async function clearNotifications(db: Db, notificationIds: readonly string[], at: Date): Promise<void> {
  if (notificationIds.length === 0) return;
  await db.updateTable('notification').set({ cleared_at: at }).where('notification_id', 'in', [...notificationIds]).execute();
}

/** A user's open notifications, newest first, with the case's reference (no personal data). */
export async function listNotifications(db: Db, userId: string, limit = 50): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notification as n')
    .leftJoin('case_summary as s', 's.case_id', 'n.case_id')
    .select(['n.notification_id', 'n.queue_id', 'n.case_id', 's.reference', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .where('n.cleared_at', 'is', null)
    .orderBy('n.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    notificationId: r.notification_id,
    queueId: r.queue_id,
    caseId: r.case_id,
    reference: r.reference,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
  }));
}

/** Marks the user's own notification read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(db: Db, userId: string, notificationId: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('notification').set({ read_at: at }).where('notification_id', '=', notificationId).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return true;
  const mine = await db.selectFrom('notification').select('notification_id').where('notification_id', '=', notificationId).where('user_id', '=', userId).executeTakeFirst();
  return mine !== undefined;
}

/** A mail for the relay: the recipient and a link into Hoeder, never what the work is about. */
export async function enqueueMail(db: Db, userId: string, link: string, at: Date): Promise<void> {
  await db.insertInto('mail_outbox').values({ message_id: randomUUID(), user_id: userId, link, created_at: at }).execute();
}

/** What the relay still has to send, oldest first; it marks what it sent with `markMailSent`. */
export async function unsentMail(db: Db, limit = 100): Promise<{ messageId: string; userId: string; link: string; createdAt: string }[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().where('sent_at', 'is', null).orderBy('created_at').limit(limit).execute();
  return rows.map((r) => ({ messageId: r.message_id, userId: r.user_id, link: r.link, createdAt: new Date(r.created_at).toISOString() }));
}

export async function markMailSent(db: Db, messageIds: readonly string[], at: Date): Promise<void> {
  if (messageIds.length === 0) return;
  await db.updateTable('mail_outbox').set({ sent_at: at }).where('message_id', 'in', [...messageIds]).execute();
}
