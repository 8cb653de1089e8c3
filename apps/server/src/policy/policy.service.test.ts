import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { auditEntriesFor, listPolicyHistory } from '@hoeder/db';
import { readBundledXml, PACKAGE_POLICY_MANIFEST } from '@hoeder/domain/policy';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
let draftXml: string;
beforeAll(async () => {
  f = await openServiceFixture();
  draftXml = await readBundledXml(PACKAGE_POLICY_MANIFEST.find((e) => e.version === '2027.1')!);
});
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('policy store', () => {
  it('holds the shipped versions: 2026.1 published and in effect, 2027.1 a draft', async () => {
    const versions = must(await f.deps.policy.list(f.ctx(), f.actor('beheer')));
    expect(versions.map((v) => [v.version, v.status, v.inEffect])).toEqual([
      ['2027.1', 'draft', false],
      ['2026.1', 'published', true],
    ]);
    const detail = must(await f.deps.policy.get(f.ctx(), f.actor('beheer'), '2026.1'));
    expect(detail.xml).toContain('definitions');
    expect(detail.history.map((h) => h.action)).toEqual(['shipped']);
  });

  it('shows drafts only to functional administrators and refuses other roles any writes', async () => {
    expect(await f.deps.policy.get(f.ctx(), f.actor('besluit'), '2027.1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await f.deps.policy.get(f.ctx(), f.actor('besluit'), '2026.1')).ok).toBe(true);
    expect(await f.deps.policy.list(f.ctx(), f.actor('politie'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    const save = await f.deps.policy.saveDraft(f.ctx(), f.actor('besluit'), '2027.1', { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'x', xml: draftXml });
    expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
  });

  it('refuses to save a draft that does not validate, and says why', async () => {
    const broken = draftXml.replace('name="careModules"', 'name="careModulesRenamed"');
    const save = await f.deps.policy.saveDraft(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'Concept', xml: broken });
    expect(save).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const messages = !save.ok ? (save.error.details?.messages as { code: string }[]) : [];
    expect(messages.map((m) => m.code)).toContain('POLICY_MODEL_INCOMPLETE');
    const garbage = must(await f.deps.policy.validate(f.ctx(), f.actor('beheer'), '2027.1', '<not-dmn/>'));
    expect(garbage.valid).toBe(false);
  });

  it('four eyes: the author cannot publish; a second administrator can; published never changes', async () => {
    const saved = must(await f.deps.policy.saveDraft(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'Concept 2027.1', xml: draftXml }));
    expect(saved.revision).toBe(2);
    const stale = await f.deps.policy.saveDraft(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'stale', xml: draftXml });
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    const submitted = must(await f.deps.policy.submit(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 2 }));
    expect(submitted.status).toBe('submitted');
    expect(await f.deps.policy.publish(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 3 })).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    const published = must(await f.deps.policy.publish(f.ctx(), f.actor('beheer2'), '2027.1', { expectedRevision: 3, note: 'Akkoord na impactanalyse.' }));
    expect(published).toMatchObject({ status: 'published', approvedBy: f.actor('beheer2').userId, inEffect: false });
    const edit = await f.deps.policy.saveDraft(f.ctx(), f.actor('beheer'), '2027.1', { expectedRevision: 4, effectiveFrom: '2027-01-01', summary: 'x', xml: draftXml });
    expect(edit).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    // Not even the database owner can change a published version.
    await expect(f.database.asOwner((owner) => sql`UPDATE policy_version SET summary = 'changed' WHERE version = '2026.1'`.execute(owner))).rejects.toThrow(/never changes/);
    await expect(f.database.asOwner((owner) => sql`DELETE FROM policy_version_history`.execute(owner))).rejects.toThrow(/append-only/);
    const history = await listPolicyHistory(f.database.db, '2027.1');
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['shipped', null],
      ['saved', f.actor('beheer').userId],
      ['submitted', f.actor('beheer').userId],
      ['published', f.actor('beheer2').userId],
    ]);
  });

  it('selects the version by effective date: 2026.1 in 2026, 2027.1 from 1 January 2027 (Amsterdam)', async () => {
    const at = (iso: string) => f.deps.policies.inEffect(f.database.db, new Date(iso));
    expect((await at('2026-12-31T22:59:59.000Z'))?.version).toBe('2026.1');
    expect((await at('2026-12-31T23:00:00.000Z'))?.version).toBe('2027.1');
    expect(await at('2025-06-01T12:00:00.000Z')).toBeUndefined();
  });
});

