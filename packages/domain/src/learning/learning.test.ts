import { describe, expect, it } from 'vitest';
import { readableLearningRecords, readableLessons } from '../access/learning-access';
import type { AccessSubject } from '../access/need-to-know';
import { finalised, stream } from '../assessment/test-fixtures';
import { reassessmentDue } from '../assessment/reassessment';
import { decideEvaluation, projectEvaluation, projectEvaluationAsOf, type EvaluationCommand, type EvaluationContext, type RecordedEvaluationEvent } from './evaluation';
import { incidentMarking, incidentsKnownAt, reassessmentIncidents } from './incident';
import { lessonsAsOf, nextPolicyVersion, planPolicyLink, shareableLesson, type LessonRecord } from './lesson';
import { findTemplate, latestTemplate } from './evaluation-templates';

const NOW = '2026-06-01T12:00:00Z';

describe('incident marking', () => {
  const lcc = { organisation: 'LCC' as const, clearance: 'stg_secret' as const };
  it('is at least the case marking, with the recorder as originator', () => {
    expect(incidentMarking({ classification: 'stg_confidential', occurredAt: NOW }, 'stg_confidential', lcc, NOW)).toEqual({ ok: true, value: { classification: 'stg_confidential', originator: 'LCC' } });
    const lower = incidentMarking({ classification: 'dep_confidential', occurredAt: NOW }, 'stg_confidential', lcc, NOW);
    expect(lower.ok || lower.error.details).toEqual({ field: 'classification', caseClassification: 'stg_confidential' });
  });
  it('refuses a marking the recorder is not cleared for, and a future moment', () => {
    const above = incidentMarking({ classification: 'stg_top_secret', occurredAt: NOW }, 'stg_confidential', lcc, NOW);
    expect(above.ok ? 'ok' : above.error.code).toBe('FORBIDDEN_ACTION');
    const future = incidentMarking({ classification: 'stg_secret', occurredAt: '2026-06-02T00:00:00Z' }, 'stg_confidential', lcc, NOW);
    expect(future.ok ? 'ok' : future.error.code).toBe('VALIDATION_FAILED');
  });
  it('is known as of its recording, not before', () => {
    const incidents = [{ recordedAt: '2026-05-01T00:00:00Z' }, { recordedAt: '2026-05-10T00:00:00Z' }];
    expect(incidentsKnownAt(incidents, '2026-05-05T00:00:00Z')).toHaveLength(1);
  });
});

describe('the incident trigger of the DAF re-assessment', () => {
  // The fixture finalises on 2026-03-02, valid through 2026-09-01; its assumption is re-tested on 2026-06-01.
  const finalState = (() => {
    const s = stream();
    finalised(s);
    return s.state();
  })();
  it('makes re-assessment due for an incident recorded after finalisation, and names it', () => {
    const incidents = reassessmentIncidents([{ incidentId: 'inc-1', occurredAt: '2026-05-20T08:00:00Z' }]);
    const status = reassessmentDue(finalState, '2026-05-25T00:00:00Z', { incidents });
    expect(status.due).toBe(true);
    expect(status.reasons).toEqual([{ code: 'incident', incidentId: 'inc-1', occurredAt: '2026-05-20T08:00:00Z' }]);
    expect(incidents[0]!.description).toBe('');
  });
  it('is not due for an incident before finalisation', () => {
    expect(reassessmentDue(finalState, '2026-05-25T00:00:00Z', { incidents: reassessmentIncidents([{ incidentId: 'inc-0', occurredAt: '2026-02-01T08:00:00Z' }]) }).due).toBe(false);
  });
});

const ctx = (over: Partial<EvaluationContext> = {}): EvaluationContext => ({ organisation: 'NCTV', incidentIds: new Set(['inc-1']), caseEnded: false, ...over });
const marking = { classification: 'stg_confidential' as const, originator: 'NCTV' as const };
const open: EvaluationCommand = { type: 'OpenEvaluation', evaluationId: 'ev-1', caseId: 'c-1', trigger: 'incident', incidentId: 'inc-1', templateKey: 'security_situation', partners: ['NCTV', 'LCC'], marking };

