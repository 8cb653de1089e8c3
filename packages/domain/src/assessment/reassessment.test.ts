import { describe, expect, it } from 'vitest';
import { reassessmentDue } from './reassessment';
import { LONG, OC_REF, completeContent, finalised, product, stream } from './test-fixtures';

/** The fixture finalises on 2026-03-02, valid through 2026-09-01, assumption as-1 re-tested on 2026-06-01. */
const fresh = () => {
  const s = stream();
  finalised(s);
  return s;
};

describe('reassessmentDue', () => {
  it('is not due without a final version, nor for a fresh one', () => {
    const s = stream();
    expect(reassessmentDue(undefined, '2026-03-02T12:00:00Z')).toEqual({ due: false, reasons: [] });
    s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
    expect(reassessmentDue(s.state(), '2030-01-01T00:00:00Z').due).toBe(false);
    const f = fresh();
    expect(reassessmentDue(f.state(), '2026-03-03T00:00:00Z')).toEqual({ due: false, reasons: [], versionNumber: 1, newVersionInProgress: undefined });
  });

  it('is due when the validity has expired: valid through its last day', () => {
    const state = fresh().state();
    expect(reassessmentDue(state, '2026-09-01T23:59:59Z').reasons.map((r) => r.code)).not.toContain('validity_expired');
    expect(reassessmentDue(state, '2026-09-02T00:00:00Z').reasons).toContainEqual({ code: 'validity_expired', validUntil: '2026-09-01' });
  });

  it('is never due for an ended case, whatever expired (issue 13)', () => {
    const state = fresh().state();
    expect(reassessmentDue(state, '2026-09-02T00:00:00Z').due).toBe(true);
    expect(reassessmentDue(state, '2026-09-02T00:00:00Z', { caseEnded: true })).toEqual({ due: false, reasons: [] });
  });

  it('is due on the re-test date of an assumption, and moves with a test that holds', () => {
    const s = fresh();
    expect(reassessmentDue(s.state(), '2026-05-31T23:00:00Z').due).toBe(false);
    expect(reassessmentDue(s.state(), '2026-06-01T00:00:00Z')).toMatchObject({
      due: true,
      reasons: [{ code: 'assumption_retest_due', assumptionId: 'as-1', retestOn: '2026-06-01' }],
    });
    s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'holds', note: LONG, nextRetestOn: '2026-07-15' });
    expect(reassessmentDue(s.state(), '2026-06-01T00:00:00Z').due).toBe(false);
    expect(reassessmentDue(s.state(), '2026-07-15T08:00:00Z').reasons).toEqual([{ code: 'assumption_retest_due', assumptionId: 'as-1', retestOn: '2026-07-15' }]);
  });

  it('is due when an assumption is falsified or its trigger occurred', () => {
    const s = fresh();
    s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'falsified', note: 'Leader released on appeal.' });
    expect(reassessmentDue(s.state(), '2026-03-03T00:00:00Z').reasons).toEqual([
      { code: 'assumption_falsified', assumptionId: 'as-1', note: 'Leader released on appeal.' },
    ]);

    const t = stream();
    t.exec({ type: 'RegisterItem', item: product('p-1') });
    t.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential' });
    const assumptions = [{ assumptionId: 'as-t', statement: 'No contact with the network', basis: 'Probation report', trigger: 'Contact observed' }];
    t.exec({ type: 'ReviseDraft', content: completeContent(['p-1'], { assumptions }) });
    t.exec({ type: 'SubmitForChallenge' });
    t.exec({ type: 'RecordChallenge', verdict: 'agree', reasons: LONG }, 'u-bram');
    t.exec({ type: 'FinaliseAssessment', validUntil: '2026-09-01', expectedDuration: 'over_12_months' });
    t.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-t', outcome: 'triggered', note: 'Probation saw contact.' });
    expect(reassessmentDue(t.state(), '2026-03-03T00:00:00Z').reasons).toEqual([
      { code: 'assumption_triggered', assumptionId: 'as-t', trigger: 'Contact observed', note: 'Probation saw contact.' },
    ]);
  });

  it('is due when information is registered after finalisation, not before', () => {
    const s = fresh();
    s.exec({ type: 'RegisterItem', item: product('p-2', { originator: 'AIVD', legalBasis: { framework: 'Wiv2017', article: 'art. 66' } }) });
    const registeredAt = s.state()!.items.find((i) => i.itemId === 'p-2')!.registeredAt;
    expect(reassessmentDue(s.state(), '2026-03-03T00:00:00Z').reasons).toEqual([{ code: 'new_information', itemId: 'p-2', registeredAt }]);
    // As of a moment before it arrived, it is not a reason yet.
    expect(reassessmentDue(s.state(), '2026-03-02T09:00:00Z').due).toBe(false);
  });

  it('is due when an item the version rests on is no longer valid', () => {
    const s = stream();
    s.exec({ type: 'RegisterItem', item: product('p-1', { validUntil: '2026-04-30' }) });
    s.exec({ type: 'RegisterItem', item: product('p-unused', { validUntil: '2026-04-01' }) });
    const state = finalised(s, ['p-1']);
    expect(reassessmentDue(state, '2026-04-30T12:00:00Z').due).toBe(false);
    expect(reassessmentDue(state, '2026-05-01T00:00:00Z').reasons).toEqual([{ code: 'item_validity_expired', itemId: 'p-1', validUntil: '2026-04-30' }]);
  });

  it('is due after an incident following finalisation, not one before', () => {
    const state = fresh().state();
    const incidents = [
      { incidentId: 'i-old', occurredAt: '2026-02-01T10:00:00Z', description: 'Earlier threat' },
      { incidentId: 'i-new', occurredAt: '2026-04-01T10:00:00Z', description: 'Car followed the person' },
    ];
    expect(reassessmentDue(state, '2026-04-02T00:00:00Z', { incidents }).reasons).toEqual([
      { code: 'incident', incidentId: 'i-new', occurredAt: '2026-04-01T10:00:00Z' },
    ]);
    expect(reassessmentDue(state, '2026-03-31T00:00:00Z', { incidents }).due).toBe(false);
  });

  it('lists every reason at once and shows a new version in progress', () => {
    const s = fresh();
    s.exec({ type: 'RegisterItem', item: product('p-2') });
    s.exec({ type: 'StartDraft', template: OC_REF, classification: 'stg_confidential', reasonForChange: LONG });
    const status = reassessmentDue(s.state(), '2026-10-01T00:00:00Z', { incidents: [{ incidentId: 'i', occurredAt: '2026-05-01T00:00:00Z', description: 'x' }] });
    expect(status.reasons.map((r) => r.code)).toEqual(['validity_expired', 'assumption_retest_due', 'new_information', 'item_validity_expired', 'incident']);
    expect(status).toMatchObject({ due: true, versionNumber: 1, newVersionInProgress: 2 });
  });

  it('applies to the new final version once it supersedes the old one', () => {
    const s = fresh();
    s.exec({ type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: 'falsified', note: LONG });
    finalised(s, ['p-1'], '2027-01-01');
    expect(reassessmentDue(s.state(), '2026-03-03T00:00:00Z')).toMatchObject({ due: false, versionNumber: 2 });
  });
});
