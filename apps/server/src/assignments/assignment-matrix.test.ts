import { randomUUID } from 'node:crypto';
import type { Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type ApiReply, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { sampleRegistration, userIdOf } from '../testing/service-fixture';

/**
 * The access matrix of the assignment routes (issue 11): every demo account × every route, for an
 * assignment tasked to the police lead's unit (be-1), one tasked to another police unit and the
 * KMar lead's unit (be-2, bsb-1), and cases the units must never see. The expectations are
 * written out from the rules, independently of the code.
 */
let f: HttpFixture;
let seen: () => Set<string>;
const ids = { caseA: '', caseB: '', inAnalysis: '', handedOff: '', closedAdvice: '', ended: '', a: '', b: '' };
const CONCEPT = 'Vaste post bij de voordeur, camerabeelden naar de meldkamer (synthetisch).';
const EVERYONE_AS_MEMBERS = ['analist', 'besluit', 'besluit2', 'politie', 'kmar', 'lcc', 'liaison'];

const ok = (r: ApiReply, step: string) => {
  if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

/** A case triaged out of the national system: handed to the local domain or closed with advice. */
async function triagedOut(outcome: 'local_domain' | 'not_eligible'): Promise<string> {
  const triage = await f.session('triage');
  const caseId = ok(await f.api(triage, 'POST', '/api/cases', sampleRegistration()), 'register').caseId as string;
  let version = 1;
  for (const u of EVERYONE_AS_MEMBERS) version = ok(await f.api(triage, 'POST', `/api/cases/${caseId}/members`, { expectedVersion: version, userId: userIdOf(u) }), 'member').version as number;
  const facts = { phenomenon: 'stalking', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: outcome === 'not_eligible' };
  const handOff = outcome === 'local_domain' ? { handOffTo: 'mayor', handOffNote: 'Overgedragen aan de burgemeester.' } : {};
  ok(await f.api(triage, 'POST', `/api/cases/${caseId}/triage`, { expectedVersion: version, facts, outcome, motivation: 'Beoordeeld aan de hand van de criteria.', ...handOff }), 'triage');
  return caseId;
}

async function assignmentOf(caseId: string): Promise<string> {
  const inbox = ok(await f.api(await f.session('lcc'), 'GET', '/api/assignments'), 'inbox') as { items: { caseId: string; assignmentId: string }[] };
  return inbox.items.find((i) => i.caseId === caseId)!.assignmentId;
}

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  ids.caseA = await driveCase(f, 'dep_confidential', EVERYONE_AS_MEMBERS, 'measures_active');
  ids.caseB = await driveCase(f, 'dep_confidential', EVERYONE_AS_MEMBERS, 'measures_active');
  ids.ended = await driveCase(f, 'dep_confidential', EVERYONE_AS_MEMBERS, 'measures_active');
  ids.inAnalysis = await driveCase(f, 'dep_confidential', EVERYONE_AS_MEMBERS, 'in_assessment');
  ids.handedOff = await triagedOut('local_domain');
  ids.closedAdvice = await triagedOut('not_eligible');
  const lcc = await f.session('lcc');
  for (const [caseId, units] of [[ids.caseA, ['be-1']], [ids.caseB, ['be-2', 'bsb-1']], [ids.ended, ['be-1', 'bsb-1']]] as const) {
    const id = await assignmentOf(caseId);
    ok(await f.api(lcc, 'POST', `/api/assignments/${id}/accept`, { version: 1 }), 'accept');
    ok(await f.api(lcc, 'POST', `/api/assignments/${id}/units`, { unitIds: units }), 'task');
    if (caseId === ids.caseA) ids.a = id;
    if (caseId === ids.caseB) ids.b = id;
  }
  ok(await f.api(lcc, 'POST', `/api/assignments/${ids.a}/concepts`, { domain: 'home', concept: CONCEPT }), 'concept');
  const besluit = await f.session('besluit');
  const version = (ok(await f.api(besluit, 'GET', `/api/cases/${ids.ended}`), 'view').version as number);
  ok(await f.api(besluit, 'POST', `/api/cases/${ids.ended}/end`, { expectedVersion: version, reason: 'Dreiging weggenomen na herijking.' }), 'end');
}, 300_000);
afterAll(() => f.close());

