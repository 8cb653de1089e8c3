import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { assignedCase, incidentBody, lessonBody, okBody } from './learning-fixture';

/**
 * Issue 14 through the service path: an incident feeds the DAF's re-assessment trigger, shows on
 * the case and in "Voor mij"; an evaluation hears every partner and the person, yields a lesson
 * that opens a policy draft, and the draft shows the lesson; the lessons list carries no case
 * data; the as-of view shows what was known then.
 */
let f: HttpFixture;
let caseId = '';
let reference = '';
beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await assignedCase(f);
  reference = (okBody(await f.api(await f.session('besluit'), 'GET', `/api/cases/${caseId}`), 'view') as { reference: string }).reference;
  f.clock.advance(5 * 60_000);
}, 240_000);
afterAll(() => f.close());

type Learning = { reassessment: { due: boolean; incidentIds: string[] } | null; incidents: { incidentId: string }[]; evaluations: { evaluationId: string; version: number; status: string; lessons: { lessonId: string }[] }[] };
const learningOf = async (who: string, asOf?: string) => okBody(await f.api(await f.session(who), 'GET', `/api/cases/${caseId}/learning${asOf ? `?asOf=${asOf}` : ''}`), 'learning') as unknown as Learning;
const queue = async (who: string, id: string) => {
  const body = okBody(await f.api(await f.session(who), 'GET', '/api/work/queues'), 'queues') as { queues: { queueId: string; items: { caseId: string }[] }[] };
  return body.queues.find((q) => q.queueId === id)?.items.map((i) => i.caseId) ?? [];
};

describe('the incident trigger', () => {
  let incidentId = '';
  let beforeIncident = '';
  it('is not due before an incident', async () => {
    expect((await learningOf('analist')).reassessment).toEqual({ due: false, incidentIds: [] });
    expect(await queue('analist', 'reassessment_due')).not.toContain(caseId);
    beforeIncident = f.clock.now().toISOString();
    f.clock.advance(60_000);
  });

  it('makes re-assessment due on the case, on the DAF page, in the list and in the queues', async () => {
    incidentId = okBody(await f.api(await f.session('lcc'), 'POST', `/api/cases/${caseId}/incidents`, incidentBody(f)), 'incident').incidentId as string;
    expect((await learningOf('analist')).reassessment).toEqual({ due: true, incidentIds: [incidentId] });
    const daf = okBody(await f.api(await f.session('analist'), 'GET', `/api/cases/${caseId}/assessment`), 'daf') as { reassessment: { reasons: { code: string; incidentId?: string }[] } };
    expect(daf.reassessment.reasons).toContainEqual(expect.objectContaining({ code: 'incident', incidentId }));
    const due = okBody(await f.api(await f.session('analist'), 'GET', '/api/assessments/reassessment-due'), 'due') as { caseIds: string[] };
    expect(due.caseIds).toContain(caseId);
    expect(await queue('analist', 'reassessment_due')).toContain(caseId);
    expect(await queue('besluit', 'incident_to_evaluate')).toContain(caseId);
  });

  it('shows on the case for the unit it is assigned to, and as of a moment before it, not at all', async () => {
    expect((await learningOf('politie')).incidents.map((i) => i.incidentId)).toContain(incidentId);
    expect((await learningOf('besluit', beforeIncident)).incidents).toEqual([]);
  });

  it('keeps an incident above the reader\'s clearance from them, content and trigger alike', async () => {
    const secret = okBody(await f.api(await f.session('politie'), 'POST', `/api/cases/${caseId}/incidents`, incidentBody(f, { classification: 'stg_confidential' })), 'secret').incidentId as string;
    expect((await learningOf('liaison')).incidents.map((i) => i.incidentId)).not.toContain(secret);
    expect((await learningOf('lcc')).incidents.map((i) => i.incidentId)).toContain(secret);
  });
});

describe('an evaluation after the incident', () => {
  let evaluationId = '';
  let lessonId = '';
  let version = 0;
  const step = async (who: string, path: string, body: Record<string, unknown>) => {
    const reply = okBody(await f.api(await f.session(who), 'POST', `/api/cases/${caseId}/evaluations/${evaluationId}/${path}`, { ...body, expectedVersion: version }), path);
    version = reply.version as number;
    return reply;
  };

  it('hears every partner and the person (through the liaison) before it closes', async () => {
    const { incidents } = await learningOf('liaison');
    const opened = okBody(await f.api(await f.session('besluit'), 'POST', `/api/cases/${caseId}/evaluations`, { trigger: 'incident', incidentId: incidents[0]!.incidentId, templateKey: 'security_situation', partners: ['NCTV', 'LCC'] }), 'open');
    evaluationId = opened.evaluationId as string;
    version = 1;
    // The second (higher-marked) incident still waits for its own evaluation.
    expect(await queue('besluit', 'incident_to_evaluate')).toContain(caseId);
    await step('besluit', 'contributions', { answers: { what_happened: 'De melding kwam laat binnen.' } });
    const early = await f.api(await f.session('besluit'), 'POST', `/api/cases/${caseId}/evaluations/${evaluationId}/close`, { expectedVersion: version, conclusion: 'Te vroeg.' });
    expect(early.status).toBe(422);
    await step('lcc', 'contributions', { answers: { what_worked: 'De eenheid was snel ter plaatse.' } });
    const outsider = await f.api(await f.session('politie'), 'POST', `/api/cases/${caseId}/evaluations/${evaluationId}/contributions`, { expectedVersion: version, answers: { what_happened: 'x' } });
    expect(outsider.status).toBe(403);
    await step('liaison', 'person-experience', { experience: 'Voelde zich gehoord.', declined: false });
    lessonId = (await step('besluit', 'lessons', lessonBody())).lessonId as string;
    await step('besluit', 'close', { conclusion: 'Afgerond met één les.' });
    const shown = (await learningOf('besluit')).evaluations.find((e) => e.evaluationId === evaluationId)!;
    expect(shown).toMatchObject({ status: 'closed', lessons: [{ lessonId }] });
  });

  it('shares the lesson without case data, and opens a policy draft that shows the lesson', async () => {
    const lessons = okBody(await f.api(await f.session('triage'), 'GET', '/api/lessons'), 'lessons') as unknown as { lessonId: string }[];
    expect(lessons.map((l) => l.lessonId)).toContain(lessonId);
    const text = JSON.stringify(lessons);
    for (const leak of [caseId, reference, evaluationId, 'Besluitnemer', '00000000-0000-4000-8000']) expect(text).not.toContain(leak);
    const beheer = await f.session('beheer');
    const draft = okBody(await f.api(beheer, 'POST', `/api/lessons/${lessonId}/policy-draft`), 'draft') as { version: string; created: boolean };
    expect(draft.created).toBe(true);
    expect(okBody(await f.api(beheer, 'GET', `/api/policy/versions/${draft.version}`), 'policy')).toMatchObject({ status: 'draft' });
    const from = okBody(await f.api(beheer, 'GET', `/api/policy/versions/${draft.version}/lessons`), 'from') as unknown as { lessonId: string }[];
    expect(from.map((l) => l.lessonId)).toEqual([lessonId]);
    expect(okBody(await f.api(await f.session('beheer2'), 'POST', `/api/lessons/${lessonId}/policy-draft`), 'again')).toEqual({ version: draft.version, created: false });
    const linked = (okBody(await f.api(beheer, 'GET', '/api/lessons'), 'lessons') as unknown as { lessonId: string; policyVersion: string | null }[]).find((l) => l.lessonId === lessonId);
    expect(linked?.policyVersion).toBe(draft.version);
  });
});
