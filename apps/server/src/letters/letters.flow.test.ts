import type { LetterFacts } from '@hoeder/domain';
import type { LettersView, LetterView, ObjectionsView, ObjectionView, WorkQueuesResponse } from '@hoeder/contracts';
import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../auth/testing/login-as';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { samplePolicyFacts } from '../testing/service-fixture';
import { addressedTo, letterRecords, type LetterRecords } from '../testing/letter-records';
import { remakeLetter } from './letter.service';
import { sha256Hex } from './letter-pdf';

/** Letters and objections end to end over HTTP (issue 12 items 3 and 8), with the test clock. */
let f: HttpFixture;
let caseId: string;
let records: LetterRecords;
const at = (path = '') => `/api/cases/${caseId}${path}`;
/** Sessions end when the test clock jumps weeks ahead: log in again after each jump. */
let sessions = new Map<string, ReturnType<typeof loginAs>>();
const session = (who: string) => {
  if (!sessions.has(who)) sessions.set(who, loginAs(f.baseUrl, who));
  return sessions.get(who)!;
};
const setClock = (iso: string) => {
  f.clock.set(new Date(iso));
  sessions = new Map();
};
const as = async (who: string, method: 'GET' | 'POST', path: string, body?: unknown) => f.api(await session(who), method, path, body);

async function download(who: string, letterId: string): Promise<{ status: number; bytes: Buffer; type: string | null; sha: string | null }> {
  const s = await session(who);
  const res = await fetch(new URL(at(`/letters/${letterId}/pdf`), f.baseUrl), { headers: { cookie: s.cookie } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type'), sha: res.headers.get('x-content-sha256') };
}

beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'liaison'], 'measures_active');
  records = await letterRecords(f, caseId);
}, 180_000);
afterAll(() => f.close());

