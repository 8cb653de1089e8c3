import type { Db } from './schema';

export type SnapshotStream = 'case' | 'assessment';

/** A projected state at a stream version, with the shape number of the code that wrote it. */
export interface StreamSnapshot<S> {
  version: number;
  state: S;
}

/**
 * The latest snapshot of a stream, or `undefined` when there is none or it was written by code with
 * another state shape (the caller then folds the whole stream, and may save a fresh one).
 */
export async function loadStreamSnapshot<S>(db: Db, stream: SnapshotStream, caseId: string, shape: number): Promise<StreamSnapshot<S> | undefined> {
  const row = await db
    .selectFrom('stream_snapshot')
    .select(['version', 'shape', 'state'])
    .where('stream', '=', stream)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row || row.shape !== shape) return undefined;
  return { version: row.version, state: row.state as S };
}

/** Replaces the snapshot of a stream, in the caller's transaction (so it never runs ahead of the stream). */
export async function saveStreamSnapshot<S>(db: Db, stream: SnapshotStream, caseId: string, shape: number, snapshot: StreamSnapshot<S>, at: Date): Promise<void> {
  const values = { stream, case_id: caseId, version: snapshot.version, shape, state: JSON.stringify(snapshot.state), taken_at: at };
  await db
    .insertInto('stream_snapshot')
    .values(values)
    .onConflict((oc) => oc.columns(['stream', 'case_id']).doUpdateSet({ version: values.version, shape, state: values.state, taken_at: at }))
    .execute();
}
