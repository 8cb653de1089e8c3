import { auditEntriesFor, countAssessmentEvents } from '@hoeder/db';
import type { assessment, Result } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceFixture, samplePolicyFacts, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';
import { dafAssessmentId } from './daf-ids';
import { finaliseDaf } from './daf-flow';
import { completeContent, productInput, softInput, TEMPLATE_REF } from './daf-samples';

let f: ServiceFixture;
beforeAll(async () => {
  f = await openServiceFixture();
});
afterAll(() => f.close());

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const today = () => f.clock.now().toISOString().slice(0, 10);
const DAY = 86_400_000;

/** A national case in assessment, with the DAF team and executing units as members. */
async function caseInAssessment(): Promise<string> {
  const { caseId } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
  let v = 1;
  for (const u of ['analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'politie']) {
    v = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) })).version;
  }
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' }));
  return caseId;
}


/** The cases due for re-assessment as `who` sees them (the list itself is never refused). */
const dueFor = async (who: string) => {
  const r = await f.deps.assessments.reassessmentDue(f.ctx(), f.actor(who));
  return r.ok ? r.value : [];
};
describe('DAF record: storage, bridge to the case, need-to-know', () => {
  it('builds, challenges with dissent and finalises; the case is assessed and links to the DAF version', async () => {
    const caseId = await caseInAssessment();
    const daf = f.deps.assessments;
    const { itemIds } = await finaliseDaf(daf, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, {
      validUntil: '2026-09-01',
      dissent: true,
      items: [productInput(today()), productInput(today(), { originator: 'AIVD', legalBasis: { framework: 'Wiv2017', article: 'art. 66' }, releaseCondition: 'daf_only' }), softInput(today())],
    });
    const caseView = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), caseId));
    expect(caseView.phase).toBe('assessed');
    expect(caseView.assessments?.[0]).toMatchObject({ assessmentId: dafAssessmentId(caseId, 1), assessmentVersion: 1, threatLevel: 'high', validUntil: '2026-09-01' });

    const analyst = must(await daf.view(f.ctx(), f.actor('analist'), caseId));
    expect(analyst.items.every((i) => i.released)).toBe(true);
    expect(analyst.versions[0]?.content.ratings?.length).toBeGreaterThan(0);

    const decider = must(await daf.view(f.ctx(), f.actor('besluit'), caseId));
    expect(decider.parts).toEqual(['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges']);
    const v1 = decider.versions[0]!;
    expect(v1.content.ratings).toBeUndefined();
    expect(v1.challenges?.[0]).toMatchObject({ verdict: 'dissent', reviewerId: userIdOf('analist2') });
    expect(v1.responseToDissent).toContain('Scenario twee');
    const aivd = decider.items.find((i) => i.itemId === itemIds[1]);
    expect(aivd).toMatchObject({ released: false, grading: { reliability: 'B', credibility: 2 } });
    expect(aivd && 'content' in aivd).toBe(false);
    expect(decider.items.filter((i) => i.released).map((i) => i.itemId).sort()).toEqual([itemIds[0], itemIds[2]].sort());

    const audit = await auditEntriesFor(f.database.db, caseId);
    const viewsByDecider = audit.filter((e) => e.operation === 'assessment.item.view' && e.userId === userIdOf('besluit'));
    expect(viewsByDecider.map((e) => e.objectId).sort()).toEqual([itemIds[0], itemIds[2]].sort());
    expect(JSON.stringify(audit)).not.toContain('synthetisch');

    expect(await daf.view(f.ctx(), f.actor('lcc'), caseId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await daf.view(f.ctx(), f.actor('politie'), caseId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const denied = (await auditEntriesFor(f.database.db, caseId)).filter((e) => e.operation === 'assessment.view' && e.status === 'denied');
    expect(denied.map((e) => e.userId).sort()).toEqual([userIdOf('lcc'), userIdOf('politie')].sort());
  });

  it('refuses writes by other roles, by the author as challenger, and stale versions; nothing is written', async () => {
    const caseId = await caseInAssessment();
    const daf = f.deps.assessments;
    const item = { type: 'RegisterItem' as const, item: { ...productInput(today()), itemId: crypto.randomUUID() } as assessment.InformationItem };
    expect(await daf.execute(f.ctx(), f.actor('besluit'), caseId, 0, item)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    expect(await daf.execute(f.ctx(), f.actor('lcc'), caseId, 0, item)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await daf.execute(f.ctx(), f.actor('analist'), caseId, 3, item)).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    must(await daf.execute(f.ctx(), f.actor('analist'), caseId, 0, item));
    must(await daf.execute(f.ctx(), f.actor('analist'), caseId, 1, { type: 'StartDraft', template: TEMPLATE_REF, classification: 'stg_confidential' }));
    must(await daf.execute(f.ctx(), f.actor('analist'), caseId, 2, { type: 'ReviseDraft', content: completeContent([item.item.itemId], today()) }));
    must(await daf.execute(f.ctx(), f.actor('analist'), caseId, 3, { type: 'SubmitForChallenge' }));
    const self = await daf.execute(f.ctx(), f.actor('analist'), caseId, 4, { type: 'RecordChallenge', verdict: 'agree', reasons: 'Ik ben het met mezelf eens.' });
    expect(self).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    const early = await daf.execute(f.ctx(), f.actor('analist'), caseId, 4, { type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' });
    expect(early).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    const before = await countAssessmentEvents(f.database.db);
    const [a, b] = await Promise.all(
      ['analist2', 'analist2'].map((u, i) => daf.execute(f.ctx(), f.actor(u), caseId, 4, { type: 'RecordChallenge', verdict: i ? 'dissent' : 'agree', reasons: 'Een gemotiveerde tegenspraak.' })),
    );
    expect([a, b].map((r) => (r!.ok ? 'ok' : r!.error.code)).sort()).toEqual(['VERSION_CONFLICT', 'ok']);
    expect(await countAssessmentEvents(f.database.db)).toBe(before + 1);
    const caseView = must(await f.deps.cases.view(f.ctx(), f.actor('analist'), caseId));
    expect(caseView.phase).toBe('in_assessment');
  });

  it('shows re-assessment due once an assumption reaches its re-test date, compares versions, and shows the decision maker final versions only', async () => {
    const caseId = await caseInAssessment();
    const daf = f.deps.assessments;
    const first = await finaliseDaf(daf, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-12-01' });
    expect(must(await daf.view(f.ctx(), f.actor('besluit'), caseId)).reassessment.due).toBe(false);
    expect(await dueFor('besluit')).not.toContain(caseId);
    f.clock.advance(31 * DAY);
    const due = must(await daf.view(f.ctx(), f.actor('besluit'), caseId)).reassessment;
    expect(due).toMatchObject({ due: true, reasons: [{ code: 'assumption_retest_due', assumptionId: 'a-1' }] });
    expect(await dueFor('besluit')).toContain(caseId);
    expect(await dueFor('lcc')).not.toContain(caseId);

    let v = first.version;
    const step = async (who: string, command: assessment.AssessmentCommand) => (v = must(await daf.execute(f.ctx(), f.actor(who), caseId, v, command)).version);
    await step('analist', { type: 'StartDraft', template: TEMPLATE_REF, classification: 'stg_confidential', reasonForChange: 'Aanname over detentie is herijkt.' });
    await step('analist', { type: 'ReviseDraft', content: completeContent(first.itemIds, today(), { threat: 'very_high' }) });
    await step('analist', { type: 'SubmitForChallenge' });
    const versionsSeenBy = async (who: string) => must(await daf.view(f.ctx(), f.actor(who), caseId)).versions.map((x) => x.versionNumber);
    expect(await versionsSeenBy('besluit')).toEqual([1]);
    expect(await versionsSeenBy('analist2')).toEqual([1, 2]);
    expect(await daf.compare(f.ctx(), f.actor('besluit'), caseId, 1, 2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await step('analist2', { type: 'RecordChallenge', verdict: 'agree', reasons: 'Ophoging volgt uit de herijking.' });
    await step('analist', { type: 'FinaliseAssessment', validUntil: '2027-03-01', expectedDuration: 'over_12_months' });
    const caseView = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), caseId));
    expect(caseView.assessments?.map((a) => a.assessmentId)).toEqual([dafAssessmentId(caseId, 1), dafAssessmentId(caseId, 2)]);
    const forAnalyst = must(await daf.compare(f.ctx(), f.actor('analist'), caseId, 1, 2));
    expect(forAnalyst.threatLevel).toEqual({ from: 'high', to: 'very_high' });
    expect(forAnalyst.reasons?.reasonForChange).toContain('herijkt');
    expect(forAnalyst.ratings).toBeDefined();
    const forDecider = must(await daf.compare(f.ctx(), f.actor('besluit'), caseId, 1, 2));
    expect(forDecider.ratings).toBeUndefined();
    expect(forDecider.threatLevel).toEqual({ from: 'high', to: 'very_high' });
    expect(await daf.compare(f.ctx(), f.actor('lcc'), caseId, 1, 2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(must(await daf.view(f.ctx(), f.actor('besluit'), caseId)).reassessment.due).toBe(false);
  });

  it('reconstructs the basis of a decision: the DAF version in effect and what each team member could see', async () => {
    const caseId = await caseInAssessment();
    const aivd = productInput(today(), { originator: 'AIVD', legalBasis: { framework: 'Wiv2017', article: 'art. 66' }, releaseCondition: 'daf_only' });
    const { version: dafVersion, caseVersion, itemIds } = await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-09-01', items: [productInput(today()), aivd] });
    const decisionId = crypto.randomUUID();
    const v = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, caseVersion, { type: 'ProposeDecision', decisionId, facts: samplePolicyFacts(), factOverrides: [], motivation: 'Hoge dreiging vraagt zware weerstand.', reviewDate: '2026-06-01' })).version;
    must(await f.deps.cases.execute(f.ctx(), f.actor('besluit2'), caseId, v, { type: 'ApproveDecision', decisionId, note: 'Akkoord.' }));
    const caseView = must(await f.deps.cases.view(f.ctx(), f.actor('besluit'), caseId));
    expect(caseView.decision?.active?.basedOnAssessmentId).toBe(dafAssessmentId(caseId, 1));
    // Information registered after the decision is not part of its basis.
    f.clock.advance(DAY);
    must(await f.deps.assessments.execute(f.ctx(), f.actor('analist'), caseId, dafVersion, { type: 'RegisterItem', item: { ...softInput(today()), itemId: crypto.randomUUID() } as assessment.InformationItem }));
    const basis = must(await f.deps.assessments.decisionBasis(f.ctx(), f.actor('besluit'), caseId, decisionId));
    expect(basis).toMatchObject({ versionInEffect: 1, assessmentId: dafAssessmentId(caseId, 1) });
    expect(basis.itemsRegistered.map((i) => i.itemId).sort()).toEqual([...itemIds].sort());
    const of = (u: string) => basis.visibility.find((x) => x.userId === userIdOf(u))!;
    expect(of('besluit').contentItemIds).toEqual([itemIds[0]]);
    expect(of('analist').contentItemIds.sort()).toEqual([...itemIds].sort());
    expect(of('politie')).toMatchObject({ member: true, parts: [], contentItemIds: [] });
    expect(await f.deps.assessments.decisionBasis(f.ctx(), f.actor('lcc'), caseId, decisionId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
