import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result';
import { currentFinal, openVersion } from './assessment-state';
import { AUTHOR, LONG, OC_REF, SECOND, THIRD, completeContent, finalised, product, stream } from './test-fixtures';

const refused = (r: Result<unknown>, code: string) => {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
};

function inChallenge() {
  const s = stream();
  s.exec({ type: 'RegisterItem', item: product('p-1') });
  s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
  s.exec({ type: 'ReviseDraft', content: completeContent(['p-1']) });
  expect(s.exec({ type: 'SubmitForChallenge' }).ok).toBe(true);
  return s;
}

describe('writing the DAF record', () => {
  it('is for threat analysts only', () => {
    const s = stream();
    refused(s.exec({ type: 'RegisterItem', item: product('p-1') }, 'u-dm', ['decision_maker']), 'FORBIDDEN_ACTION');
    expect(s.exec({ type: 'RegisterItem', item: product('p-1') }).ok).toBe(true);
    refused(s.exec({ type: 'RegisterItem', item: product('p-1') }), 'INVALID_TRANSITION');
  });

  it('starts a draft from a known template, empty, with the actor as author', () => {
    const s = stream();
    refused(s.exec({ type: 'StartDraft', template: { templateId: 'nope', version: 1 }, classification: 'stg_secret' }), 'VALIDATION_FAILED');
    expect(s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_secret' }).ok).toBe(true);
    const draft = openVersion(s.state()!)!;
    expect(draft).toMatchObject({ versionNumber: 1, status: 'draft', authorId: AUTHOR, revision: 1 });
    expect(draft.content.scenarios).toEqual([]);
    refused(s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_secret' }), 'INVALID_TRANSITION');
  });

  it('lets only the author revise; a draft may rest on registered items only', () => {
    const s = stream();
    s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
    refused(s.exec({ type: 'ReviseDraft', content: completeContent([]) }, SECOND), 'FORBIDDEN_ACTION');
    refused(s.exec({ type: 'ReviseDraft', content: completeContent(['p-9']) }), 'VALIDATION_FAILED');
    expect(s.exec({ type: 'ReviseDraft', content: completeContent([]) }).ok).toBe(true);
    expect(openVersion(s.state()!)!.revision).toBe(2);
  });

  it('accepts an incomplete draft but submits only complete content', () => {
    const s = stream();
    s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
    refused(s.exec({ type: 'SubmitForChallenge' }), 'VALIDATION_FAILED');
    const partial = completeContent([], { judgement: undefined, ratings: [] });
    expect(s.exec({ type: 'ReviseDraft', content: partial }).ok).toBe(true);
    refused(s.exec({ type: 'SubmitForChallenge' }), 'VALIDATION_FAILED');
    const noIndicators = completeContent([]);
    noIndicators.scenarios[0]!.indicators = [];
    s.exec({ type: 'ReviseDraft', content: noIndicators });
    refused(s.exec({ type: 'SubmitForChallenge' }), 'VALIDATION_FAILED');
  });

  it('requires each assumption to have a re-test date or a trigger', () => {
    const s = stream();
    s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
    const bare = completeContent([], { assumptions: [{ assumptionId: 'a', statement: 'S', basis: 'B' }] });
    refused(s.exec({ type: 'ReviseDraft', content: bare }), 'VALIDATION_FAILED');
    const triggered = completeContent([], { assumptions: [{ assumptionId: 'a', statement: 'S', basis: 'B', trigger: 'Leader released' }] });
    expect(s.exec({ type: 'ReviseDraft', content: triggered }).ok).toBe(true);
    const past = completeContent([], { assumptions: [{ assumptionId: 'a', statement: 'S', basis: 'B', retestOn: '2026-01-01' }] });
    expect(s.exec({ type: 'ReviseDraft', content: past }).ok).toBe(true);
    refused(s.exec({ type: 'SubmitForChallenge' }), 'VALIDATION_FAILED');
  });
});

describe('the challenge rule (tegenspraak)', () => {
  it('refuses a challenge by the author and finalisation without a challenge', () => {
    const s = inChallenge();
    refused(s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, AUTHOR), 'FOUR_EYES_VIOLATION');
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' }), 'FOUR_EYES_VIOLATION');
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' }, SECOND), 'FOUR_EYES_VIOLATION');
  });

  it('records a challenge by a second analyst, once per revision, with reasons', () => {
    const s = inChallenge();
    refused(s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: 'ok' }, SECOND), 'VALIDATION_FAILED');
    refused(s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND, ['decision_maker']), 'FORBIDDEN_ACTION');
    expect(s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND).ok).toBe(true);
    refused(s.exec({ type: 'RecordChallenge', verdict: 'dissent', reasons: LONG }, SECOND), 'INVALID_TRANSITION');
    expect(s.exec({ type: 'RecordChallenge', verdict: 'dissent', reasons: LONG }, THIRD).ok).toBe(true);
  });

  it('freezes content in challenge; revising needs a return to draft and a new challenge', () => {
    const s = inChallenge();
    s.exec({ type: 'RecordChallenge', verdict: 'dissent', reasons: 'Scenario 1 ignores the network abroad.' }, SECOND);
    refused(s.exec({ type: 'ReviseDraft', content: completeContent(['p-1']) }), 'INVALID_TRANSITION');
    refused(s.exec({ type: 'ReturnToDraft', reason: LONG }, SECOND), 'FORBIDDEN_ACTION');
    expect(s.exec({ type: 'ReturnToDraft', reason: 'Add the network abroad.' }).ok).toBe(true);
    expect(s.exec({ type: 'ReviseDraft', content: completeContent(['p-1'], { gaps: [] }) }).ok).toBe(true);
    s.exec({ type: 'SubmitForChallenge' });
    // The dissent applied to revision 2; revision 3 is unchallenged.
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' }), 'FOUR_EYES_VIOLATION');
    s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND);
    expect(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' }).ok).toBe(true);
    const final = currentFinal(s.state()!)!;
    expect(final.challenges.map((c) => [c.revision, c.verdict])).toEqual([
      [2, 'dissent'],
      [3, 'agree'],
    ]);
    expect(final.returnsToDraft).toHaveLength(1);
  });

  it('finalises over dissent only with a written response; the dissent stays in the final version', () => {
    const s = inChallenge();
    s.exec({ type: 'RecordChallenge', verdict: 'dissent', reasons: 'Residual risk is higher than stated.' }, SECOND);
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' }), 'VALIDATION_FAILED');
    const r = s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months', responseToDissent: 'Weighed; the measures cover it.' });
    expect(r.ok).toBe(true);
    const final = currentFinal(s.state()!)!;
    expect(final).toMatchObject({ status: 'final', finalisedBy: AUTHOR, validFrom: '2026-03-02', validUntil: '2026-09-01' });
    expect(final.challenges[0]).toMatchObject({ reviewerId: SECOND, verdict: 'dissent', reasons: 'Residual risk is higher than stated.' });
    expect(final.responseToDissent).toBe('Weighed; the measures cover it.');
  });

  it('needs a validity in the future', () => {
    const s = inChallenge();
    s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND);
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-03-02', expectedDuration: 'over_12_months' }), 'VALIDATION_FAILED');
    refused(s.exec({ type: 'FinaliseAssessment', validUntil: 'soon', expectedDuration: 'over_12_months' }), 'VALIDATION_FAILED');
  });

  it('needs the expected duration of the threat (issue 12 item 2), and keeps it on the final version', () => {
    const s = inChallenge();
    s.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, SECOND);
    const missing = s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'a while' as never });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'expectedDuration' } } });
    expect(s.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'three_to_12_months' }).ok).toBe(true);
    expect(currentFinal(s.state()!)!.expectedDuration).toBe('three_to_12_months');
  });
});

