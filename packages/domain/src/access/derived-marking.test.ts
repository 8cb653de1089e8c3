import { describe, expect, it } from 'vitest';
import type { CaseEventBody, RecordedCaseEvent } from '../cases/case-events';
import { projectCase, projectCaseAsOf } from '../cases/case-state';
import type { Classification, Organisation, Role } from '../shared/vocabulary';
import {
  dafVersionMarking,
  derivedRecord,
  highWaterMark,
  readableDerived,
  readableRecordedAssessments,
  type Marking,
} from './derived-marking';
import type { AccessSubject } from './need-to-know';

/**
 * The high-water mark (ADR 0015), written out from the rule rather than from the code: derived
 * content is marked at the higher classification, released only where both release it.
 */

const CASE = 'case-1';
const member = new Set([CASE]);
const nobody = new Set<string>();
const subject = (roles: Role[], organisation: Organisation, clearance: Classification): AccessSubject => ({ userId: 'u', roles, organisation, clearance });
const decisionMaker = subject(['decision_maker'], 'NCTV', 'stg_secret');
const analyst = subject(['threat_analyst'], 'NCTV_DAF', 'stg_top_secret');
const inspector = subject(['inspector'], 'INSPECTORATE', 'stg_top_secret');
const police = subject(['police_team_lead'], 'POLICE', 'stg_top_secret');

describe('highWaterMark', () => {
  const target: Marking = { classification: 'stg_secret', originator: 'NCTV', releasableTo: ['NCTV', 'NCTV_DAF', 'INSPECTORATE'] };

  it('takes the higher classification, whichever side it is on', () => {
    expect(highWaterMark(target, { ...target, classification: 'stg_top_secret' }).classification).toBe('stg_top_secret');
    expect(highWaterMark(target, { ...target, classification: 'dep_confidential' }).classification).toBe('stg_secret');
  });

  it('releases only to the organisations both release to; no condition on one side keeps the other', () => {
    expect(highWaterMark(target, { classification: 'unclassified', originator: 'NCTV_DAF', releasableTo: ['NCTV_DAF', 'POLICE'] }).releasableTo).toEqual(['NCTV_DAF']);
    expect(highWaterMark(target, { classification: 'unclassified', originator: 'NCTV_DAF' }).releasableTo).toEqual(target.releasableTo);
    expect(highWaterMark({ classification: 'unclassified', originator: 'NCTV' }, { classification: 'unclassified', originator: 'POLICE', releasableTo: ['POLICE'] }).releasableTo).toEqual(['POLICE']);
    expect(highWaterMark({ classification: 'unclassified', originator: 'NCTV' }, { classification: 'unclassified', originator: 'POLICE' }).releasableTo).toBeUndefined();
  });

  it('keeps the source as originator: it is the source’s content', () => {
    expect(highWaterMark(target, { classification: 'unclassified', originator: 'NCTV_DAF' }).originator).toBe('NCTV_DAF');
  });
});

describe('derivedRecord', () => {
  it('is never below the section of the case it sits in, nor below its source', () => {
    expect(derivedRecord(CASE, 'stg_secret', 'assessment', dafVersionMarking('stg_top_secret')).classification).toBe('stg_top_secret');
    expect(derivedRecord(CASE, 'stg_secret', 'assessment', dafVersionMarking('stg_confidential')).classification).toBe('stg_secret');
    // The assessment section's floor (Stg. Confidentieel) holds even for a lower case and source.
    expect(derivedRecord(CASE, 'unclassified', 'assessment', dafVersionMarking('unclassified')).classification).toBe('stg_confidential');
    expect(derivedRecord(CASE, 'stg_secret', 'assessment', dafVersionMarking('stg_secret'))).toMatchObject({ caseId: CASE, section: 'assessment' });
  });
});

