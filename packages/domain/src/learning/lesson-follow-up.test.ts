import { describe, expect, it } from 'vitest';
import { lessonReading, mayFollowUpLesson } from '../access/learning-access';
import type { AccessSubject } from '../access/need-to-know';
import {
  currentLessonStatus,
  caseDataInRelease,
  decideLessonRelease,
  decideLessonStatus,
  decideTemplateLink,
  followUpAsOf,
  lessonOverdue,
  ruleLoop,
  type LessonStatusChange,
} from './lesson-follow-up';
import { planPolicyLink } from './lesson';

const change = (seq: number, status: LessonStatusChange['status'], at: string): LessonStatusChange => ({ seq, status, note: 'n', reason: status === 'not_adopted' ? 'r' : null, by: 'u', role: 'decision_maker', at });
const subject = (over: Partial<AccessSubject>): AccessSubject => ({ userId: 'u1', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret', ...over }) as AccessSubject;

describe('the follow-up lifecycle of a lesson', () => {
  it('starts open and moves on with a note', () => {
    expect(currentLessonStatus([])).toBe('open');
    expect(decideLessonStatus([], { status: 'in_progress', note: 'Begonnen.' })).toEqual({ ok: true, value: { seq: 1, status: 'in_progress', note: 'Begonnen.', reason: null } });
  });

  it('needs a note for every change and a reason for not adopting, and only then', () => {
    expect(decideLessonStatus([], { status: 'in_progress', note: '  ' })).toMatchObject({ ok: false, error: { details: { field: 'note' } } });
    expect(decideLessonStatus([], { status: 'not_adopted', note: 'Besproken.' })).toMatchObject({ ok: false, error: { details: { field: 'reason' } } });
    expect(decideLessonStatus([], { status: 'implemented', note: 'Klaar.', reason: 'waarom' })).toMatchObject({ ok: false, error: { details: { field: 'reason' } } });
    expect(decideLessonStatus([], { status: 'not_adopted', note: 'Besproken.', reason: 'Past niet in het stelsel.' })).toMatchObject({ ok: true, value: { reason: 'Past niet in het stelsel.' } });
  });

  it('does not leave a final status, nor return to open', () => {
    expect(decideLessonStatus([change(1, 'implemented', '2026-01-01T00:00:00Z')], { status: 'in_progress', note: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(decideLessonStatus([change(1, 'not_adopted', '2026-01-01T00:00:00Z')], { status: 'implemented', note: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(decideLessonStatus([change(1, 'in_progress', '2026-01-01T00:00:00Z')], { status: 'open', note: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(decideLessonStatus([change(1, 'in_progress', '2026-01-01T00:00:00Z')], { status: 'implemented', note: 'x' })).toMatchObject({ ok: true, value: { seq: 2 } });
  });

  it('is overdue after its date until it is done', () => {
    expect(lessonOverdue('2026-06-01', [], '2026-06-01')).toBe(false);
    expect(lessonOverdue('2026-06-01', [], '2026-06-02')).toBe(true);
    expect(lessonOverdue('2026-06-01', [change(1, 'in_progress', '2026-05-01T00:00:00Z')], '2026-06-02')).toBe(true);
    expect(lessonOverdue('2026-06-01', [change(1, 'implemented', '2026-05-01T00:00:00Z')], '2026-06-02')).toBe(false);
  });

  it('as of a moment keeps only the changes, release and template link made by then', () => {
    const file = {
      history: [change(1, 'in_progress', '2026-02-01T00:00:00Z'), change(2, 'implemented', '2026-03-01T00:00:00Z')],
      release: { classification: 'dep_confidential' as const, title: 't', finding: 'f', followUp: 'u', releasedBy: 'x', releasedAt: '2026-02-15T00:00:00Z' },
      template: { templateId: 'daf-terrorism', version: 1, linkedAt: '2026-04-01T00:00:00Z' },
    };
    const then = followUpAsOf(file, '2026-02-20T00:00:00Z');
    expect(currentLessonStatus(then.history)).toBe('in_progress');
    expect(then.release?.classification).toBe('dep_confidential');
    expect(then.template).toBeNull();
    expect(followUpAsOf(file, '2026-01-01T00:00:00Z')).toMatchObject({ history: [], release: null, template: null });
  });

  it('is updated by the owner organisation or a lesson manager, cleared for the lesson', () => {
    const lesson = { owner: 'LCC' as const, classification: 'stg_confidential' as const };
    expect(mayFollowUpLesson(subject({ roles: ['lcc_coordinator'], organisation: 'LCC', clearance: 'stg_confidential' }), lesson)).toBe(true);
    expect(mayFollowUpLesson(subject({ roles: ['lcc_coordinator'], organisation: 'LCC', clearance: 'dep_confidential' }), lesson)).toBe(false);
    expect(mayFollowUpLesson(subject({ roles: ['triage_officer'], organisation: 'NCTV' }), lesson)).toBe(false);
    expect(mayFollowUpLesson(subject({ roles: ['decision_maker'], organisation: 'NCTV' }), lesson)).toBe(true);
    expect(mayFollowUpLesson(subject({ roles: ['inspector'], organisation: 'LCC' }), lesson)).toBe(false);
  });
});

describe('the release of a lesson at a lower marking (four eyes)', () => {
  const lesson = { classification: 'stg_confidential' as const, author: 'author', released: false };
  const request = { classification: 'dep_confidential' as const, checkedNoCaseData: true, title: 'Meldingen sneller doorzetten', finding: 'Een adreswijziging bereikte de eenheid te laat.', followUp: 'Piketregeling aanpassen.' };
  const markers = { reference: 'BP-2026-0042', names: ['Jan de Boer', 'Ülkü Şahin'] };
  it('is made by a second person cleared for the lesson, at a lower marking, after the check', () => {
    expect(decideLessonRelease(lesson, { userId: 'second', clearance: 'stg_secret' }, request)).toEqual({ ok: true, value: { classification: 'dep_confidential' } });
  });
  it('is refused to the author, to someone not cleared, at the same or a higher marking, without the check, or twice', () => {
    expect(decideLessonRelease(lesson, { userId: 'author', clearance: 'stg_secret' }, request)).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(decideLessonRelease({ ...lesson, author: null }, { userId: 'second', clearance: 'stg_secret' }, request)).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(decideLessonRelease(lesson, { userId: 'second', clearance: 'dep_confidential' }, request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    expect(decideLessonRelease(lesson, { userId: 'second', clearance: 'stg_secret' }, { ...request, classification: 'stg_confidential' })).toMatchObject({ ok: false, error: { details: { field: 'classification' } } });
    expect(decideLessonRelease(lesson, { userId: 'second', clearance: 'stg_secret' }, { ...request, checkedNoCaseData: false })).toMatchObject({ ok: false, error: { details: { field: 'checkedNoCaseData' } } });
    expect(decideLessonRelease({ ...lesson, released: true }, { userId: 'second', clearance: 'stg_secret' }, request)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });
  it('is refused when a field names the case reference or one of its persons, whatever the case or accents', () => {
    const second = { userId: 'second', clearance: 'stg_secret' as const };
    expect(decideLessonRelease(lesson, second, request, markers)).toEqual({ ok: true, value: { classification: 'dep_confidential' } });
    expect(decideLessonRelease(lesson, second, { ...request, title: 'Zaak bp-2026-0042 te laat' }, markers)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'title' } } });
    expect(decideLessonRelease(lesson, second, { ...request, finding: 'Het adres van jan  de boer kwam te laat.' }, markers)).toMatchObject({ ok: false, error: { details: { field: 'finding' } } });
    expect(decideLessonRelease(lesson, second, { ...request, followUp: 'Bel mevrouw Sahin terug.' }, markers)).toMatchObject({ ok: false, error: { details: { field: 'followUp' } } });
  });
  it('does not take a surname inside another word, or a short name part, for case data', () => {
    expect(caseDataInRelease({ ...request, finding: 'De boerderij lag buiten het gebied; de Jan-regeling gold niet.' }, markers)).toBeNull();
    expect(caseDataInRelease({ ...request, finding: 'Boer' }, markers)).toBe('finding');
  });
  it('lets a lower-cleared reader read the released text only', () => {
    const low = subject({ roles: ['functional_admin'], clearance: 'dep_confidential' });
    expect(lessonReading(low, { classification: 'stg_confidential', release: null })).toBeNull();
    expect(lessonReading(low, { classification: 'stg_confidential', release: { classification: 'dep_confidential' } })).toBe('released');
    expect(lessonReading(low, { classification: 'stg_confidential', release: { classification: 'stg_confidential' } })).toBeNull();
    expect(lessonReading(subject({}), { classification: 'stg_confidential', release: { classification: 'dep_confidential' } })).toBe('full');
    expect(lessonReading(subject({ roles: ['advisory_member'], clearance: 'stg_secret' }), { classification: 'unclassified', release: null })).toBeNull();
  });
});

describe('the loop to a method template', () => {
  const catalogue = [
    { templateId: 'daf-terrorism', version: 1 },
    { templateId: 'daf-crime', version: 1 },
  ];
  it('links a lesson that asks for a rule change to a template version the catalogue holds, once', () => {
    const lesson = { needsRuleChange: true, policyVersion: null, template: null };
    expect(decideTemplateLink(lesson, { templateId: 'daf-terrorism', version: 1 }, catalogue)).toEqual({ ok: true, value: { templateId: 'daf-terrorism', version: 1 } });
    expect(decideTemplateLink(lesson, { templateId: 'daf-terrorism', version: 9 }, catalogue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(decideTemplateLink({ ...lesson, needsRuleChange: false }, { templateId: 'daf-terrorism', version: 1 }, catalogue)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(decideTemplateLink({ ...lesson, policyVersion: '2027.1' }, { templateId: 'daf-terrorism', version: 1 }, catalogue)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(planPolicyLink({ needsRuleChange: true, policyVersion: null, templateLinked: true }, undefined, [], 2027)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });
  it('shows the loop closed once a newer version is loaded, or the policy draft is published', () => {
    const link = { policyVersion: null, template: { templateId: 'daf-terrorism', version: 1, linkedAt: '2026-01-01T00:00:00Z' } };
    expect(ruleLoop(link, undefined, catalogue)).toEqual({ kind: 'template', templateId: 'daf-terrorism', version: 1, newerVersion: null, closed: false });
    expect(ruleLoop(link, undefined, [...catalogue, { templateId: 'daf-terrorism', version: 3 }, { templateId: 'daf-terrorism', version: 2 }])).toMatchObject({ newerVersion: 3, closed: true });
    expect(ruleLoop({ policyVersion: '2027.1', template: null }, 'draft', catalogue)).toEqual({ kind: 'policy', version: '2027.1', status: 'draft', closed: false });
    expect(ruleLoop({ policyVersion: '2027.1', template: null }, 'published', catalogue)).toMatchObject({ closed: true });
    expect(ruleLoop({ policyVersion: null, template: null }, undefined, catalogue)).toBeNull();
  });
});
