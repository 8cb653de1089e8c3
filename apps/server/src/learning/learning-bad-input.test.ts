import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { assignedCase, incidentBody, lessonBody, okBody } from './learning-fixture';

/**
 * Bad input on every write route of issue 14 gets a clear 4xx and changes nothing: no incident,
 * evaluation event, lesson or policy link is stored; exactly one audit entry logs the attempt.
 */
let f: HttpFixture;
const ids = { caseId: '', evaluationId: '', lessonId: '' };

beforeAll(async () => {
  f = await openHttpFixture();
  ids.caseId = await assignedCase(f);
  f.clock.advance(5 * 60_000);
  const opened = okBody(await f.api(await f.session('besluit'), 'POST', `/api/cases/${ids.caseId}/evaluations`, { trigger: 'periodic', templateKey: 'security_situation', partners: ['NCTV', 'LCC'] }), 'open');
  ids.evaluationId = opened.evaluationId as string;
  ids.lessonId = okBody(await f.api(await f.session('besluit'), 'POST', `/api/cases/${ids.caseId}/evaluations/${ids.evaluationId}/lessons`, lessonBody()), 'lesson').lessonId as string;
}, 180_000);
afterAll(() => f.close());

async function stored(): Promise<number[]> {
  const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(f.database.db)).rows[0]!.n);
  return Promise.all(['incident', 'evaluation_event', 'lesson', 'lesson_policy_link', 'lesson_status_event', 'lesson_release', 'lesson_template_link'].map(count));
}

// The evaluation steps carry a stale version: even a body that slipped through validation changes nothing.
const routes = () => {
  const evaluation = `/api/cases/${ids.caseId}/evaluations/${ids.evaluationId}`;
  return [
    { who: 'lcc', path: `/api/cases/${ids.caseId}/incidents`, valid: incidentBody(f), optional: ['location'] },
    { who: 'besluit', path: `/api/cases/${ids.caseId}/evaluations`, valid: { trigger: 'incident', templateKey: 'security_situation', partners: ['NCTV'] }, optional: [] },
    { who: 'lcc', path: `${evaluation}/contributions`, valid: { expectedVersion: 999, answers: { what_happened: 'Een man bij de deur.' } }, optional: [] },
    { who: 'liaison', path: `${evaluation}/person-experience`, valid: { expectedVersion: 999, experience: 'Voelde zich veilig.', declined: false }, optional: [] },
    { who: 'besluit', path: `${evaluation}/lessons`, valid: lessonBody({ expectedVersion: 999 }), optional: [] },
    { who: 'besluit', path: `${evaluation}/close`, valid: { expectedVersion: 999, conclusion: 'Afgerond.' }, optional: [] },
    // ADR 0030: the follow-up (the owner's manager), the release (a second decision maker) and the template link (an administrator).
    { who: 'besluit', path: `/api/lessons/${ids.lessonId}/status`, valid: { status: 'in_progress', note: 'Begonnen.' }, optional: [] },
    { who: 'besluit2', path: `/api/lessons/${ids.lessonId}/release`, valid: { classification: 'unclassified', title: 'Meldingen sneller', finding: 'Een melding kwam te laat.', followUp: 'Piket aanpassen.', checkedNoCaseData: true }, optional: [] },
    { who: 'beheer', path: `/api/lessons/${ids.lessonId}/method-template`, valid: { templateId: 'daf-terrorism', version: 1 }, optional: [] },
  ];
};

describe('bad input on every write route of incidents, evaluations and lessons', () => {
  it('is answered with a clear 4xx, stores nothing, and logs exactly the failed attempt', async () => {
    for (const route of routes()) {
      const bad = { wrong: wrongValue({ maxInt: 0, strings: BAD_STRINGS }), fewerKeysThan: 3, optional: route.optional };
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, bad), async (body) => {
          const who = await f.session(route.who);
          const [before, audits] = [await stored(), await countAuditEntries(f.database.db)];
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
          expect(await stored()).toEqual(before);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 15 },
      );
    }
  });

  it('refuses a control character or lone surrogate in every text position with a 400 naming the field', async () => {
    for (const route of routes()) {
      const who = await f.session(route.who);
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const before = await stored();
        const reply = await f.api(who, 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
        const error = (reply.body as { error: { details: { issues: { field: string }[] } } }).error;
        expect(error.details.issues.map((i) => i.field), `${route.path} ${field}`).toContain(field);
        expect(await stored()).toEqual(before);
      }
    }
  });

  it('names the field the domain refuses: a marking below the case, a future incident, an unknown incident', async () => {
    const lcc = await f.session('lcc');
    const cases: [string, unknown, string][] = [
      [`/api/cases/${ids.caseId}/incidents`, incidentBody(f, { classification: 'unclassified' }), 'classification'],
      [`/api/cases/${ids.caseId}/incidents`, incidentBody(f, { occurredAt: '2030-01-01T00:00:00.000Z' }), 'occurredAt'],
    ];
    for (const [path, body, field] of cases) {
      const before = await stored();
      const reply = await f.api(lcc, 'POST', path, body);
      expect(reply.status).toBe(400);
      expect((reply.body as { error: { details: { field: string } } }).error.details.field).toBe(field);
      expect(await stored()).toEqual(before);
    }
    const unknown = await f.api(await f.session('besluit'), 'POST', `/api/cases/${ids.caseId}/evaluations`, { trigger: 'incident', incidentId: '3f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c', templateKey: 'security_situation', partners: ['NCTV'] });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { error: { details: { field: string } } }).error.details.field).toBe('incidentId');
    // ADR 0030: a reason only for not adopting, a template version the catalogue does not hold.
    const domainRefusals: [string, string, unknown, string][] = [
      ['besluit', `/api/lessons/${ids.lessonId}/status`, { status: 'not_adopted', note: 'Besproken.' }, 'reason'],
      ['besluit', `/api/lessons/${ids.lessonId}/status`, { status: 'implemented', note: 'Klaar.', reason: 'x' }, 'reason'],
      ['beheer', `/api/lessons/${ids.lessonId}/method-template`, { templateId: 'daf-terrorism', version: 99 }, 'templateId'],
    ];
    for (const [who, path, body, field] of domainRefusals) {
      const before = await stored();
      const reply = await f.api(await f.session(who), 'POST', path, body);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect((reply.body as { error: { details: { field: string } } }).error.details.field).toBe(field);
      expect(await stored()).toEqual(before);
    }
  });

  it('refuses malformed ids in the path with a 400', async () => {
    const besluit = await f.session('besluit');
    for (const path of ['/api/cases/not-a-uuid/incidents', `/api/cases/${ids.caseId}/evaluations/not-a-uuid/close`, '/api/lessons/not-a-uuid/policy-draft', '/api/lessons/not-a-uuid/status', '/api/lessons/not-a-uuid/release', '/api/lessons/not-a-uuid/method-template']) {
      const reply = await f.api(besluit, 'POST', path, { expectedVersion: 1, conclusion: 'x' });
      expect(reply.status, path).toBe(400);
    }
  });
});
