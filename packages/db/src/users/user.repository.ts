import type { Classification, Organisation, Role } from '@hoeder/domain';
import type { Db } from '../schema';

export interface UserRow {
  userId: string;
  subject: string;
  displayName: string;
  organisation: Organisation;
  roles: Role[];
  clearance: Classification;
  active: boolean;
  /** The executing unit the user works in; null outside the units. */
  unitId: string | null;
}

const columns = ['user_id', 'subject', 'display_name', 'organisation', 'roles', 'clearance', 'active', 'unit_id'] as const;

const toUser = (r: { user_id: string; subject: string; display_name: string; organisation: Organisation; roles: Role[]; clearance: Classification; active: boolean; unit_id: string | null }): UserRow => ({
  userId: r.user_id,
  subject: r.subject,
  displayName: r.display_name,
  organisation: r.organisation,
  roles: r.roles,
  clearance: r.clearance,
  active: r.active,
  unitId: r.unit_id,
});

export async function findUserBySubject(db: Db, subject: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('app_user').select(columns).where('subject', '=', subject).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('app_user').select(columns).where('user_id', '=', userId).executeTakeFirst();
  return row && toUser(row);
}

export async function findUsersByIds(db: Db, userIds: readonly string[]): Promise<UserRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db.selectFrom('app_user').select(columns).where('user_id', 'in', [...userIds]).execute();
  return rows.map(toUser);
}

export async function listActiveUsers(db: Db): Promise<UserRow[]> {
  const rows = await db.selectFrom('app_user').select(columns).where('active', '=', true).orderBy('display_name').execute();
  return rows.map(toUser);
}

export async function upsertUser(db: Db, user: Omit<UserRow, 'active' | 'unitId'> & { unitId?: string | null; createdAt: Date }): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      user_id: user.userId,
      subject: user.subject,
      display_name: user.displayName,
      organisation: user.organisation,
      roles: user.roles,
      clearance: user.clearance,
      unit_id: user.unitId ?? null,
      created_at: user.createdAt,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ display_name: user.displayName, organisation: user.organisation, roles: user.roles, clearance: user.clearance, ...(user.unitId !== undefined ? { unit_id: user.unitId } : {}) }),
    )
    .execute();
}