type Outcome = number;
const role = (username: string): Role => DEMO_ACCOUNTS.find((a) => a.username === username)!.roles[0]!;
const LCC = (u: string) => role(u) === 'lcc_coordinator';
const UNIT_LEAD = (u: string) => role(u) === 'police_team_lead' || role(u) === 'kmar_team_lead';
/** The unit each lead works in, and which assignments are tasked to which unit. */
const TASKED: Record<string, string[]> = { politie: ['a'], kmar: ['b'] };

const expected = {
  inbox: (u: string): Outcome => (LCC(u) ? 200 : 403),
  mine: (u: string): Outcome => (UNIT_LEAD(u) ? 200 : 403),
  units: (u: string): Outcome => (LCC(u) ? 200 : 403),
  view: (u: string): Outcome => (LCC(u) ? 200 : 403),
  extract: (u: string, which: 'a' | 'b'): Outcome => (LCC(u) || TASKED[u]?.includes(which) ? 200 : UNIT_LEAD(u) ? 404 : 403),
  caseSection: (u: string): Outcome => (['decision_maker', 'inspector', 'lcc_coordinator'].includes(role(u)) ? 200 : 404),
  accept: (u: string): Outcome => (LCC(u) ? 409 : 403),
  task: (u: string): Outcome => (LCC(u) ? 200 : 403),
  concept: (u: string): Outcome => (LCC(u) ? 200 : 403),
  acknowledge: (u: string, which: 'a' | 'b'): Outcome => (TASKED[u]?.includes(which) ? 200 : UNIT_LEAD(u) ? 404 : 403),
};

const auditCount = async (requestId: string) => (await f.database.db.selectFrom('audit_entry').select('seq').where('trace_id', '=', requestId).execute()).length;

describe.each(DEMO_ACCOUNTS.map((a) => [a.username] as const))('assignment routes for %s', (username) => {
  it('reads answer exactly as the rules say, each audited', async () => {
    const who = await f.session(username);
    const checks: [string, ApiReply, Outcome][] = [
      ['inbox', await f.api(who, 'GET', '/api/assignments'), expected.inbox(username)],
      ['mine', await f.api(who, 'GET', '/api/assignments/mine'), expected.mine(username)],
      ['units', await f.api(who, 'GET', '/api/assignments/taskable-units'), expected.units(username)],
      ['view', await f.api(who, 'GET', `/api/assignments/${ids.a}`), expected.view(username)],
      ['extract a', await f.api(who, 'GET', `/api/assignments/${ids.a}/extract`), expected.extract(username, 'a')],
      ['extract b', await f.api(who, 'GET', `/api/assignments/${ids.b}/extract`), expected.extract(username, 'b')],
      ['case section', await f.api(who, 'GET', `/api/cases/${ids.caseA}/assignment`), expected.caseSection(username)],
    ];
    for (const [name, reply, status] of checks) {
      expect({ name, status: reply.status }).toEqual({ name, status });
      expect(await auditCount(reply.requestId), name).toBe(1);
    }
  });

  it('writes answer exactly as the rules say; the unit acknowledges only for its own unit', async () => {
    const who = await f.session(username);
    const writes: [string, ApiReply, Outcome][] = [
      ['accept', await f.api(who, 'POST', `/api/assignments/${ids.a}/accept`, { version: 1 }), expected.accept(username)],
      ['task', await f.api(who, 'POST', `/api/assignments/${ids.a}/units`, { unitIds: ['be-1'] }), expected.task(username)],
      ['concept', await f.api(who, 'POST', `/api/assignments/${ids.a}/concepts`, { domain: 'home', concept: CONCEPT }), expected.concept(username)],
      ['ack a', await f.api(who, 'POST', `/api/assignments/${ids.a}/acknowledge`, { version: 1 }), expected.acknowledge(username, 'a')],
      ['ack b', await f.api(who, 'POST', `/api/assignments/${ids.b}/acknowledge`, { version: 1 }), expected.acknowledge(username, 'b')],
    ];
    for (const [name, reply, status] of writes) {
      expect({ name, status: reply.status }).toEqual({ name, status });
      expect(await auditCount(reply.requestId), name).toBe(1);
    }
  });

  it('the case list and case page follow the assignments for the LCC and unit leads, whatever their membership', async () => {
    if (!LCC(username) && !UNIT_LEAD(username)) return;
    const who = await f.session(username);
    const listed = new Set(((await f.api(who, 'GET', '/api/cases')).body as { caseId: string }[]).map((c) => c.caseId));
    const sees = LCC(username) ? [ids.caseA, ids.caseB] : username === 'politie' ? [ids.caseA] : [ids.caseB];
    const hidden = [ids.caseA, ids.caseB, ids.ended, ids.inAnalysis, ids.handedOff, ids.closedAdvice].filter((c) => !sees.includes(c));
    for (const c of sees) {
      expect(listed.has(c)).toBe(true);
      expect((await f.api(who, 'GET', `/api/cases/${c}`)).status).toBe(200);
    }
    for (const c of hidden) {
      expect(listed.has(c)).toBe(false);
      expect((await f.api(who, 'GET', `/api/cases/${c}`)).status).toBe(404);
    }
  });
});

