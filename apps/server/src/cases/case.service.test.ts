import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesFor, countCaseEvents } from '@hoeder/db';
import { sql } from 'kysely';
import { dafVersionMarking } from '@hoeder/domain';
import { finaliseDaf } from '../assessments/daf-flow';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
beforeAll(async () => {
  f = await openServiceFixture();
});
afterAll(() => f.close());

describe('case service: the primary process', () => {
  it('takes a case from registration to active measures, with four eyes', async () => {
    const { caseId, version } = await caseWithActiveMeasures(f);
    const view = await f.deps.cases.view(f.ctx(), f.actor('besluit'), caseId);
    expect(view.ok && view.value.phase).toBe('measures_active');
    expect(view.ok && view.value.version).toBe(version);
    expect(view.ok && view.value.measures).toMatchObject({ policyVersion: '2026.1', resistanceLevel: 'R3' });
    expect(view.ok && view.value.measures?.measures).toContainEqual({ domain: 'transport', measure: 'escort_work_travel' });
    expect(view.ok && view.value.decision?.active?.policy?.explanationNl).toContain('beleidsversie 2026.1');
    expect(view.ok && view.value.decision?.active?.approvedBy?.userId).toBe(userIdOf('besluit2'));
    expect(view.ok && view.value.summary.reviewDate).toBe('2026-06-01');
  });

  it('refuses approval by the decision maker who proposed it', async () => {
    const cases = f.deps.cases;
    const reg = await cases.register(f.ctx(), f.actor('triage'), sampleRegistration());
    if (!reg.ok) throw new Error('register failed');
    const { caseId } = reg.value;
    let v = 1;
    for (const u of ['analist', 'analist2', 'besluit']) {
      const r = await cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) });
      if (r.ok) v = r.value.version;
    }
    const facts = { phenomenon: 'state_actor' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
    const steps = [
      await cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Statelijke actor, nationaal gezag.' }),
    ];
    v = steps[0]!.ok ? steps[0]!.value.version : v;
    const direct = await cases.execute(f.ctx(), f.actor('analist'), caseId, v, { type: 'RecordAssessment', assessmentId: crypto.randomUUID(), assessmentVersion: 1, marking: dafVersionMarking('stg_secret'), validUntil: '2026-12-01' });
    expect(direct).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    v = (await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-12-01', threat: 'medium' })).caseVersion;
    const decisionId = crypto.randomUUID();
    const p = await cases.execute(f.ctx(), f.actor('besluit'), caseId, v, { type: 'ProposeDecision', decisionId, facts: samplePolicyFacts({ phenomenon: 'state_actor', threatLevel: 'medium' }), factOverrides: [], motivation: 'Middelzware weerstand nodig.', reviewDate: '2026-09-01' });
    v = p.ok ? p.value.version : v;
    const selfApproval = await cases.execute(f.ctx(), f.actor('besluit'), caseId, v, { type: 'ApproveDecision', decisionId, note: '' });
    expect(selfApproval).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    const view = await cases.view(f.ctx(), f.actor('besluit'), caseId);
    expect(view.ok && view.value.phase).toBe('decision_pending_approval');
  });

  it('gives a stale writer a version conflict and loses nothing', async () => {
    const reg = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration());
    if (!reg.ok) throw new Error('register failed');
    const { caseId } = reg.value;
    const before = await countCaseEvents(f.database.db);
    const [first, second] = await Promise.all([
      f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, 1, { type: 'AssignMember', userId: userIdOf('analist') }),
      f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, 1, { type: 'AssignMember', userId: userIdOf('besluit') }),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['VERSION_CONFLICT', 'ok']);
    expect(await countCaseEvents(f.database.db)).toBe(before + 1);
  });

  it('shows the case as of a past moment', async () => {
    const reg = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration());
    if (!reg.ok) throw new Error('register failed');
    const registeredAt = f.clock.now().toISOString();
    f.clock.advance(60_000);
    const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: true };
    const triaged = await f.deps.cases.execute(f.ctx(), f.actor('triage'), reg.value.caseId, 1, { type: 'CompleteTriage', facts, outcome: 'not_eligible', motivation: 'Eigen weerstand volstaat; advies gegeven.' });
    expect(triaged.ok).toBe(true);
    const past = await f.deps.cases.view(f.ctx(), f.actor('triage'), reg.value.caseId, registeredAt);
    const now = await f.deps.cases.view(f.ctx(), f.actor('triage'), reg.value.caseId);
    expect(past.ok && past.value.phase).toBe('registered');
    expect(past.ok && past.value.asOf).toBe(registeredAt);
    expect(now.ok && now.value.phase).toBe('closed_advice');
    const before = await f.deps.cases.view(f.ctx(), f.actor('triage'), reg.value.caseId, '2020-01-01T00:00:00.000Z');
    expect(before).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('records the triage ruleset version and the rules that fired', async () => {
    const reg = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ reportedPhenomenon: 'stalking' }));
    if (!reg.ok) throw new Error('register failed');
    const facts = { phenomenon: 'stalking' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
    const r = await f.deps.cases.execute(f.ctx(), f.actor('triage'), reg.value.caseId, 1, { type: 'CompleteTriage', facts, outcome: 'local_domain', motivation: 'Stalking hoort in het lokale domein.', handOffTo: 'mayor', handOffNote: 'Burgemeester geïnformeerd.' });
    expect(r.ok).toBe(true);
    const view = await f.deps.cases.view(f.ctx(), f.actor('triage'), reg.value.caseId);
    expect(view.ok && view.value.triage).toMatchObject({ outcome: 'local_domain', recommendedOutcome: 'local_domain', rulesetVersion: 'triage-2025.1', firedRules: ['TR-LOCAL-DOMAIN'], handOff: { to: 'mayor' } });
    expect(view.ok && view.value.phase).toBe('handed_off');
  });
});

