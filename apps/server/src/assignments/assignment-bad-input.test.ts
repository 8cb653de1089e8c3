import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Bad input on every assignment write route: a clear 4xx naming the field, nothing changed (the
 * assignment's state is compared whole), exactly one audit entry for the attempt.
 */
let f: HttpFixture;
let assignmentId: string;

beforeAll(async () => {
  f = await openHttpFixture();
  const caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'measures_active');
  const lcc = await f.session('lcc');
  const inbox = (await f.api(lcc, 'GET', '/api/assignments')).body as { items: { caseId: string; assignmentId: string }[] };
  assignmentId = inbox.items.find((i) => i.caseId === caseId)!.assignmentId;
  await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/accept`, { version: 1 });
  await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/units`, { unitIds: ['be-1'] });
}, 120_000);
afterAll(() => f.close());

const routes = () => [
  { who: 'lcc', path: `/api/assignments/${assignmentId}/accept`, valid: { version: 1 } },
  { who: 'lcc', path: `/api/assignments/${assignmentId}/units`, valid: { unitIds: ['be-1', 'bsb-1'] } },
  { who: 'lcc', path: `/api/assignments/${assignmentId}/concepts`, valid: { domain: 'home', concept: 'Vaste post aan de voorzijde van de woning.' } },
  { who: 'politie', path: `/api/assignments/${assignmentId}/acknowledge`, valid: { version: 1 } },
];

/** Everything a write could change, read behind the services. */
const snapshot = async () =>
  JSON.stringify(
    await Promise.all(
      (['security_assignment', 'security_assignment_version', 'assignment_tasking', 'security_concept'] as const).map((t) => f.database.db.selectFrom(t).selectAll().execute()),
    ),
  );

const BAD = { wrong: wrongValue({ maxInt: 0, strings: BAD_STRINGS }), fewerKeysThan: 1 };

describe('bad input on every assignment write route', () => {
  it('is answered with a clear 4xx, changes nothing, and logs exactly the failed attempt', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, BAD), async (body) => {
          const who = await f.session(route.who);
          const [before, audits] = [await snapshot(), await countAuditEntries(f.database.db)];
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('names the field: unknown units, a short concept, an unknown domain, a bad id, a control character', async () => {
    const lcc = await f.session('lcc');
    const cases: [string, unknown, string][] = [
      [`/api/assignments/${assignmentId}/units`, { unitIds: ['private-support-1'] }, 'unitIds'],
      [`/api/assignments/${assignmentId}/units`, { unitIds: ['Not A Unit'] }, 'unitIds.0'],
      [`/api/assignments/${assignmentId}/units`, { unitIds: [] }, 'unitIds'],
      [`/api/assignments/${assignmentId}/concepts`, { domain: 'home', concept: 'kort' }, 'concept'],
      [`/api/assignments/${assignmentId}/concepts`, { domain: 'care', concept: 'Een concept van voldoende lengte.' }, 'domain'],
      ['/api/assignments/not-a-uuid/accept', { version: 1 }, 'assignmentId'],
    ];
    for (const [path, body, field] of cases) {
      const before = await snapshot();
      const reply = await f.api(lcc, 'POST', path, body);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      const error = (reply.body as { error: { details: { field?: string; issues?: { field: string }[] } } }).error;
      const fields = [error.details.field, ...(error.details.issues ?? []).map((i) => i.field)];
      expect(fields, path).toContain(field);
      expect(await snapshot()).toBe(before);
    }
    for (const route of routes()) {
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const reply = await f.api(await f.session(route.who), 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
      }
    }
  });
});
