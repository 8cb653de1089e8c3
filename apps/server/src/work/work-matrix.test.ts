import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSearchResponse, WorkQueuesResponse } from '@hoeder/contracts';
import { EXECUTION_QUEUES } from '@hoeder/domain';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * The work routes over HTTP (issue 13), every demo account: the queues each account has and what
 * is in them, and the cases a search shows and counts. Written out by hand from the team lists
 * and markings below, not derived from the rules under test.
 */
let f: HttpFixture;
let seen: () => Set<string>;
let dep = '';
let stg = '';

type Queues = Record<string, 'dep' | 'stg' | 'none'>;
const QUEUES: Record<string, Queues | null> = {
  // ADR 0030: overdue lesson follow-ups of the user's organisation (none overdue here).
  triage: { triage_to_complete: 'none', lesson_follow_up_due: 'none' },
  analist: { assessment_to_make: 'none', challenge_to_write: 'none', reassessment_due: 'none', lesson_follow_up_due: 'none' },
  analist2: { assessment_to_make: 'none', challenge_to_write: 'none', reassessment_due: 'none', lesson_follow_up_due: 'none' },
  // Decision makers also have the objections queue (issue 12) and the incidents to evaluate (issue 14).
  besluit: { decision_to_propose: 'stg', decision_to_approve: 'none', review_due: 'none', objections_to_handle: 'none', incident_to_evaluate: 'none', lesson_follow_up_due: 'none' },
  besluit2: { decision_to_propose: 'none', decision_to_approve: 'none', review_due: 'none', objections_to_handle: 'none', incident_to_evaluate: 'none', lesson_follow_up_due: 'none' },
  // Issue 11's execution queues: the approval put the dep case's assignment in the LCC's inbox;
  // nothing is tasked yet, so the unit leads have nothing to acknowledge and no roster shortfalls.
  lcc: { lesson_follow_up_due: 'none', assignments_to_accept: 'dep', assignments_unacknowledged: 'none' },
  politie: { assignments_to_acknowledge: 'none', roster_shortfalls: 'none' },
  kmar: { assignments_to_acknowledge: 'none', roster_shortfalls: 'none' },
  // Issue 12: overdue follow-ups of agreements, care and employer duties (none overdue here).
  liaison: { arrangement_follow_up: 'none' },
  // Open access anomaly alerts (issue 13, ADR 0026): none raised here.
  inspectie: { anomaly_alerts: 'none' },
  advies: null,
  beheer: { lesson_follow_up_due: 'none' },
  beheer2: { lesson_follow_up_due: 'none' },
  beveiliging: { anomaly_alerts: 'none' },
  // The OM works from its own page (coordination record), not the case work queues.
  om: null,
};

/** dep: dep_confidential, measures active; stg: stg_confidential, assessed (teams in beforeAll). */
const SEES: Record<string, ('dep' | 'stg')[]> = {
  triage: ['dep', 'stg'],
  analist: ['dep', 'stg'],
  analist2: ['dep', 'stg'],
  besluit: ['dep', 'stg'],
  besluit2: ['dep'],
  // The LCC through the assignment the approval issued; unit leads only through an assignment tasked
  // to their unit (none here), whatever their case membership says (issue 11).
  lcc: ['dep'],
  politie: [],
  kmar: [],
  liaison: ['dep'],
  inspectie: ['dep', 'stg'],
  advies: [],
  beheer: [],
  beheer2: [],
  beveiliging: [],
  // Not on these cases' teams.
  om: [],
};

/** Queues that come from a `WorkQueueSource` rather than the case queues, in the service's order, with their audited object type. */
const SOURCE_QUEUES: [string, string][] = [
  ['objections_to_handle', 'case_objection'],
  ['arrangement_follow_up', 'case'],
  ['incident_to_evaluate', 'incident'],
  ['lesson_follow_up_due', 'lesson'],
  ...EXECUTION_QUEUES.map((q): [string, string] => [q.id, 'security_assignment']),
  ['anomaly_alerts', 'anomaly_alert'],
];

const idOf = (c: 'dep' | 'stg') => (c === 'dep' ? dep : stg);
const userIdOf = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.userId;

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  dep = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'politie', 'lcc', 'liaison'], 'measures_active');
  stg = await driveCase(f, 'stg_confidential', ['analist', 'besluit', 'kmar'], 'assessed');
}, 180_000);
afterAll(() => f.close());