describe('case reads: audit entries by group commit (ADR 0038)', () => {
  it('writes exactly one entry per view and per list served, however many run at once', async () => {
    const { caseId } = await caseWithActiveMeasures(f);
    const ctxs = Array.from({ length: 24 }, () => f.ctx());
    const results = await Promise.all(ctxs.map((ctx, i) => (i % 3 === 2 ? f.deps.cases.list(ctx, f.actor('triage')) : f.deps.cases.view(ctx, f.actor(i % 2 ? 'besluit' : 'triage'), caseId))));
    expect(results.every((r) => r.ok)).toBe(true);
    const traces = new Set(ctxs.map((c) => c.traceId));
    const { rows } = await sql<{ trace_id: string; operation: string }>`SELECT trace_id, operation FROM audit_entry`.execute(f.database.db);
    const ours = rows.filter((r) => traces.has(r.trace_id));
    expect(ours).toHaveLength(24);
    expect(new Set(ours.map((r) => r.trace_id)).size).toBe(24);
  });

  it('serves nothing when the entry of the read cannot be committed', async () => {
    const { caseId } = await caseWithActiveMeasures(f);
    await f.database.asOwner((owner) => sql`ALTER TABLE audit_entry ADD CONSTRAINT refuse_case_view CHECK (operation <> 'case.view') NOT VALID`.execute(owner));
    try {
      const ctx = f.ctx();
      await expect(f.deps.cases.view(ctx, f.actor('besluit'), caseId)).rejects.toThrow(/refuse_case_view/);
      // Another read's entry, committed meanwhile, is not held back by the refused one.
      expect((await f.deps.cases.list(f.ctx(), f.actor('triage'))).ok).toBe(true);
      expect((await auditEntriesFor(f.database.db, caseId)).filter((e) => e.traceId === ctx.traceId)).toEqual([]);
    } finally {
      await f.database.asOwner((owner) => sql`ALTER TABLE audit_entry DROP CONSTRAINT refuse_case_view`.execute(owner));
    }
  });
});
