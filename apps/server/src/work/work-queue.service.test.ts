import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkQueuesResponse } from '@hoeder/contracts';
import { EXECUTION_QUEUES, type Result } from '@hoeder/domain';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';
import { finaliseDaf } from '../assessments/daf-flow';
import { completeContent, productInput, TEMPLATE_REF } from '../assessments/daf-samples';
import type { assessment } from '@hoeder/domain';

let f: ServiceFixture;
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const queues = async (username: string) => must(await f.deps.workQueues.queues(f.ctx(), f.actor(username)));
const inQueue = (q: WorkQueuesResponse, queueId: string) => q.queues.find((x) => x.queueId === queueId)?.items.map((i) => i.caseId) ?? [];

/** A case with a team, triaged national; optionally assessed and proposed by `besluit`. */
async function teamCase(stage: 'registered' | 'triaged' | 'assessed' | 'proposed', team = ['analist', 'analist2', 'besluit', 'besluit2']) {
  const { caseId } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
  let v = 1;
  for (const u of team) v = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) })).version;
  if (stage === 'registered') return caseId;
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  v = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' })).version;
  if (stage === 'triaged') return caseId;
  v = (await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-12-01' })).caseVersion;
  if (stage === 'assessed') return caseId;
  must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, v, { type: 'ProposeDecision', decisionId: crypto.randomUUID(), facts: samplePolicyFacts(), factOverrides: [], motivation: 'Hoge dreiging.', reviewDate: '2026-09-01' }));
  return caseId;
}

let registered: string, triaged: string, assessed: string, proposed: string, active: string, notOnTeam: string;
beforeAll(async () => {
  f = await openServiceFixture();
  registered = await teamCase('registered');
  triaged = await teamCase('triaged');
  assessed = await teamCase('assessed');
  proposed = await teamCase('proposed');
  active = (await caseWithActiveMeasures(f)).caseId;
  // besluit2 is not on this team: its proposal is not their work.
  notOnTeam = await teamCase('proposed', ['analist', 'analist2', 'besluit']);
}, 120_000);
afterAll(() => f.close());

describe('work queues ("Voor mij")', () => {
  it('decisions waiting for approval: the second decision maker on the team, never the proposer', async () => {
    expect(inQueue(await queues('besluit2'), 'decision_to_approve')).toEqual([proposed]);
    expect(inQueue(await queues('besluit'), 'decision_to_approve')).toEqual([]);
    expect(inQueue(await queues('besluit'), 'decision_to_propose')).toEqual([assessed]);
    expect(inQueue(await queues('besluit2'), 'decision_to_approve')).not.toContain(notOnTeam);
  });

  it('triage and assessments to make, per role', async () => {
    expect(inQueue(await queues('triage'), 'triage_to_complete')).toEqual(expect.arrayContaining([registered]));
    expect(inQueue(await queues('triage'), 'triage_to_complete')).not.toContain(triaged);
    expect(inQueue(await queues('analist'), 'assessment_to_make')).toEqual([triaged]);
  });

  it('a challenge to write: for the second analyst while a version is in challenge', async () => {
    const svc = f.deps.assessments;
    let v = must(await svc.view(f.ctx(), f.actor('analist'), triaged)).version;
    const today = f.clock.now().toISOString().slice(0, 10);
    const item = must(await svc.execute(f.ctx(), f.actor('analist'), triaged, v, { type: 'RegisterItem', item: { ...productInput(today), itemId: crypto.randomUUID() } as assessment.InformationItem }));
    v = item.version;
    v = must(await svc.execute(f.ctx(), f.actor('analist'), triaged, v, { type: 'StartDraft', template: TEMPLATE_REF, classification: 'stg_confidential' })).version;
    v = must(await svc.execute(f.ctx(), f.actor('analist'), triaged, v, { type: 'ReviseDraft', content: completeContent([item.itemId!], today) })).version;
    must(await svc.execute(f.ctx(), f.actor('analist'), triaged, v, { type: 'SubmitForChallenge' }));
    expect(inQueue(await queues('analist2'), 'challenge_to_write')).toEqual([triaged]);
    expect(inQueue(await queues('analist'), 'challenge_to_write')).toEqual([]);
    expect(inQueue(await queues('analist'), 'assessment_to_make')).toEqual([triaged]);
    expect(inQueue(await queues('analist2'), 'assessment_to_make')).toEqual([]);
  });

  it('reviews and re-assessments fall due with time', async () => {
    expect(inQueue(await queues('besluit'), 'review_due')).toEqual([]);
    f.clock.set(new Date('2026-09-02T09:00:00.000Z'));
    const besluit = await queues('besluit');
    expect(inQueue(besluit, 'review_due')).toEqual([active]);
    expect(besluit.queues.find((q) => q.queueId === 'review_due')?.items[0]?.dueOn).toBe('2026-06-01');
    // The DAF of `active` was valid until 2026-09-01; the sample assumption's re-test is due too.
    expect(inQueue(await queues('analist'), 'reassessment_due')).toContain(active);
    expect(besluit.total).toBe(besluit.queues.reduce((n, q) => n + q.items.length, 0));
  });

  it('roles without case work have no queues; the entry names the cases, nothing more', async () => {
    expect(await queues('advies')).toEqual({ total: 0, queues: [] });
    // Policy administrators follow up lessons (ADR 0030): that queue only, here empty.
    expect(await queues('beheer')).toEqual({ total: 0, queues: [{ queueId: 'lesson_follow_up_due', count: 0, items: [] }] });
    // The LCC and the unit leads have no case queues, only issue 11's execution queues (execution-work.test.ts).
    // The LCC also follows up the lessons its organisation owns (ADR 0030).
    const executionOrLessons = (id: string) => EXECUTION_QUEUES.some((e) => e.id === id) || id === 'lesson_follow_up_due';
    expect((await queues('politie')).queues.every((q) => EXECUTION_QUEUES.some((e) => e.id === q.queueId))).toBe(true);
    expect((await queues('lcc')).queues.every((q) => executionOrLessons(q.queueId))).toBe(true);
    // The inspectorate and the security officer have the (here empty) queue of anomaly alerts (ADR 0026).
    for (const username of ['inspectie', 'beveiliging']) expect(await queues(username)).toEqual({ total: 0, queues: [{ queueId: 'anomaly_alerts', count: 0, items: [] }] });
    const ctx = f.ctx();
    must(await f.deps.workQueues.queues(ctx, f.actor('besluit2')));
    const entries = await f.database.db.selectFrom('audit_entry').select(['operation', 'status', 'details']).where('trace_id', '=', ctx.traceId).execute();
    // One read, one entry: the case queues, and the decision makers' objections (issue 12) and
    // incidents to evaluate and lessons to follow up (issue 14) named as sources in its details.
    expect(entries.map((e) => e.operation)).toEqual(['work.queues']);
    const details = (typeof entries[0]!.details === 'string' ? JSON.parse(entries[0]!.details) : entries[0]!.details) as { sources: { queueId: string; purpose: string }[] };
    expect(details.sources.map((s) => s.queueId).sort()).toEqual(['incident_to_evaluate', 'lesson_follow_up_due', 'objections_to_handle']);
    for (const s of details.sources) expect(s.purpose).toEqual(expect.any(String));
    for (const entry of entries) expect(entry).toMatchObject({ status: 'ok' });
    expect(JSON.stringify(entries.map((e) => e.details))).not.toContain('Test Persoon');
  });
});