describe('GET /api/work/queues: every account', () => {
  it('the tables name every demo account', () => {
    expect(Object.keys(QUEUES).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(Object.keys(SEES).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
  });

  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s: its queues and their cases, one audit entry', async (username) => {
    const reply = await f.api(await f.session(username), 'GET', '/api/work/queues');
    expect(reply.status).toBe(200);
    const body = reply.body as WorkQueuesResponse;
    const expected = QUEUES[username];
    const got = Object.fromEntries(body.queues.map((q) => [q.queueId, q.items.map((i) => i.caseId)]));
    expect(got).toEqual(expected ? Object.fromEntries(Object.entries(expected).map(([q, c]) => [q, c === 'none' ? [] : [idOf(c)]])) : {});
    expect(body.total).toBe(Object.values(got).flat().length);
    // One read, one audit entry (issue 13): the sourced queues (issue 11, 12, 14) are named in its
    // details, each with its own object type, purpose and the cases it served.
    const sources = SOURCE_QUEUES.filter(([q]) => q in (expected ?? {}));
    expect(await auditOfRequest(f.database.db, reply.requestId)).toEqual([{ operation: 'work.queues', status: 'ok', user_id: userIdOf(username), object_type: 'case', object_id: null }]);
    const [entry] = await f.database.db.selectFrom('audit_entry').select('details').where('trace_id', '=', reply.requestId).execute();
    const details = (typeof entry!.details === 'string' ? JSON.parse(entry!.details) : entry!.details) as { caseIds: string[]; sources: { queueId: string; objectType: string; purpose: string; caseIds: string[] }[] };
    expect(details.sources.map((s) => [s.queueId, s.objectType])).toEqual(sources);
    for (const s of details.sources) expect(s.caseIds).toEqual([...new Set(got[s.queueId])]);
    expect(new Set(details.caseIds)).toEqual(new Set(Object.values(got).flat()));
  });

  it('without a session: 401', async () => {
    expect((await f.api(null, 'GET', '/api/work/queues')).status).toBe(401);
  });
});

describe('GET /api/cases/search: every account sees and counts only its cases', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s', async (username) => {
    const reply = await f.api(await f.session(username), 'GET', '/api/cases/search?pageSize=100');
    expect(reply.status).toBe(200);
    const body = reply.body as CaseSearchResponse;
    const expected = SEES[username]!.map(idOf).sort();
    expect(body.items.map((i) => i.caseId).sort()).toEqual(expected);
    expect(body.total).toBe(expected.length);
    // A name search ("Test Persoon" is in both registrations) counts only the visible cases too.
    const byName = (await f.api(await f.session(username), 'GET', '/api/cases/search?q=test%20persoon')).body as CaseSearchResponse;
    expect(byName.total).toBe(expected.length);
    expect(await auditOfRequest(f.database.db, reply.requestId)).toEqual([{ operation: 'case.search', status: 'ok', user_id: userIdOf(username), object_type: 'case', object_id: null }]);
  });

  it('bad input: 400 naming the parameter, nothing served', async () => {
    const besluit = await f.session('besluit');
    const bad: [string, string][] = [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['pageSize=101', 'pageSize'],
      ['phase=bogus', 'phase'],
      ['phenomenon=bogus', 'phenomenon'],
      ['sort=secret', 'sort'],
      ['dir=up', 'dir'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['q=a%00b', 'q'],
    ];
    for (const [query, field] of bad) {
      const reply = await f.api(besluit, 'GET', `/api/cases/search?${query}`);
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
      expect(reply.body).not.toHaveProperty('items');
      expect((reply.body as { error: { details: { issues: { field: string }[] } } }).error.details.issues[0]!.field).toBe(field);
    }
  });

  it('without a session: 401', async () => {
    expect((await f.api(null, 'GET', '/api/cases/search')).status).toBe(401);
  });
});

describe('notifications: every account reads only its own', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s', async (username) => {
    await f.deps.notifier.notifyOnce();
    const reply = await f.api(await f.session(username), 'GET', '/api/notifications');
    expect(reply.status).toBe(200);
    const body = reply.body as { notificationId: string; queueId: string; caseId: string }[];
    // What each account is notified of is what waits in its queues (the table above).
    const expected = QUEUES[username] ? Object.entries(QUEUES[username]!).flatMap(([q, c]) => (c === 'none' ? [] : [`${q}|${idOf(c)}`])) : [];
    expect(body.map((n) => `${n.queueId}|${n.caseId}`).sort()).toEqual(expected.sort());
    expect(await auditOfRequest(f.database.db, reply.requestId)).toEqual([{ operation: 'notification.list', status: 'ok', user_id: userIdOf(username), object_type: 'notification', object_id: null }]);
  });

  it('marking read: only one’s own; someone else’s is a 404; a bad id a 400', async () => {
    const [mine] = ((await f.api(await f.session('besluit'), 'GET', '/api/notifications')).body as { notificationId: string }[]);
    expect(mine).toBeDefined();
    expect((await f.api(await f.session('besluit2'), 'POST', `/api/notifications/${mine!.notificationId}/read`, {})).status).toBe(404);
    expect((await f.api(await f.session('besluit'), 'POST', `/api/notifications/${mine!.notificationId}/read`, {})).status).toBe(200);
    const bad = await f.api(await f.session('besluit'), 'POST', '/api/notifications/not-a-uuid/read', {});
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('notificationId');
    expect((await f.api(null, 'GET', '/api/notifications')).status).toBe(401);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('work/work-matrix.test.ts', seen())).toEqual([]);
  });
});