describe('security: a unit lead never sees a case without an active assignment to their unit', () => {
  const withoutRequestId = (r: ApiReply) => JSON.stringify({ ...(r.body as object), requestId: undefined });

  it.each(['politie', 'kmar'])('%s gets a 404 byte-identical to a missing case for cases in analysis, handed off, closed with advice, ended, or tasked elsewhere', async (username) => {
    const who = await f.session(username);
    const missing = await f.api(who, 'GET', `/api/cases/${randomUUID()}`);
    expect(missing.status).toBe(404);
    const other = username === 'politie' ? ids.caseB : ids.caseA;
    for (const caseId of [ids.inAnalysis, ids.handedOff, ids.closedAdvice, ids.ended, other]) {
      for (const path of [`/api/cases/${caseId}`, `/api/cases/${caseId}/timeline`, `/api/cases/${caseId}/assignment`, `/api/cases/${caseId}/assessment`]) {
        const reply = await f.api(who, 'GET', path);
        expect({ path, status: reply.status }).toEqual({ path, status: 404 });
        if (path === `/api/cases/${caseId}`) expect(withoutRequestId(reply)).toBe(withoutRequestId(missing));
      }
    }
  });

  it('the tasked police lead reads the summary and measures on the case page, and only the operational extract', async () => {
    const who = await f.session('politie');
    const view = (await f.api(who, 'GET', `/api/cases/${ids.caseA}`)).body as Record<string, unknown>;
    expect((view.sections as string[]).sort()).toEqual(['measures', 'summary']);
    for (const withheld of ['persons', 'intake', 'triage', 'assessments', 'decision', 'team']) expect(view).not.toHaveProperty(withheld);
    const extract = (await f.api(who, 'GET', `/api/assignments/${ids.a}/extract`)).body as Record<string, unknown>;
    expect(extract.personName).toBe(sampleRegistration().persons[0]!.fullName);
    expect(JSON.stringify(extract)).not.toContain(sampleRegistration().persons[1]!.fullName);
    expect(JSON.stringify(extract)).not.toContain(sampleRegistration().firstInformation);
  });

  it('security concepts never appear in the application log or the audit log', async () => {
    expect(f.logs()).not.toContain('Vaste post bij de voordeur');
    const rows = await f.database.db.selectFrom('audit_entry').select('details').execute();
    expect(JSON.stringify(rows)).not.toContain('Vaste post bij de voordeur');
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('assignments/assignment-matrix.test.ts', seen())).toEqual([]);
  });
});
