import type { Role } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type ApiReply, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * The access matrix of the person's file and the contact log (issue 12 items 1 and 2, ADR 0021):
 * every demo account × every route, written out from the rules. The case's team is everyone who
 * works on cases; its assignment is tasked to the police lead's unit (be-1), not to the KMar's.
 * Identity follows the case's persons section; addresses only the liaison (all) and, through the
 * assignment, the LCC and the tasked unit lead (the domains of their posts); the contact log is
 * read by the liaison, decision makers and inspectorate and written by the liaison on the team.
 */
let f: HttpFixture;
let seen: () => Set<string>;
let caseId = '';
let personId = '';
const TEAM = ['analist', 'besluit', 'besluit2', 'lcc', 'politie', 'kmar', 'liaison'];
const STREETS = { home: 'Woonstraat 1', work: 'Kantoorlaan 2', private: 'Sportpad 3' };
const DETAILS = {
  expectedVersion: 0,
  phone: '+31 6 1234 5678',
  email: 'betrokkene@example.org',
  addresses: [
    { domain: 'home', label: 'Woning', street: STREETS.home, postcode: '1234 AB', city: 'Utrecht' },
    { domain: 'work', label: 'Werk', street: STREETS.work, postcode: '2345 BC', city: 'Utrecht' },
    { domain: 'private', label: 'Sportschool', street: STREETS.private, postcode: '3456 CD', city: 'Utrecht' },
  ],
};

