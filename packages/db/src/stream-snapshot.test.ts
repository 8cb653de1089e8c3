import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing';
import { loadStreamSnapshot, saveStreamSnapshot } from './stream-snapshot';

let t: TestDatabase;
const caseId = '00000000-0000-4000-8000-000000000001';
beforeAll(async () => {
  t = await openTestDatabase();
  await t.asOwner((owner) =>
    sql`INSERT INTO case_summary (case_id, reference, phase, phenomenon, classification, version, registered_at, updated_at)
        VALUES (${caseId}, 'HOE-T-1', 'registered', 'organised_crime', 'dep_confidential', 1, now(), now())`.execute(owner),
  );
});
afterAll(() => t.close());

describe('stream snapshots', () => {
  it('has none for a stream that was never snapshotted', async () => {
    expect(await loadStreamSnapshot(t.db, 'assessment', caseId, 1)).toBeUndefined();
  });

  it('returns the latest snapshot of the same shape and replaces it in place', async () => {
    await saveStreamSnapshot(t.db, 'assessment', caseId, 1, { version: 5, state: { items: [1, 2] } }, new Date());
    await saveStreamSnapshot(t.db, 'assessment', caseId, 1, { version: 9, state: { items: [1, 2, 3] } }, new Date());
    expect(await loadStreamSnapshot(t.db, 'assessment', caseId, 1)).toEqual({ version: 9, state: { items: [1, 2, 3] } });
    expect(await loadStreamSnapshot(t.db, 'case', caseId, 1)).toBeUndefined();
  });

  it('ignores a snapshot written by code with another state shape', async () => {
    expect(await loadStreamSnapshot(t.db, 'assessment', caseId, 2)).toBeUndefined();
  });

  it('lets the application role upsert snapshots but never delete them', async () => {
    await expect(sql`DELETE FROM stream_snapshot`.execute(t.db)).rejects.toThrow();
  });
});
