import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessment } from '@hoeder/domain';
import type { LessonView } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { lessonBody, okBody } from './learning-fixture';

/**
 * ADR 0030 through the service path: a lesson's follow-up moves on by its owner or a lesson
 * manager with history and as-of; an overdue lesson waits in the owner's "Voor mij"; a second
 * person releases a lesson at a lower marking so a lower-cleared administrator can read and link
 * it — without any case data; a lesson linked to a method template shows its loop.
 */
let f: HttpFixture;
const ids = { caseId: '', reference: '', evaluationId: '', lessonId: '', secondId: '' };
const ORIGINAL = 'Bij zaak REF het adres van Test Persoon te laat doorgegeven.';
const userIdOf = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)!.userId;

beforeAll(async () => {
  // The organisation loaded a second version of the terrorism template (versions are only added).
  const dir = mkdtempSync(join(tmpdir(), 'hoeder-templates-'));
  const v1 = assessment.SHIPPED_TEMPLATES.find((t) => t.templateId === 'daf-terrorism')!;
  writeFileSync(join(dir, 'daf-terrorism-2.json'), JSON.stringify({ ...v1, version: 2 }));
  // Sessions that outlive the follow-up date the clock is moved past.
  f = await openHttpFixture({ env: { HOEDER_METHOD_TEMPLATES_DIR: dir, SESSION_IDLE_MINUTES: '525600', SESSION_ABSOLUTE_HOURS: '8760' } });
  // A case marked stg_confidential: its lessons are above the administrators' clearance (dep_confidential).
  ids.caseId = await driveCase(f, 'stg_confidential', ['analist', 'besluit', 'besluit2', 'lcc'], 'measures_active');
  const besluit = await f.session('besluit');
  ids.reference = (okBody(await f.api(besluit, 'GET', `/api/cases/${ids.caseId}`), 'view') as { reference: string }).reference;
  f.clock.advance(5 * 60_000);
  ids.evaluationId = okBody(await f.api(besluit, 'POST', `/api/cases/${ids.caseId}/evaluations`, { trigger: 'periodic', templateKey: 'security_situation', partners: ['NCTV', 'LCC'] }), 'open').evaluationId as string;
  const evaluation = `/api/cases/${ids.caseId}/evaluations/${ids.evaluationId}`;
  ids.lessonId = okBody(await f.api(besluit, 'POST', `${evaluation}/lessons`, lessonBody({ finding: ORIGINAL.replace('REF', ids.reference) })), 'lesson').lessonId as string;
  ids.secondId = okBody(await f.api(besluit, 'POST', `${evaluation}/lessons`, lessonBody({ expectedVersion: 2, title: 'Sjabloon aanpassen', owner: 'NCTV_DAF' })), 'lesson 2').lessonId as string;
}, 240_000);
afterAll(() => f.close());

const lessons = async (who: string, asOf?: string) => okBody(await f.api(await f.session(who), 'GET', `/api/lessons${asOf ? `?asOf=${asOf}` : ''}`), 'lessons') as unknown as LessonView[];
const lessonOf = async (who: string, id = ids.lessonId) => (await lessons(who)).find((l) => l.lessonId === id);
const queue = async (who: string) => {
  const body = okBody(await f.api(await f.session(who), 'GET', '/api/work/queues'), 'queues') as { queues: { queueId: string; items: { caseId: string; reference: string }[] }[] };
  return body.queues.find((q) => q.queueId === 'lesson_follow_up_due')?.items ?? [];
};

