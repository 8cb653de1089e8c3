import type { CoordinationCaseList, CoordinationView } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { crownWitnessCase } from './coordination-http-flow';

/**
 * SECURITY (ADR 0030): the existence of a crown-witness track is the OM's secret. Two cases with
 * the same team and a consultation each; on one the OM opens a track released to nobody but
 * itself. For every demo account except the OM, both cases answer the same — same status, and for
 * the record's readers the same view (no track, no crown-witness weighing, no withheld count, the
 * same version) and the same row in the cases list; an inventory on either is refused alike.
 */
let f: HttpFixture;
let track: Awaited<ReturnType<typeof crownWitnessCase>>;
let none: Awaited<ReturnType<typeof crownWitnessCase>>;

beforeAll(async () => {
  f = await openHttpFixture();
  track = await crownWitnessCase(f);
  none = await crownWitnessCase(f);
  // The track first, then a consultation: a version that counted the track would give it away.
  expect((await track.steps.open([])).status).toBeLessThan(300);
  for (const c of [track, none]) {
    const known = ((await c.read('besluit')).body as CoordinationView).version;
    const reply = await f.api(await f.session('besluit'), 'POST', `/api/cases/${c.caseId}/coordination/consultations`, { expectedVersion: known, level: 'strategic', heldOn: '2026-03-01', participants: [], summary: 'Strategisch overleg.' });
    expect(reply.status).toBe(201);
  }
}, 300_000);
afterAll(() => f.close());

/** The view without what differs between any two cases: their ids and the persons' ids. */
const comparable = (body: unknown) => {
  const v = body as CoordinationView;
  return { ...v, caseId: 'case', persons: v.persons.map((p) => p.fullName), consultations: v.consultations.map((c) => ({ ...c, consultationId: 'c', recordedAt: 'at' })) };
};

describe('SECURITY: a crown-witness track is invisible without crown-witness need-to-know', () => {
  it.each(DEMO_ACCOUNTS.filter((a) => a.username !== 'om').map((a) => a.username))('%s cannot tell the case with a track from the one without', async (username) => {
    const [a, b] = [await track.read(username), await none.read(username)];
    expect(a.status).toBe(b.status);
    if (a.status !== 200) return;
    expect((a.body as CoordinationView).track).toBeNull();
    expect(comparable(a.body)).toEqual(comparable(b.body));
    const list = await f.api(await f.session(username), 'GET', '/api/coordination/cases');
    if (list.status === 200) {
      const rows = list.body as CoordinationCaseList;
      const row = (id: string) => rows.find((r) => r.caseId === id);
      expect({ ...row(track.caseId), caseId: 'x', reference: 'x' }).toEqual({ ...row(none.caseId), caseId: 'x', reference: 'x' });
    }
  });

  it('the OM, who opened it, sees the track', async () => {
    const view = (await track.read('om')).body as CoordinationView;
    expect(view.track?.witnessPersonId).toBe(track.witness);
  });

  it('an inventory by the decision maker is refused alike on both cases', async () => {
    const answers = [];
    for (const c of [track, none]) {
      const reply = await f.api(await f.session('besluit'), 'POST', `/api/cases/${c.caseId}/crown-witness/inventory`, {
        expectedVersion: 1,
        personsInScope: [{ personId: c.witness, riskLevel: 'high', risks: 'Vergelding.' }],
        requiredMeasures: [],
        protectionCapacity: 'x',
        witnessProtectionCapacity: 'x',
        ethicalConsequences: 'x',
      });
      answers.push({ status: reply.status, error: (reply.body as { error: { code: string; message: string } }).error });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBeGreaterThanOrEqual(400);
  });
});