const ok = (r: ApiReply, step: string) => {
  if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', TEAM, 'measures_active');
  const liaison = await f.session('liaison');
  personId = (ok(await f.api(liaison, 'GET', `/api/cases/${caseId}`), 'view').persons as { personId: string; role: string }[]).find((p) => p.role === 'threatened_person')!.personId;
  ok(await f.api(liaison, 'POST', `/api/persons/${personId}/details`, DETAILS), 'details');
  const lcc = await f.session('lcc');
  const inbox = ok(await f.api(lcc, 'GET', '/api/assignments'), 'inbox') as { items: { caseId: string; assignmentId: string }[] };
  const assignmentId = inbox.items.find((i) => i.caseId === caseId)!.assignmentId;
  ok(await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/accept`, { version: 1 }), 'accept');
  ok(await f.api(lcc, 'POST', `/api/assignments/${assignmentId}/units`, { unitIds: ['be-1'] }), 'task');
  seen = trackRequests(f);
}, 240_000);
afterAll(() => f.close());

const roleOf = (username: string): Role => DEMO_ACCOUNTS.find((a) => a.username === username)!.roles[0]!;
/** Who sees the case at all: the team (units through the assignment only), the registrar, the inspectorate. */
const SEES_CASE = (u: string) => ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'liaison', 'lcc', 'politie', 'inspectie'].includes(u);
/** Who reads the persons section of the case (condition 1 of need-to-know). */
const READS_PERSONS = (u: string) => ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'liaison', 'lcc', 'inspectie'].includes(u);
const ADDRESSES: Record<string, 'all' | 'domains'> = { liaison: 'all', lcc: 'domains', politie: 'domains' };
const READS_LOG = (u: string) => ['liaison', 'besluit', 'besluit2', 'inspectie'].includes(u);

const expected = {
  person: (u: string) => (READS_PERSONS(u) || ADDRESSES[u] ? 200 : 404),
  details: (u: string) => (u === 'liaison' ? 409 : READS_PERSONS(u) || ADDRESSES[u] ? 403 : 404),
  duplicates: (u: string) => (roleOf(u) === 'triage_officer' ? 200 : 403),
  addresses: (u: string) => (ADDRESSES[u] ? 200 : SEES_CASE(u) ? 403 : 404),
  log: (u: string) => (READS_LOG(u) ? 200 : 404),
  record: (u: string) => (u === 'liaison' ? 409 : SEES_CASE(u) ? 403 : 404),
};

const ENTRY = { expectedSeq: 999, contactDate: '2026-03-02', channel: 'phone', spokeWith: 'Betrokkene', discussed: 'Stand van zaken.', informationGiven: false };

describe.each(DEMO_ACCOUNTS.map((a) => [a.username] as const))('the person file and contact log for %s', (username) => {
  it('answers each route by role, case and assignment, and audits every request once', async () => {
    const who = await f.session(username);
    const requests: [string, ApiReply, number][] = [
      ['person', await f.api(who, 'GET', `/api/persons/${personId}`), expected.person(username)],
      ['details', await f.api(who, 'POST', `/api/persons/${personId}/details`, { ...DETAILS, expectedVersion: 999 }), expected.details(username)],
      ['duplicates', await f.api(who, 'POST', '/api/persons/duplicates', { persons: [{ fullName: 'Test Persoon', dateOfBirth: '1980-04-01' }] }), expected.duplicates(username)],
      ['case addresses', await f.api(who, 'GET', `/api/cases/${caseId}/addresses`), expected.addresses(username)],
      ['contact log', await f.api(who, 'GET', `/api/cases/${caseId}/contact`), expected.log(username)],
      ['contact log as of', await f.api(who, 'GET', `/api/cases/${caseId}/contact?asOf=2026-03-01T00:00:00.000Z`), expected.log(username)],
      ['record contact', await f.api(who, 'POST', `/api/cases/${caseId}/contact`, ENTRY), expected.record(username)],
    ];
    for (const [name, reply, status] of requests) {
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
    }
  });
});

describe('security: addresses in the person file (who may, who may not)', () => {
  const view = async (u: string) => (await f.api(await f.session(u), 'GET', `/api/persons/${personId}`)).body as { addressAccess: string; details: { phone: string | null; email: string | null; addresses: { domain: string; street: string }[] } | null };

  it('the liaison on the case sees phone, e-mail and every address', async () => {
    const body = await view('liaison');
    expect(body.addressAccess).toBe('all');
    expect(body.details).toMatchObject({ phone: DETAILS.phone, email: DETAILS.email });
    expect(body.details!.addresses.map((a) => a.street).sort()).toEqual(Object.values(STREETS).sort());
  });

  it.each(['lcc', 'politie'])('%s (through the assignment) sees only addresses of domains with posts, never phone or e-mail', async (u) => {
    const body = await view(u);
    expect(body.addressAccess).toBe('domains');
    expect(body.details).toMatchObject({ phone: null, email: null });
    expect(body.details!.addresses.length).toBeGreaterThan(0);
    expect(body.details!.addresses.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(body)).not.toContain(DETAILS.email);
  });

  it('the tasked police unit (be) sees the work and private addresses its close-protection posts cover, not the home its camera posts need', async () => {
    // The R3 package of the sample facts: camera surveillance at home (camera units), escorts at work, in transport and private (close protection).
    expect((await view('politie')).details!.addresses.map((a) => a.street).sort()).toEqual([STREETS.work, STREETS.private].sort());
    expect((await view('lcc')).details!.addresses.map((a) => a.street).sort()).toEqual(Object.values(STREETS).sort());
  });

  it.each(['triage', 'analist', 'besluit', 'besluit2', 'inspectie'])('%s reads the person but never an address', async (u) => {
    const reply = await f.api(await f.session(u), 'GET', `/api/persons/${personId}`);
    expect(reply.status).toBe(200);
    expect((reply.body as { addressAccess: string }).addressAccess).toBe('none');
    for (const street of Object.values(STREETS)) expect(JSON.stringify(reply.body)).not.toContain(street);
    expect(JSON.stringify(reply.body)).not.toContain(DETAILS.phone);
  });

  it.each(['kmar', 'advies', 'beheer'])('%s (no basis) gets the 404 of a missing person', async (u) => {
    const reply = await f.api(await f.session(u), 'GET', `/api/persons/${personId}`);
    expect(reply.status).toBe(404);
    expect(JSON.stringify(reply.body)).not.toContain('Test Persoon');
  });

  it('on the case, the tasked unit gets the threatened person\'s addresses of its posts\' domains only, never the household', async () => {
    const body = (await f.api(await f.session('politie'), 'GET', `/api/cases/${caseId}/addresses`)).body as { addressAccess: string; persons: { role: string; addresses: { street: string }[] }[] };
    expect(body.addressAccess).toBe('domains');
    expect(body.persons.map((p) => p.role)).toEqual(['threatened_person']);
    expect(body.persons[0]!.addresses.map((a) => a.street).sort()).toEqual([STREETS.work, STREETS.private].sort());
    expect(JSON.stringify(body)).not.toContain('Test Partner');
  });

  it('only the liaison records contact details; a unit with addresses may not change them', async () => {
    expect((await f.api(await f.session('politie'), 'POST', `/api/persons/${personId}/details`, { ...DETAILS, expectedVersion: 1 })).status).toBe(403);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('persons/person-matrix.test.ts', seen())).toEqual([]);
  });
});