describe('versions', () => {
  it('a new version starts from the previous final, needs a reason and supersedes it when final', () => {
    const s = stream();
    finalised(s);
    refused(s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' }), 'VALIDATION_FAILED');
    expect(s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential', reasonForChange: 'New product from the AIVD.' }).ok).toBe(true);
    const state = s.state()!;
    const draft = openVersion(state)!;
    expect(draft).toMatchObject({ versionNumber: 2, basedOnVersion: 1, reasonForChange: 'New product from the AIVD.' });
    expect(draft.content).toEqual(currentFinal(state)!.content);
    expect(currentFinal(state)!.versionNumber).toBe(1);
  });

  it('keeps one version final; the earlier one is superseded, its content untouched', () => {
    const s = stream();
    const first = currentFinal(finalised(s))!;
    const after = finalised(s, ['p-1', 'p-2']);
    const [v1, v2] = after.versions;
    expect(v1).toEqual({ ...first, status: 'superseded', supersededAt: v2!.finalisedAt, supersededBy: 2 });
    expect(v2!.status).toBe('final');
  });

  it('drops ratings when the new version switches template', () => {
    const s = stream();
    finalised(s);
    s.exec({ type: 'StartDraft', template: { templateId: 'daf-state-actor', version: 1 }, classification: 'stg_secret', reasonForChange: LONG });
    expect(openVersion(s.state()!)!.content).toMatchObject({ ratings: [], classification: 'stg_secret' });
  });
});

describe('monitoring assumptions of the final version', () => {
  it('records tests; a test that holds sets the next re-test date, a falsified one ends testing', () => {
    const s = stream();
    refused(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: LONG, nextRetestOn: '2026-07-01' }), 'INVALID_TRANSITION');
    finalised(s);
    refused(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'nope', outcome: 'holds', note: LONG, nextRetestOn: '2026-07-01' }), 'NOT_FOUND');
    refused(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: LONG }), 'VALIDATION_FAILED');
    refused(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: 'ok', nextRetestOn: '2026-07-01' }), 'VALIDATION_FAILED');
    expect(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: LONG, nextRetestOn: '2026-07-01' }).ok).toBe(true);
    expect(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'falsified', note: 'Released early.' }).ok).toBe(true);
    refused(s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: LONG, nextRetestOn: '2026-08-01' }), 'INVALID_TRANSITION');
    expect(s.state()!.assumptionTests.map((t) => t.outcome)).toEqual(['holds', 'falsified']);
  });
});