describe('the follow-up of a lesson', () => {
  let beforeChange = '';
  it('is updated by the owner (the LCC) with a note, not by another organisation, and audited', async () => {
    expect(await lessonOf('lcc')).toMatchObject({ status: 'open', history: [], may: { followUp: true } });
    expect((await lessonOf('triage'))?.may.followUp).toBe(false);
    const refused = await f.api(await f.session('triage'), 'POST', `/api/lessons/${ids.lessonId}/status`, { status: 'in_progress', note: 'x' });
    expect(refused.status).toBe(403);
    beforeChange = f.clock.now().toISOString();
    f.clock.advance(60_000);
    const reply = await f.api(await f.session('lcc'), 'POST', `/api/lessons/${ids.lessonId}/status`, { status: 'in_progress', note: 'Piketregeling in overleg.' });
    expect(reply.status).toBe(200);
    expect(await auditOfRequest(f.database.db, reply.requestId)).toEqual([{ operation: 'lesson.follow_up', status: 'ok', user_id: userIdOf('lcc'), object_type: 'lesson', object_id: ids.lessonId }]);
    expect(await lessonOf('lcc')).toMatchObject({ status: 'in_progress', history: [{ status: 'in_progress', note: 'Piketregeling in overleg.', reason: null, by: 'lcc_coordinator' }] });
  });

  it('shows the status as it was at a moment', async () => {
    expect((await lessons('lcc', beforeChange)).find((l) => l.lessonId === ids.lessonId)).toMatchObject({ status: 'open', history: [], may: { followUp: false } });
  });

  it('waits in the owner’s "Voor mij" once its date passed, until it is done; a manager closes it with a reason', async () => {
    expect(await queue('lcc')).toEqual([]);
    f.clock.advance(120 * 86_400_000);
    expect((await queue('lcc')).map((i) => i.caseId)).toEqual([ids.lessonId]);
    expect(await queue('triage')).toEqual([]);
    const noReason = await f.api(await f.session('besluit2'), 'POST', `/api/lessons/${ids.lessonId}/status`, { status: 'not_adopted', note: 'Besproken.' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    okBody(await f.api(await f.session('besluit2'), 'POST', `/api/lessons/${ids.lessonId}/status`, { status: 'not_adopted', note: 'Besproken.', reason: 'De piket is landelijk geregeld.' }), 'close');
    expect(await queue('lcc')).toEqual([]);
    const final = await f.api(await f.session('lcc'), 'POST', `/api/lessons/${ids.lessonId}/status`, { status: 'implemented', note: 'x' });
    expect(final.status).toBe(409);
  });
});

describe('SECURITY: a released lesson reaches a lower-cleared reader without case data', () => {
  const released = { classification: 'dep_confidential', title: 'Meldingen sneller doorzetten', finding: 'Een adreswijziging bereikte de eenheid te laat.', followUp: 'Piketregeling aanpassen.', checkedNoCaseData: true };

  it('stays at the evaluation’s marking until released: the administrator cannot see or link it', async () => {
    expect(await lessonOf('beheer')).toBeUndefined();
    expect((await f.api(await f.session('beheer'), 'POST', `/api/lessons/${ids.lessonId}/policy-draft`)).status).toBe(404);
    expect((await f.api(await f.session('beheer'), 'POST', `/api/lessons/${ids.secondId}/method-template`, { templateId: 'daf-terrorism', version: 1 })).status).toBe(404);
  });

  it('is refused to the author (four eyes) and to a role that does not release', async () => {
    const author = await f.api(await f.session('besluit'), 'POST', `/api/lessons/${ids.lessonId}/release`, released);
    expect(author.status).toBe(409);
    expect((author.body as { error: { code: string } }).error.code).toBe('FOUR_EYES_VIOLATION');
    expect((await f.api(await f.session('lcc'), 'POST', `/api/lessons/${ids.lessonId}/release`, released)).status).toBe(403);
  });

  it('is refused, naming the field and storing nothing, when the text names the case reference or one of its persons', async () => {
    const besluit2 = await f.session('besluit2');
    const withReference = await f.api(besluit2, 'POST', `/api/lessons/${ids.lessonId}/release`, { ...released, finding: `Bij ${ids.reference.toLowerCase()} kwam de melding te laat.` });
    expect(withReference.status).toBeGreaterThanOrEqual(400);
    expect(withReference.status).toBeLessThan(500);
    expect((withReference.body as { error: { code: string; details: { field: string } } }).error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'finding' } });
    const withName = await f.api(besluit2, 'POST', `/api/lessons/${ids.lessonId}/release`, { ...released, followUp: 'Mevrouw Persoon terugbellen.' });
    expect((withName.body as { error: { details: { field: string } } }).error.details.field).toBe('followUp');
    expect(await lessonOf('beheer')).toBeUndefined();
  });

  it('is released by a second decision maker, audited with both markings, and read with no case id, reference, name or author', async () => {
    const reply = await f.api(await f.session('besluit2'), 'POST', `/api/lessons/${ids.lessonId}/release`, released);
    expect(reply.status).toBe(200);
    const [entry] = await auditOfRequest(f.database.db, reply.requestId);
    expect(entry).toMatchObject({ operation: 'lesson.release', status: 'ok', user_id: userIdOf('besluit2'), object_id: ids.lessonId });
    expect((await f.api(await f.session('besluit2'), 'POST', `/api/lessons/${ids.lessonId}/release`, released)).status).toBe(409);
    const seen = await lessonOf('beheer');
    expect(seen).toMatchObject({ title: released.title, finding: released.finding, classification: 'dep_confidential', readThroughRelease: true, status: 'not_adopted' });
    expect(seen!.history.every((h) => h.note === null && h.reason === null && h.by === null)).toBe(true);
    const text = JSON.stringify(await lessons('beheer'));
    for (const leak of [ids.caseId, ids.reference, ids.evaluationId, 'Test Persoon', 'Test Partner', ORIGINAL.slice(0, 20), 'De piket is landelijk', '00000000-0000-4000-8000', 'Besluitnemer', 'Vierogen']) expect(text).not.toContain(leak);
    // A reader cleared for the original still reads the original.
    expect((await lessonOf('besluit'))?.finding).toContain(ids.reference);
  });
});

describe('the loop to a method template', () => {
  it('links a lesson to a template version and shows the loop closed, as the catalogue holds a newer version', async () => {
    // The second lesson is released too, so the administrator can link it.
    okBody(await f.api(await f.session('besluit2'), 'POST', `/api/lessons/${ids.secondId}/release`, { classification: 'dep_confidential', title: 'Sjabloon aanpassen', finding: 'Een vraag mist.', followUp: 'Vraag toevoegen.', checkedNoCaseData: true }), 'release 2');
    const reply = await f.api(await f.session('beheer'), 'POST', `/api/lessons/${ids.secondId}/method-template`, { templateId: 'daf-terrorism', version: 1 });
    expect(reply.status).toBe(200);
    expect((await lessonOf('beheer', ids.secondId))?.rule).toEqual({ kind: 'template', templateId: 'daf-terrorism', version: 1, newerVersion: 2, closed: true });
    expect((await f.api(await f.session('beheer'), 'POST', `/api/lessons/${ids.secondId}/method-template`, { templateId: 'daf-terrorism', version: 1 })).status).toBe(409);
    expect((await f.api(await f.session('beheer'), 'POST', `/api/lessons/${ids.secondId}/policy-draft`)).status).toBe(409);
  });
});
