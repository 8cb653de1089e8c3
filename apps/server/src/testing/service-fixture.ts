import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import type { RegisterCaseRequest } from '@hoeder/contracts';
import type { CaseFacts } from '@hoeder/domain';
import type { AppDeps } from '../app';
import { createServices } from '../services';
import { loadConfig } from '../config';
import { DEMO_ACCOUNTS, upsertDemoAccounts } from '../demo/demo-accounts';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { fixedClock } from '../platform/clock';
import { finaliseDaf } from '../assessments/daf-flow';

export const START = new Date('2026-03-02T09:00:00.000Z');

export interface ServiceFixture {
  database: TestDatabase;
  deps: AppDeps;
  clock: ReturnType<typeof fixedClock>;
  actor(username: string): AuthenticatedActor;
  ctx(): RequestContext;
  close(): Promise<void>;
}

/** Real services on a real (fresh) database with the demo accounts, and a clock the test controls. */
export async function openServiceFixture(): Promise<ServiceFixture> {
  const database = await openTestDatabase();
  const clock = fixedClock(START);
  const deps = createServices(database, loadConfig({ HOEDER_DATA_DIR: 'memory://' }), clock);
  await upsertDemoAccounts(database.db, START);
  let trace = 0;
  return {
    database,
    deps,
    clock,
    actor: (username) => {
      const a = DEMO_ACCOUNTS.find((x) => x.username === username);
      if (!a) throw new Error(`no demo account ${username}`);
      return { userId: a.userId, displayName: a.displayName, roles: a.roles, organisation: a.organisation, clearance: a.clearance, unitId: a.unitId ?? null, sessionId: 'test' };
    },
    ctx: () => ({ traceId: `test-${++trace}`, now: clock.now() }),
    close: () => database.close(),
  };
}

export const userIdOf = (username: string): string => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a.userId;
};

export const sampleRegistration = (overrides: Partial<RegisterCaseRequest> = {}): RegisterCaseRequest => ({
  referralSource: 'public_prosecutor_transfer',
  referrerDescription: 'Parket Rotterdam, overdracht',
  reportedPhenomenon: 'organised_crime',
  firstInformation: 'Signalen van een opdracht tot liquidatie.',
  classification: 'dep_confidential',
  persons: [
    { role: 'threatened_person', fullName: 'Test Persoon', dateOfBirth: '1980-04-01' },
    { role: 'household_member', fullName: 'Test Partner', relation: 'partner', relationCode: 'partner' },
  ],
  ...overrides,
});

/** Policy facts of a typical R3 case under policy 2026.1 (organised crime, high threat, long). */
export const samplePolicyFacts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  phenomenon: 'organised_crime',
  threatLevel: 'high',
  ownResistance: 'insufficient',
  threatDuration: 'long',
  activityDomains: ['home', 'work', 'transport', 'private'],
  cooperation: true,
  integrityRisk: false,
  employerMeasures: 'partial',
  hasPartner: true,
  hasChildren: false,
  ...overrides,
});

/** Drives one case through the whole primary process; returns its id and final version. */
export async function caseWithActiveMeasures(f: ServiceFixture): Promise<{ caseId: string; version: number }> {
  const cases = f.deps.cases;
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const { caseId } = must(await cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
  let version = 1;
  for (const u of ['analist', 'analist2', 'besluit', 'besluit2', 'politie', 'liaison', 'lcc']) {
    version = must(await cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'AssignMember', userId: userIdOf(u) })).version;
  }
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  version = must(await cases.execute(f.ctx(), f.actor('triage'), caseId, version, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, eigen weerstand onvoldoende.' })).version;
  // The assessment comes from the DAF: items, draft, challenge by the second analyst, finalisation.
  version = (await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-09-01' })).caseVersion;
  const decisionId = crypto.randomUUID();
  version = must(await cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'ProposeDecision', decisionId, facts: samplePolicyFacts(), factOverrides: [], motivation: 'Hoge dreiging vraagt zware weerstand.', reviewDate: '2026-06-01' })).version;
  version = must(await cases.execute(f.ctx(), f.actor('besluit2'), caseId, version, { type: 'ApproveDecision', decisionId, note: 'Akkoord.' })).version;
  return { caseId, version };
}
