import { describe, expect, it } from 'vitest';
import type { AccessSubject } from '../access/need-to-know';
import type { CaseEventBody, RecordedCaseEvent } from '../cases/case-events';
import { assessmentAsOf, decisionBasis } from './as-of';
import { AUTHOR, finalised, product, stream } from './test-fixtures';

/*
 * One case, two streams: the DAF record (fixture clock from 2026-03-02T09:00, one minute per
 * command) and the case events, written out with their own times around it.
 */
function scenario() {
  const daf = stream();
  finalised(daf); // v1 final at about 09:06, resting on p-1
  const aivd = product('p-2', { originator: 'AIVD', legalBasis: { framework: 'Wiv2017', article: 'art. 66' }, classification: 'stg_secret', releaseCondition: 'daf_only' });
  daf.exec({ type: 'RegisterItem', item: aivd }); // about 09:07
  daf.advanceDays(2);
  finalised(daf, ['p-1', 'p-2'], '2026-12-01'); // v2, two days later
  const at = (time: string) => `2026-03-${time}Z`;
  const event = (version: number, body: CaseEventBody, actorId: string, occurredAt: string): RecordedCaseEvent => ({ caseId: 'case-daf', version, body, actorId, actorRole: 'x', occurredAt });
  const registered: CaseEventBody = { type: 'CaseRegistered', reference: 'C-1', referralSource: 'police_unit', referrerDescription: 'Unit', reportedPhenomenon: 'organised_crime', firstInformation: 'x', classification: 'dep_confidential', persons: [] };
  const caseEvents = [
    event(1, registered, 'u-triage', at('01T08:00:00.000')),
    event(2, { type: 'MemberAssigned', userId: AUTHOR }, 'u-triage', at('01T08:01:00.000')),
    event(3, { type: 'MemberAssigned', userId: 'u-dm' }, 'u-triage', at('01T08:02:00.000')),
    event(4, { type: 'DecisionProposed', decisionId: 'd-1', resistanceLevel: 'R3', packageCode: 'P3', motivation: 'm', reviewDate: '2026-09-01', basedOnAssessmentId: 'v1' }, 'u-dm', at('02T10:00:00.000')),
    event(5, { type: 'DecisionApproved', decisionId: 'd-1', note: 'ok' }, 'u-dm2', at('02T11:00:00.000')),
    event(6, { type: 'MemberAssigned', userId: 'u-late' }, 'u-dm', at('05T08:00:00.000')),
    event(7, { type: 'DecisionProposed', decisionId: 'd-2', resistanceLevel: 'R4', packageCode: 'P4', motivation: 'm', reviewDate: '2026-12-01', basedOnAssessmentId: 'v2' }, 'u-dm', at('05T09:00:00.000')),
  ];
  return { assessmentEvents: daf.events, caseEvents };
}

const SUBJECTS: AccessSubject[] = [
  { userId: AUTHOR, roles: ['threat_analyst'], organisation: 'NCTV_DAF', clearance: 'stg_secret' },
  { userId: 'u-dm', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' },
  { userId: 'u-late', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' },
  { userId: 'u-insp', roles: ['inspector'], organisation: 'INSPECTORATE', clearance: 'stg_secret' },
  { userId: 'u-lcc', roles: ['lcc_coordinator'], organisation: 'LCC', clearance: 'stg_secret' },
];

describe('assessmentAsOf', () => {
  it('shows nothing before the record began, the open draft while drafting, the version in effect after', () => {
    const { assessmentEvents } = scenario();
    expect(assessmentAsOf(assessmentEvents, '2026-03-01T00:00:00Z')).toMatchObject({ versionInEffect: undefined, openVersion: undefined, itemsRegistered: [] });
    expect(assessmentAsOf(assessmentEvents, '2026-03-02T09:03:30Z')).toMatchObject({ versionInEffect: undefined, openVersion: { versionNumber: 1, status: 'draft' } });
    const later = assessmentAsOf(assessmentEvents, '2026-03-02T12:00:00Z');
    expect(later.versionInEffect?.versionNumber).toBe(1);
    expect(later.itemsRegistered.map((i) => i.itemId)).toEqual(['p-1', 'p-2']);
    expect(later.reassessment.reasons.map((r) => r.code)).toEqual(['new_information']);
  });
});

describe('decisionBasis: what existed and was visible to whom at the moment of a decision', () => {
  it('reconstructs the approved decision at its approval: version 1, both items, views per subject', () => {
    const { assessmentEvents, caseEvents } = scenario();
    const basis = decisionBasis(caseEvents, assessmentEvents, 'd-1', SUBJECTS)!;
    expect(basis).toMatchObject({ decisionId: 'd-1', proposedAt: '2026-03-02T10:00:00.000Z', decidedAt: '2026-03-02T11:00:00.000Z', at: '2026-03-02T11:00:00.000Z', caseVersion: 5 });
    expect(basis.assessment.versionInEffect).toMatchObject({ versionNumber: 1, status: 'final' });
    expect(basis.assessment.versionInEffect!.content.basedOnItemIds).toEqual(['p-1']);
    expect(basis.assessment.itemsRegistered.map((i) => i.itemId)).toEqual(['p-1', 'p-2']);
    const views = Object.fromEntries(basis.visibility.map((v) => [v.userId, { member: v.member, graded: v.view.gradedItemIds, content: v.view.contentItemIds, parts: v.view.parts.length }]));
    expect(views).toEqual({
      [AUTHOR]: { member: true, graded: ['p-1', 'p-2'], content: ['p-1', 'p-2'], parts: 6 },
      'u-dm': { member: true, graded: ['p-1', 'p-2'], content: ['p-1'], parts: 5 },
      'u-late': { member: false, graded: [], content: [], parts: 0 },
      'u-insp': { member: false, graded: ['p-1', 'p-2'], content: [], parts: 6 },
      'u-lcc': { member: false, graded: [], content: [], parts: 0 },
    });
  });

  it('takes a pending decision at its proposal, with the version then in effect and membership then', () => {
    const { assessmentEvents, caseEvents } = scenario();
    const basis = decisionBasis(caseEvents, assessmentEvents, 'd-2', SUBJECTS)!;
    expect(basis).toMatchObject({ at: '2026-03-05T09:00:00.000Z', decidedAt: undefined, caseVersion: 7 });
    expect(basis.assessment.versionInEffect?.versionNumber).toBe(2);
    expect(basis.visibility.find((v) => v.userId === 'u-late')).toMatchObject({ member: true, view: { contentItemIds: ['p-1'] } });
  });

  it('knows no basis for an unknown decision', () => {
    const { assessmentEvents, caseEvents } = scenario();
    expect(decisionBasis(caseEvents, assessmentEvents, 'd-9', SUBJECTS)).toBeUndefined();
  });
});
