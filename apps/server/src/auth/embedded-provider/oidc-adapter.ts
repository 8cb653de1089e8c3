import type { Database } from '@hoeder/db';
import { sql, type Kysely } from 'kysely';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { Clock } from '../../platform/clock';

/** Expired rows are purged now and then, on a write, so the table does not grow without bound. */
const PURGE_EVERY_WRITES = 200;

/**
 * Stores the embedded provider's artefacts (interactions, codes, grants, its sessions) in
 * `oidc_payload`, so a restart keeps logins in progress working and several instances share them.
 */
export function createOidcAdapterFactory(db: Kysely<Database>, clock: Clock): AdapterFactory {
  let writes = 0;
  return (kind: string): Adapter => {
    const live = () => db.selectFrom('oidc_payload').select(['payload', 'consumed_at']).where('kind', '=', kind).where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', clock.now())]));

    const toPayload = (row: { payload: Record<string, unknown>; consumed_at: Date | null } | undefined): AdapterPayload | undefined => {
      if (!row) return undefined;
      return row.consumed_at ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) } : row.payload;
    };

    return {
      async upsert(id, payload, expiresIn) {
        const now = clock.now();
        const values = {
          payload: JSON.stringify(payload),
          grant_id: payload.grantId ?? null,
          uid: payload.uid ?? null,
          user_code: payload.userCode ?? null,
          expires_at: expiresIn ? new Date(now.getTime() + expiresIn * 1000) : null,
        };
        await db
          .insertInto('oidc_payload')
          .values({ id, kind, ...values })
          .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ ...values, consumed_at: null }))
          .execute();
        writes += 1;
        if (writes % PURGE_EVERY_WRITES === 0) await db.deleteFrom('oidc_payload').where('expires_at', '<', now).execute();
      },
      find: async (id) => toPayload(await live().where('id', '=', id).executeTakeFirst()),
      findByUid: async (uid) => toPayload(await live().where('uid', '=', uid).executeTakeFirst()),
      findByUserCode: async (userCode) => toPayload(await live().where('user_code', '=', userCode).executeTakeFirst()),
      async consume(id) {
        await db.updateTable('oidc_payload').set({ consumed_at: clock.now() }).where('kind', '=', kind).where('id', '=', id).execute();
      },
      async destroy(id) {
        await db.deleteFrom('oidc_payload').where('kind', '=', kind).where('id', '=', id).execute();
      },
      async revokeByGrantId(grantId) {
        await db.deleteFrom('oidc_payload').where('grant_id', '=', grantId).execute();
      },
    };
  };
}

/** Ends every session the embedded provider holds for an account, so the next login asks for the password. */
export async function endProviderSessions(db: Kysely<Database>, accountId: string): Promise<void> {
  await db
    .deleteFrom('oidc_payload')
    .where('kind', '=', 'Session')
    .where(sql<string>`payload->>'accountId'`, '=', accountId)
    .execute();
}