describe('the decision letter', () => {
  let letter: LetterView;

  it('is drafted by the liaison from the decision in force, addressed from the person file', async () => {
    const reply = await as('liaison', 'POST', at('/letters'), addressedTo(records).decision_letter);
    expect(reply.status).toBe(201);
    letter = reply.body as LetterView;
    expect(letter).toMatchObject({ kind: 'decision_letter', templateVersion: 1, status: 'draft', addresseeName: 'Test Persoon', letterDate: '2026-03-02', reviewDate: '2026-06-01', objectionDeadline: '2026-04-13', classification: 'dep_confidential', mayApprove: false });
    expect(letter.addressedFrom).toEqual({ kind: 'person', id: records.personId });
    const stored = await f.database.db.selectFrom('case_letter').select(['addressed_from_kind', 'addressed_from_id', 'facts']).where('letter_id', '=', letter.letterId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ addressed_from_kind: 'person', addressed_from_id: records.personId });
    expect((JSON.parse(stored.facts) as LetterFacts).addressee).toEqual({ name: 'Test Persoon', lines: ['Dorpsstraat 1', '1234 AB Ergens'] });
  });

  it('cannot be approved by its drafter (four eyes), nor by the liaison', async () => {
    const own = await as('besluit', 'POST', at('/letters'), addressedTo(records).authority_notice);
    expect(own.status).toBe(201);
    const self = await as('besluit', 'POST', at(`/letters/${(own.body as LetterView).letterId}/approve`), {});
    expect(self.status).toBe(403);
    expect((await as('liaison', 'POST', at(`/letters/${letter.letterId}/approve`), {})).status).toBe(403);
    const list = (await as('besluit', 'GET', at('/letters'))).body as LettersView;
    expect(list.letters.find((l) => l.letterId === (own.body as LetterView).letterId)?.mayApprove).toBe(false);
    expect(list.letters.find((l) => l.letterId === letter.letterId)?.mayApprove).toBe(true);
  });

  it('is approved by a decision maker, once', async () => {
    const reply = await as('besluit', 'POST', at(`/letters/${letter.letterId}/approve`), {});
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'approved', approvedAt: '2026-03-02T09:00:00.000Z', sha256: letter.sha256 });
    expect((await as('besluit2', 'POST', at(`/letters/${letter.letterId}/approve`), {})).status).toBe(409);
  });

  it('downloads exactly as stored, reads right, and the download is audited with its hash', async () => {
    const got = await download('liaison', letter.letterId);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    expect(sha256Hex(got.bytes)).toBe(letter.sha256);
    expect(got.sha).toBe(letter.sha256);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(got.bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('beschermingsniveau R3');
    expect(flat).toContain('uiterlijk op 1 juni 2026');
    expect(flat).toContain('uiterlijk op 13 april 2026');
    expect(flat).toContain('Geachte Test Persoon');
    const entries = await f.database.db.selectFrom('audit_entry').select(['operation', 'details']).where('operation', '=', 'letter.download').execute();
    expect(entries.some((e) => JSON.stringify(e.details).includes(letter.sha256))).toBe(true);
  });

  it('is made again byte for byte from its template version and facts', async () => {
    // Straight from the table (the test is no service): the stored template version and facts.
    const stored = await f.database.db.selectFrom('case_letter').selectAll().where('letter_id', '=', letter.letterId).executeTakeFirstOrThrow();
    expect(sha256Hex(stored.pdf)).toBe(letter.sha256);
    const row = { ...letter, caseId, facts: JSON.parse(stored.facts) as LetterFacts, draftedRole: stored.drafted_role };
    const remade = await remakeLetter(row);
    expect(remade.ok && sha256Hex(remade.value)).toBe(letter.sha256);
  });

  it('cannot have its bytes changed by the application role, and the database refuses a self-approval', async () => {
    // The column grants (migration 0015) leave the app role only the approval columns.
    const cols = await f.database.db
      .selectFrom('information_schema.column_privileges' as never)
      .select(['column_name' as never])
      .where('table_name' as never, '=', 'case_letter' as never)
      .where('grantee' as never, '=', 'hoeder_app' as never)
      .where('privilege_type' as never, '=', 'UPDATE' as never)
      .execute();
    expect((cols as { column_name: string }[]).map((c) => c.column_name).sort()).toEqual(['approved_at', 'approved_by', 'status']);
    const draft = await f.database.db.selectFrom('case_letter').select('letter_id').where('status', '=', 'draft').executeTakeFirstOrThrow();
    const selfApproval = f.database.db.updateTable('case_letter').set({ status: 'approved', approved_by: sql<string>`drafted_by`, approved_at: new Date() }).where('letter_id', '=', draft.letter_id).execute();
    await expect(selfApproval).rejects.toThrow(/check/i);
  });

  it('is not sent on a later day than its date (its printed objection term would be too short)', async () => {
    const drafted = (await as('liaison', 'POST', at('/letters'), { kind: 'decision_letter', addressedFrom: { kind: 'person', id: records.personId } })).body as LetterView;
    setClock('2026-03-03T09:00:00.000Z');
    const late = await as('besluit', 'POST', at(`/letters/${drafted.letterId}/approve`), {});
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('draft it anew');
    const list = (await as('besluit', 'GET', at('/letters'))).body as LettersView;
    expect(list.letters.find((l) => l.letterId === drafted.letterId)?.mayApprove).toBe(false);
    setClock('2026-03-02T09:00:00.000Z');
  });

  it('is addressed from the record of its kind, one the drafter may use, and only to an address they may see', async () => {
    const wrongKind = await as('liaison', 'POST', at('/letters'), { kind: 'employer_letter', addressedFrom: { kind: 'person', id: records.personId } });
    expect(wrongKind.status).toBe(400);
    expect(JSON.stringify(wrongKind.body)).toContain('addressedFrom.kind');
    const unknown = await as('liaison', 'POST', at('/letters'), { kind: 'employer_letter', addressedFrom: { kind: 'employer', id: records.personId } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('addressedFrom.id');
    const otherAddress = await as('liaison', 'POST', at('/letters'), { ...addressedTo(records).decision_letter, addressId: records.employerId });
    expect(JSON.stringify(otherAddress.body)).toContain('addressId');
    // The decision maker sees no addresses (ADR 0021): naming one is refused, by name only is fine.
    const byDecisionMaker = await as('besluit', 'POST', at('/letters'), addressedTo(records).decision_letter);
    expect(JSON.stringify(byDecisionMaker.body)).toContain('addressId');
    const employer = await as('liaison', 'POST', at('/letters'), addressedTo(records).employer_letter);
    expect(employer.status).toBe(201);
    expect(employer.body).toMatchObject({ addresseeName: 'Werkgever BV', addressedFrom: { kind: 'employer', id: records.employerId } });
  });
});

describe('objection and appeal', () => {
  let decisionId: string;
  let objection: ObjectionView;

  it('lists the decisions that were sent, with the day of sending (the approved letter)', async () => {
    const view = (await as('liaison', 'GET', at('/objections'))).body as ObjectionsView;
    expect(view).toMatchObject({ mayLodge: true, mayHandle: false });
    expect(view.decisions).toHaveLength(1);
    expect(view.decisions[0]).toMatchObject({ sentOn: '2026-03-02', inForce: true });
    decisionId = view.decisions[0]!.decisionId;
  });

  it('is lodged by the liaison with its statutory terms, and shows to the decision maker in Voor mij', async () => {
    setClock('2026-03-20T10:00:00.000Z');
    const reply = await as('liaison', 'POST', at('/objections'), { decisionId, party: 'person', receivedOn: '2026-03-20', grounds: 'Ik vind het pakket te licht.', advisoryCommittee: false });
    expect(reply.status).toBe(201);
    objection = reply.body as ObjectionView;
    expect(objection).toMatchObject({ objectionDeadline: '2026-04-13', late: false, decisionDeadline: '2026-05-26', work: { kind: 'decide_objection', dueOn: '2026-05-26' } });
    const queues = (await as('besluit', 'GET', '/api/work/queues')).body as WorkQueuesResponse;
    expect(queues.queues.find((q) => q.queueId === 'objections_to_handle')?.items).toEqual([expect.objectContaining({ caseId, dueOn: '2026-05-26' })]);
    const liaisonQueues = (await as('liaison', 'GET', '/api/work/queues')).body as WorkQueuesResponse;
    expect(liaisonQueues.queues.some((q) => q.queueId === 'objections_to_handle')).toBe(false);
  });

  it('flags a late objection instead of refusing it', async () => {
    setClock('2026-04-20T10:00:00.000Z');
    const reply = await as('liaison', 'POST', at('/objections'), { decisionId, party: 'employer', receivedOn: '2026-04-14', grounds: 'De werkgever is het er niet mee eens.', advisoryCommittee: true });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ late: true, party: 'employer' });
  });

  it('is handled by a decision maker: hearing, one extension, decision; the liaison may not', async () => {
    expect((await as('liaison', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'ExtendTerm', expectedUpdatedAt: objection.updatedAt })).status).toBe(403);
    const hearing = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'RecordHearing', expectedUpdatedAt: objection.updatedAt, hearingOn: '2026-04-22' });
    expect(hearing.status).toBe(200);
    const stale = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'ExtendTerm', expectedUpdatedAt: objection.updatedAt });
    expect(stale.status).toBe(409);
    const extended = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'ExtendTerm', expectedUpdatedAt: (hearing.body as ObjectionView).updatedAt });
    expect(extended.body).toMatchObject({ extendedOn: '2026-04-20', decisionDeadline: '2026-07-06' });
    const again = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'ExtendTerm', expectedUpdatedAt: (extended.body as ObjectionView).updatedAt });
    expect(again.status).toBe(422);
    setClock('2026-05-04T10:00:00.000Z');
    const decided = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'DecideObjection', expectedUpdatedAt: (extended.body as ObjectionView).updatedAt, outcome: 'founded', decidedOn: '2026-05-04', motivation: 'De dreiging is zwaarder dan gedacht.' });
    expect(decided.status).toBe(200);
    objection = decided.body as ObjectionView;
    expect(objection).toMatchObject({ outcome: 'founded', appealDeadline: '2026-06-15', work: { kind: 'new_decision', dueOn: null } });
  });

  it('when founded, waits for a new decision through the normal four-eyes commands', async () => {
    const queue = async () => ((await as('besluit', 'GET', '/api/work/queues')).body as WorkQueuesResponse).queues.find((q) => q.queueId === 'objections_to_handle')!.items.filter((i) => i.dueOn === null);
    expect(await queue()).toHaveLength(1);
    const version = ((await as('besluit', 'GET', at())).body as { version: number }).version;
    // The employer recorded for its letter has no duty in place yet: its source gives "none".
    const proposed = await as('besluit', 'POST', at('/decisions'), { expectedVersion: version, facts: samplePolicyFacts({ employerMeasures: 'none' }), factOverrides: [], motivation: 'Nieuw besluit na gegrond bezwaar.', reviewDate: '2026-09-01' });
    expect(proposed.status).toBeLessThan(300);
    expect(await queue()).toHaveLength(0);
  });

  it('records an appeal to the court with its term', async () => {
    setClock('2026-06-10T10:00:00.000Z');
    const reply = await as('besluit', 'POST', at(`/objections/${objection.objectionId}/steps`), { type: 'RecordAppeal', expectedUpdatedAt: objection.updatedAt, lodgedOn: '2026-06-09', court: 'Rechtbank Den Haag' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ appealLodgedOn: '2026-06-09', appealCourt: 'Rechtbank Den Haag', appealLate: false });
  });
});
