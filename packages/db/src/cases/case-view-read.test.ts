import type { CaseEventBody } from '@hoeder/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintCaseRead, mintCaseWrite } from '../access/mint';
import { openTestDatabase, type TestDatabase } from '../testing';
import { upsertUser } from '../users/user.repository';
import { appendCaseEvents, findCaseAccessFacts, findCaseSummaries, listCaseSummaries, listCaseSummariesOfUser, loadCaseEvents, loadCaseEventsWithNames } from './case.repository';

const caseId = '00000000-0000-4000-8000-0000000000c7';
const userId = '00000000-0000-4000-8000-0000000000a7';
const at = new Date('2026-03-02T09:00:00.000Z');
const explanation = { policyVersion: '2026.1', effectiveFrom: '2026-01-01', model: { id: 'm', name: 'm', namespace: 'n' }, inputData: { threatLevel: 'high' }, decisions: [{ decisionName: 'pakket', firedRules: [{ ruleId: 'R-1', annotation: 'reden' }] }] };
const policy = { policyVersion: '2026.1', effectiveFrom: '2026-01-01', facts: { phenomenon: 'organised_crime' }, proposal: { resistanceLevel: 'R3', measures: [] }, explanation, chosen: { resistanceLevel: 'R3', measures: [] }, deviation: null };
const proposed = { type: 'DecisionProposed', decisionId: '00000000-0000-4000-9000-000000000001', resistanceLevel: 'R3', policy, motivation: 'Weerstand R3.', reviewDate: '2026-09-01', basedOnAssessmentId: '00000000-0000-4000-9000-000000000002' } as unknown as CaseEventBody;
const assigned = { type: 'MemberAssigned', userId } as unknown as CaseEventBody;
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  await upsertUser(t.db, { userId, subject: 'besluit', displayName: 'Diederik', organisation: 'NCTV', roles: ['decision_maker'], clearance: 'stg_secret', createdAt: at });
  await t.asOwner((owner) =>
    sql`INSERT INTO case_summary (case_id, reference, phase, phenomenon, classification, version, registered_at, updated_at, attention_rank)
        VALUES (${caseId}, 'HOE-T-7', 'registered', 'organised_crime', 'dep_confidential', 2, now(), now(), 2)`.execute(owner),
  );
  const event = (body: CaseEventBody) => ({ body, actorId: userId, actorRole: 'decision_maker', occurredAt: at, traceId: 't' });
  await appendCaseEvents(t.db, mintCaseWrite(caseId, 'member'), 0, [event(assigned), event(proposed)]);
});
afterAll(() => t.close());

describe("the case view's stream read (ADR 0038)", () => {
  it('loads the policy trace of a decision for a reader of the decision section, as the plain stream has it', async () => {
    const { events, names } = await loadCaseEventsWithNames(t.db, mintCaseRead(caseId, new Set(['summary', 'decision']), 'member'));
    expect(events).toEqual(await loadCaseEvents(t.db, mintCaseRead(caseId, new Set(['summary']), 'member')));
    expect(names.get(userId)).toBe('Diederik');
  });

  it('leaves only the policy trace out for a reader without the decision section; every other field is as stored', async () => {
    const { events } = await loadCaseEventsWithNames(t.db, mintCaseRead(caseId, new Set(['summary', 'measures']), 'member'));
    const full = await loadCaseEvents(t.db, mintCaseRead(caseId, new Set(['summary']), 'member'));
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual(full[0]);
    const { explanation: _left, ...rest } = policy;
    expect(events[1]).toEqual({ ...full[1], body: { ...proposed, policy: rest } });
    expect(JSON.stringify(events)).not.toContain('R-1');
  });
});

describe('case summaries from the fixed statement texts (ADR 0038)', () => {
  it('gives the same rows as the built queries, timestamps to the millisecond and the review date', async () => {
    const other = '00000000-0000-4000-8000-0000000000c8';
    await t.asOwner((owner) =>
      sql`INSERT INTO case_summary (case_id, reference, phase, phenomenon, classification, version, registered_at, updated_at, review_date, attention_rank)
          VALUES (${other}, 'HOE-T-8', 'measures_active', 'state_actor', 'stg_confidential', 9, '2026-01-31T23:59:59.987Z', '2026-02-28T00:00:00.001Z', '2026-12-31', 4)`.execute(owner),
    );
    await sql`INSERT INTO case_member (case_id, user_id, added_at) VALUES (${other}, ${userId}, now()), (${caseId}, ${userId}, now())`.execute(t.db);
    const built = await findCaseSummaries(t.db, [caseId, other]);
    const listed = await listCaseSummariesOfUser(t.db, userId, at);
    // The rows are the answer's objects as they are (ADR 0042): the same keys in the same order, nothing else.
    expect([...listed].sort((a, b) => a.caseId.localeCompare(b.caseId))).toStrictEqual(built.sort((a, b) => a.caseId.localeCompare(b.caseId)));
    expect(listed.map((r) => Object.keys(r))).toEqual(listed.map(() => ['caseId', 'reference', 'phase', 'phenomenon', 'classification', 'version', 'registeredAt', 'updatedAt', 'reviewDate']));
    expect(listed.find((r) => r.caseId === other)).toMatchObject({ registeredAt: '2026-01-31T23:59:59.987Z', updatedAt: '2026-02-28T00:00:00.001Z', reviewDate: '2026-12-31' });
    expect(await listCaseSummaries(t.db, { memberUserId: userId })).toStrictEqual([...listed].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    expect((await findCaseAccessFacts(t.db, userId, other, at))?.summary).toEqual(built.find((r) => r.caseId === other));
  });
});