function run(steps: [EvaluationCommand, EvaluationContext, string][]) {
  const events: RecordedEvaluationEvent[] = [];
  for (const [command, c, at] of steps) {
    const result = decideEvaluation(projectEvaluation(events), command, c);
    if (!result.ok) return { events, error: result.error };
    result.value.forEach((body) => events.push({ version: events.length + 1, body, actor: 'u', occurredAt: at }));
  }
  return { events, error: undefined };
}

describe('evaluation lifecycle', () => {
  it('opens on the newest template version, and only after a known incident', () => {
    const { events } = run([[open, ctx(), NOW]]);
    expect(projectEvaluation(events)?.template).toEqual({ key: 'security_situation', version: 2 });
    const unknown = run([[{ ...open, incidentId: 'inc-x' }, ctx(), NOW]]);
    expect(unknown.error?.details).toEqual({ field: 'incidentId' });
    const end = run([[{ ...open, trigger: 'case_end', incidentId: null }, ctx(), NOW]]);
    expect(end.error?.code).toBe('INVALID_TRANSITION');
  });

  it('closes only when every partner and the person were heard; then takes nothing more', () => {
    const contribution: EvaluationCommand = { type: 'RecordContribution', answers: { what_happened: 'Auto volgde.' } };
    const close: EvaluationCommand = { type: 'CloseEvaluation', conclusion: 'Klaar.' };
    const early = run([[open, ctx(), NOW], [contribution, ctx(), NOW], [close, ctx(), NOW]]);
    expect(early.error?.code).toBe('RULE_VIOLATION');
    expect(early.error?.details).toEqual({ missing: { partners: ['LCC'], personExperience: true } });
    const full = run([
      [open, ctx(), NOW],
      [contribution, ctx(), NOW],
      [contribution, ctx({ organisation: 'LCC' }), NOW],
      [{ type: 'RecordPersonExperience', experience: '', declined: true }, ctx(), NOW],
      [close, ctx(), NOW],
    ]);
    expect(full.error).toBeUndefined();
    expect(projectEvaluation(full.events)?.status).toBe('closed');
    const after = decideEvaluation(projectEvaluation(full.events), contribution, ctx());
    expect(after.ok ? 'ok' : after.error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a partner outside the evaluation and an answer to a question the template has not', () => {
    const outsider = run([[open, ctx(), NOW], [{ type: 'RecordContribution', answers: { what_happened: 'x' } }, ctx({ organisation: 'POLICE' }), NOW]]);
    expect(outsider.error?.code).toBe('FORBIDDEN_ACTION');
    const stray = run([[open, ctx(), NOW], [{ type: 'RecordContribution', answers: { favourite_colour: 'x' } }, ctx(), NOW]]);
    expect(stray.error?.details).toEqual({ field: 'answers' });
  });

  it('shows as of a moment only what was recorded by then', () => {
    const lesson: EvaluationCommand = { type: 'RecordLesson', lessonId: 'l-1', title: 'T', finding: 'F', owner: 'NCTV', followUp: 'Do', dueOn: '2026-07-01', needsRuleChange: true };
    const { events } = run([[open, ctx(), '2026-06-01T10:00:00Z'], [lesson, ctx(), '2026-06-01T11:00:00Z']]);
    expect(projectEvaluationAsOf(events, '2026-06-01T10:30:00Z')?.lessons).toEqual([]);
    expect(projectEvaluationAsOf(events, '2026-06-01T11:00:00Z')?.lessons.map((l) => l.lessonId)).toEqual(['l-1']);
    expect(projectEvaluationAsOf(events, '2026-06-01T09:00:00Z')).toBeUndefined();
  });

  it('keeps every template version: an old evaluation still finds the questions it was held on', () => {
    expect(findTemplate('security_situation', 1)?.questions.map((q) => q.key)).not.toContain('rules');
    expect(latestTemplate('security_situation')?.version).toBe(2);
  });
});

const lessonRecord = (over: Partial<LessonRecord> = {}): LessonRecord => ({
  lessonId: 'l-1', title: 'T', finding: 'F', owner: 'NCTV', followUp: 'Do', dueOn: '2026-07-01', needsRuleChange: true,
  evaluationId: 'ev-1', caseId: 'c-1', trigger: 'incident', classification: 'stg_confidential', originator: 'NCTV', recordedAt: NOW, policyVersion: null, linkedAt: null, ...over,
});

describe('the lesson → policy-draft link', () => {
  it('creates a new draft under the next free version name', () => {
    expect(planPolicyLink(lessonRecord(), undefined, ['2026.1', '2026.2', '2027.1'], 2026)).toEqual({ ok: true, value: { kind: 'new_draft', version: '2026.3' } });
    expect(nextPolicyVersion([], 2027)).toBe('2027.1');
  });
  it('opens the linked draft again instead of making a second one', () => {
    expect(planPolicyLink(lessonRecord({ policyVersion: '2026.3' }), undefined, ['2026.3'], 2026)).toEqual({ ok: true, value: { kind: 'existing', version: '2026.3' } });
  });
  it('refuses a lesson that asks no rule change, and a target that is no longer a draft', () => {
    const none = planPolicyLink(lessonRecord({ needsRuleChange: false }), undefined, [], 2026);
    expect(none.ok ? 'ok' : none.error.code).toBe('RULE_VIOLATION');
    const published = planPolicyLink(lessonRecord(), { version: '2026.1', status: 'published' }, ['2026.1'], 2026);
    expect(published.ok ? 'ok' : published.error.code).toBe('INVALID_TRANSITION');
    expect(planPolicyLink(lessonRecord(), { version: '2026.2', status: 'draft' }, ['2026.2'], 2026)).toEqual({ ok: true, value: { kind: 'link_draft', version: '2026.2' } });
  });
  it('shares a lesson without its case: no case id, evaluation id or official', () => {
    const shared = shareableLesson(lessonRecord());
    expect(JSON.stringify(shared)).not.toContain('c-1');
    expect(Object.keys(shared)).not.toEqual(expect.arrayContaining(['caseId']));
    expect(Object.keys(shared)).not.toContain('evaluationId');
  });
  it('as of a moment before the link, the lesson shows no draft', () => {
    const linked = lessonRecord({ policyVersion: '2026.3', linkedAt: '2026-06-02T00:00:00Z' });
    expect(lessonsAsOf([linked], '2026-06-01T13:00:00Z')[0]?.policyVersion).toBeNull();
    expect(lessonsAsOf([linked], '2026-06-02T00:00:00Z')[0]?.policyVersion).toBe('2026.3');
  });
});

describe('security: incident content never reaches the advisory body or the policy administrator', () => {
  const subject = (roles: AccessSubject['roles'], organisation: AccessSubject['organisation'], clearance: AccessSubject['clearance'] = 'stg_top_secret'): AccessSubject => ({ userId: 'u', roles, organisation, clearance });
  const incident = { marking: { classification: 'stg_confidential' as const, originator: 'LCC' as const } };
  const at = { caseId: 'c-1', classification: 'stg_confidential' as const };
  it('the advisory member and the functional administrator read none, even as if members', () => {
    for (const s of [subject(['advisory_member'], 'ADVISORY_BODY'), subject(['functional_admin'], 'NCTV')]) {
      expect(readableLearningRecords(s, 'readIncidents', at, [incident], (i) => i.marking, new Set(['c-1']))).toEqual([]);
    }
  });
  it('a unit lead reads an incident of an assigned case, not one without the basis, nor above clearance', () => {
    const lead = subject(['police_team_lead'], 'POLICE', 'stg_confidential');
    expect(readableLearningRecords(lead, 'readIncidents', at, [incident], (i) => i.marking, new Set(['c-1']))).toHaveLength(1);
    expect(readableLearningRecords(lead, 'readIncidents', at, [incident], (i) => i.marking, new Set())).toHaveLength(0);
    const secret = { marking: { classification: 'stg_secret' as const, originator: 'LCC' as const } };
    expect(readableLearningRecords(lead, 'readIncidents', at, [secret], (i) => i.marking, new Set(['c-1']))).toHaveLength(0);
  });
  it('lessons are read by role and clearance only, never by the advisory body', () => {
    expect(readableLessons(subject(['advisory_member'], 'ADVISORY_BODY'), [lessonRecord()])).toEqual([]);
    expect(readableLessons(subject(['functional_admin'], 'NCTV', 'dep_confidential'), [lessonRecord()])).toEqual([]);
    expect(readableLessons(subject(['functional_admin'], 'NCTV', 'stg_confidential'), [lessonRecord()])).toHaveLength(1);
  });
});
