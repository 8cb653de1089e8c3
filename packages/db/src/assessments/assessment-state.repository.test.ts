import { assessment } from '@hoeder/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDafRead, mintDafWrite } from '../access/mint';
import { openTestDatabase, type TestDatabase } from '../testing';
import { upsertUser } from '../users/user.repository';
import { appendAssessmentEvents, loadAssessmentEvents } from './assessment.repository';
import { ASSESSMENT_SNAPSHOT_EVERY, ASSESSMENT_SNAPSHOT_SHAPE, keepAssessmentSnapshot, loadAssessmentState } from './assessment-state.repository';

const caseId = '00000000-0000-4000-8000-0000000000c1';
const userId = '00000000-0000-4000-8000-0000000000a1';
const write = mintDafWrite(caseId);
const read = mintDafRead(caseId, 'member');
const at = new Date('2026-03-02T09:00:00.000Z');
let t: TestDatabase;

const item = (n: number) => ({
  itemId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
  kind: 'soft_information',
  sourceDescription: 'buurman',
  classification: 'dep_confidential',
  releaseCondition: 'daf_and_authority',
  receivedOn: '2026-03-02',
  grading: { reliability: 'F', credibility: 3 },
  title: `Waarneming ${n}`,
  content: 'Synthetisch.',
});

/** Appends `n` registered items one command at a time, keeping snapshots as the command path does. */
async function appendItems(from: number, n: number) {
  for (let i = from; i < from + n; i++) {
    const before = await loadAssessmentState(t.db, write);
    const event = { body: { type: 'ItemRegistered', item: item(i) } as assessment.AssessmentEventBody, actorId: userId, actorRole: 'threat_analyst', occurredAt: at, traceId: 't' };
    const version = await appendAssessmentEvents(t.db, write, before.state?.version ?? 0, [event]);
    const next = assessment.projectAssessment([{ caseId, version, body: event.body, actorId: userId, occurredAt: at.toISOString() }], before.state)!;
    await keepAssessmentSnapshot(t.db, write, next, before.snapshotVersion, at);
  }
}

const fullFold = async () => assessment.projectAssessment((await loadAssessmentEvents(t.db, read)).get(caseId) ?? []);

beforeAll(async () => {
  t = await openTestDatabase();
  await upsertUser(t.db, { userId, subject: 'analist', displayName: 'A', organisation: 'NCTV_DAF', roles: ['threat_analyst'], clearance: 'stg_secret', createdAt: at });
  await t.asOwner((owner) =>
    sql`INSERT INTO case_summary (case_id, reference, phase, phenomenon, classification, version, registered_at, updated_at, attention_rank)
        VALUES (${caseId}, 'HOE-T-1', 'registered', 'organised_crime', 'dep_confidential', 1, now(), now(), 2)`.execute(owner),
  );
});
afterAll(() => t.close());

describe('DAF record snapshots (cost that does not grow with history)', () => {
  it('folds the whole stream while there is no snapshot yet', async () => {
    await appendItems(1, ASSESSMENT_SNAPSHOT_EVERY - 1);
    const loaded = await loadAssessmentState(t.db, read);
    expect(loaded.snapshotVersion).toBe(0);
    expect(loaded.state).toEqual(await fullFold());
  });

  it('continues from the latest snapshot plus its tail, equal to the fold of the whole stream', async () => {
    await appendItems(ASSESSMENT_SNAPSHOT_EVERY, ASSESSMENT_SNAPSHOT_EVERY + 10);
    const loaded = await loadAssessmentState(t.db, read);
    expect(loaded.snapshotVersion).toBe(2 * ASSESSMENT_SNAPSHOT_EVERY);
    expect(loaded.state?.version).toBe(2 * ASSESSMENT_SNAPSHOT_EVERY + 9);
    expect(loaded.state).toEqual(await fullFold());
  });

  it('ignores a snapshot written for another state shape and folds the stream instead', async () => {
    await t.asOwner((owner) => sql`UPDATE stream_snapshot SET shape = ${ASSESSMENT_SNAPSHOT_SHAPE + 1}, state = '{"items":[]}'`.execute(owner));
    const loaded = await loadAssessmentState(t.db, read);
    expect(loaded.snapshotVersion).toBe(0);
    expect(loaded.state).toEqual(await fullFold());
  });

  it('lets the application role replace snapshots but never delete them', async () => {
    await expect(sql`DELETE FROM stream_snapshot`.execute(t.db)).rejects.toThrow();
  });
});
