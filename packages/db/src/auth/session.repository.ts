import type { Db } from '../schema';

/** A session row joined with the user it belongs to. */
export interface SessionWithUser {
  sessionIdHash: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  user: { userId: string; subject: string; displayName: string; organisation: string; roles: string[]; clearance: string; active: boolean; unitId: string | null };
}

export async function findSessionWithUser(db: Db, sessionIdHash: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('auth_session as s')
    .innerJoin('app_user as u', 'u.user_id', 's.user_id')
    .select(['s.session_id_hash', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at', 's.ended_at'])
    .select(['u.user_id', 'u.subject', 'u.display_name', 'u.organisation', 'u.roles', 'u.clearance', 'u.active', 'u.unit_id'])
    .where('s.session_id_hash', '=', sessionIdHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionIdHash: row.session_id_hash,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    user: {
      userId: row.user_id,
      subject: row.subject,
      displayName: row.display_name,
      organisation: row.organisation,
      roles: row.roles,
      clearance: row.clearance,
      active: row.active,
      unitId: row.unit_id,
    },
  };
}

export async function insertSession(
  db: Db,
  row: { sessionIdHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_session')
    .values({
      session_id_hash: row.sessionIdHash,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.createdAt,
      last_seen_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Ends the given sessions that are still open; returns how many it ended. */
export async function endSessions(db: Db, sessionIdHashes: readonly string[], at: Date): Promise<number> {
  if (sessionIdHashes.length === 0) return 0;
  const result = await db
    .updateTable('auth_session')
    .set({ ended_at: at })
    .where('session_id_hash', 'in', [...sessionIdHashes])
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function touchSession(db: Db, sessionIdHash: string, at: Date): Promise<void> {
  await db.updateTable('auth_session').set({ last_seen_at: at }).where('session_id_hash', '=', sessionIdHash).where('ended_at', 'is', null).execute();
}