describe('readableDerived', () => {
  const entries = [
    { id: 'secret', marking: dafVersionMarking('stg_secret') },
    { id: 'top-secret', marking: dafVersionMarking('stg_top_secret') },
    { id: 'daf-only', marking: { classification: 'stg_confidential', originator: 'NCTV_DAF', releasableTo: ['NCTV_DAF'] } as Marking },
  ];
  const ids = (s: AccessSubject, memberOf: ReadonlySet<string> = member) =>
    readableDerived(s, { caseId: CASE, classification: 'stg_secret', section: 'assessment' }, entries, (e) => e.marking, memberOf).map((e) => e.id);

  it('a decision maker cleared for Stg. Geheim reads only what is marked up to Stg. Geheim and released to NCTV', () => {
    expect(ids(decisionMaker)).toEqual(['secret']);
  });

  it('a threat analyst cleared for Stg. Zeer Geheim reads all three', () => {
    expect(ids(analyst)).toEqual(['secret', 'top-secret', 'daf-only']);
  });

  it('oversight reads without membership, within clearance and release', () => {
    expect(ids(inspector, nobody)).toEqual(['secret', 'top-secret']);
  });

  it('no capability for the section, or no membership: nothing', () => {
    expect(ids(police)).toEqual([]);
    expect(ids(analyst, nobody)).toEqual([]);
  });
});

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;
const event = (version: number, body: CaseEventBody): RecordedCaseEvent => ({ caseId: CASE, version, body, actorId: 'analyst-1', actorRole: 'threat_analyst', occurredAt: at(version) });
const STREAM_START: CaseEventBody[] = [
  { type: 'CaseRegistered', reference: 'HOE-1', referralSource: 'police_unit', referrerDescription: 'x', reportedPhenomenon: 'organised_crime', firstInformation: 'x', classification: 'stg_secret', persons: [] },
  { type: 'TriageCompleted', outcome: 'national', phenomenon: 'organised_crime', motivation: 'x', rulesetVersion: 'r', recommendedOutcome: 'national', firedRules: [] },
];
/** As stored before ADR 0015: content copied from the DAF version, no reference or marking. */
const LEGACY = { type: 'AssessmentRecorded', assessmentId: 'a-old', threatLevel: 'very_high', summary: 'Oude samenvatting', scenarios: ['Actor: doel'], validUntil: '2026-09-01' } as unknown as CaseEventBody;
const CURRENT: CaseEventBody = { type: 'AssessmentRecorded', assessmentId: 'a-new', assessmentVersion: 2, marking: dafVersionMarking('stg_top_secret'), validUntil: '2026-10-01' };

describe('AssessmentRecorded in the case projection', () => {
  const events = [...STREAM_START, LEGACY, CURRENT].map((b, i) => event(i + 1, b));

  it('an old-shaped event still projects: the phase moves, the reference stays, the copied content is dropped', () => {
    const state = projectCase(events.slice(0, 3))!;
    expect(state.phase).toBe('assessed');
    expect(state.assessments).toEqual([{ assessmentId: 'a-old', validUntil: '2026-09-01', recordedBy: 'analyst-1', recordedAt: at(3) }]);
    expect(JSON.stringify(state)).not.toContain('Oude samenvatting');
    expect(JSON.stringify(state)).not.toContain('very_high');
  });

  it('a new event projects its reference and marking, also as of a past moment', () => {
    expect(projectCase(events)!.assessments[1]).toEqual({ assessmentId: 'a-new', assessmentVersion: 2, marking: dafVersionMarking('stg_top_secret'), validUntil: '2026-10-01', recordedBy: 'analyst-1', recordedAt: at(4) });
    expect(projectCaseAsOf(events, at(3))!.assessments.map((a) => a.assessmentId)).toEqual(['a-old']);
  });

  it('readableRecordedAssessments: an entry without a marking takes the DAF record’s (legacy) marking', () => {
    const entries = projectCase(events)!.assessments;
    const readable = (s: AccessSubject, legacy: Classification) =>
      readableRecordedAssessments(s, { caseId: CASE, classification: 'stg_secret' }, entries, dafVersionMarking(legacy), member).map((a) => a.assessmentId);
    expect(readable(decisionMaker, 'stg_top_secret')).toEqual([]);
    expect(readable(decisionMaker, 'stg_secret')).toEqual(['a-old']);
    expect(readable(analyst, 'stg_top_secret')).toEqual(['a-old', 'a-new']);
  });
});