describe('decisions under the stored policy', () => {
  it('record the version in effect at the decision time, and deviations are reported to oversight', async () => {
    const { caseId } = await caseWithActiveMeasures(f);
    const view = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), caseId));
    expect(view.decision?.active?.policy).toMatchObject({ policyVersion: '2026.1', facts: samplePolicyFacts(), deviation: null });
    const proposal = must(await f.deps.policyDecisions.propose(f.ctx(), f.actor('besluit'), caseId, samplePolicyFacts()));
    expect(proposal).toMatchObject({ policyVersion: '2026.1', package: { resistanceLevel: 'R3' } });
    expect(proposal.explanationNl).toContain('Waarom dit pakket');
    const prefill = must(await f.deps.policyDecisions.prefill(f.ctx(), f.actor('besluit'), caseId));
    // The integrated judgement of the final DAF version (own and employer resistance "limited") feeds the facts.
    expect(prefill).toMatchObject({ policyVersion: '2026.1', phenomenon: 'organised_crime', threatLevel: 'high', ownResistance: 'partial', employerMeasures: 'partial', assessmentVersion: 1 });
    expect(await f.deps.policyDecisions.propose(f.ctx(), f.actor('beheer'), caseId, samplePolicyFacts())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const offered = { ...proposal.package, resistanceLevel: 'R4' as const };
    const refused = await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, view.version, { type: 'ProposeDecision', decisionId: crypto.randomUUID(), facts: samplePolicyFacts(), factOverrides: [], offered, motivation: 'Herbeoordeling na incident.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'deviationMotivation' } } });
    must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, view.version, { type: 'ProposeDecision', decisionId: crypto.randomUUID(), facts: samplePolicyFacts(), factOverrides: [], offered, deviationMotivation: 'Incident bij de woning vraagt tijdelijk meer.', motivation: 'Herbeoordeling na incident.' }));
    const report = must(await f.deps.policyDecisions.deviations(f.ctx(), f.actor('inspectie')));
    expect(report.find((r) => r.caseId === caseId)).toMatchObject({ policyVersion: '2026.1', motivation: 'Incident bij de woning vraagt tijdelijk meer.', chosen: { resistanceLevel: 'R4' } });
    const audited = await f.database.db.selectFrom('audit_entry').select(['operation', 'details']).where('operation', '=', 'policy.deviation_report').execute();
    expect(audited.at(-1)?.details).toMatchObject({ caseIds: [caseId] });
    expect((await auditEntriesFor(f.database.db, caseId)).some((e) => e.operation === 'case.policy.proposal' && e.status === 'ok')).toBe(true);
    expect(await f.deps.policyDecisions.deviations(f.ctx(), f.actor('beheer'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
  });

  it('impact simulation: pseudonymous keys and counts for the administrator, audited with the case ids', async () => {
    const report = must(await f.deps.policyImpact.simulate(f.ctx(), f.actor('beheer'), '2027.1'));
    // One case with policy facts (the R3 case above, employer measures partial): draft 2027.1 keeps
    // workplace alarm follow-up only where the employer has no measures at all, so it drops here.
    expect(report).toMatchObject({ currentVersion: '2026.1', draftVersion: '2027.1', activeCases: 1, casesEvaluated: 1, unchangedCases: 0 });
    expect(report.changedCases).toHaveLength(1);
    expect(report.changedCases[0]).toMatchObject({ droppedMeasures: [{ domain: 'work', measure: 'alarm_follow_up_work' }], addedMeasures: [], deltaHoursPerWeek: {} });
    expect(report.changedCases[0]?.caseKey).toMatch(/^K-[0-9a-f]{10}$/);
    expect(report.capacity.every((c) => c.deltaHoursPerWeek === 0)).toBe(true); // the alarm follow-up makes no posts
    const audited = await f.database.db.selectFrom('audit_entry').select(['details']).where('operation', '=', 'policy.impact_simulation').where('status', '=', 'ok').execute();
    expect((audited.at(-1)?.details as { caseIds: string[] }).caseIds).toHaveLength(1);
    expect(JSON.stringify(report)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await f.deps.policyImpact.simulate(f.ctx(), f.actor('besluit'), '2027.1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
  });
});
