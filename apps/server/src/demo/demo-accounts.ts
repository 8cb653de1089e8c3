import { upsertUnit, upsertUser, type Db } from '@hoeder/db';
import type { Classification, Organisation, Role } from '@hoeder/domain';
import { DEMO_UNITS } from './demo-units';

/**
 * One demo account per role (synthetic people). They exist only in the embedded demo identity
 * provider; a production issuer brings its own accounts, matched to app_user by subject.
 */
export interface DemoAccount {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisation: Organisation;
  clearance: Classification;
  /** The executing unit a unit lead works in. */
  unitId?: string;
}

export const DEMO_PASSWORD = 'hoeder-demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { userId: '00000000-0000-4000-8000-000000000001', username: 'triage', displayName: 'Tessa Triagist', roles: ['triage_officer'], organisation: 'NCTV', clearance: 'stg_secret' },
  { userId: '00000000-0000-4000-8000-000000000002', username: 'analist', displayName: 'Anouk Analist', roles: ['threat_analyst'], organisation: 'NCTV_DAF', clearance: 'stg_top_secret' },
  { userId: '00000000-0000-4000-8000-000000000003', username: 'analist2', displayName: 'Bram Tegenspraak', roles: ['threat_analyst'], organisation: 'NCTV_DAF', clearance: 'stg_top_secret' },
  { userId: '00000000-0000-4000-8000-000000000004', username: 'besluit', displayName: 'Diederik Besluitnemer', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' },
  { userId: '00000000-0000-4000-8000-000000000005', username: 'besluit2', displayName: 'Eva Vierogen', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' },
  { userId: '00000000-0000-4000-8000-000000000006', username: 'lcc', displayName: 'Lars Coördinator', roles: ['lcc_coordinator'], organisation: 'LCC', clearance: 'stg_confidential' },
  { userId: '00000000-0000-4000-8000-000000000007', username: 'politie', displayName: 'Priya Teamleider', roles: ['police_team_lead'], organisation: 'POLICE', clearance: 'stg_confidential', unitId: 'be-1' },
  { userId: '00000000-0000-4000-8000-000000000008', username: 'kmar', displayName: 'Kees Marechaussee', roles: ['kmar_team_lead'], organisation: 'KMAR', clearance: 'stg_confidential', unitId: 'bsb-1' },
  { userId: '00000000-0000-4000-8000-000000000009', username: 'liaison', displayName: 'Lotte Liaison', roles: ['liaison'], organisation: 'NCTV', clearance: 'dep_confidential' },
  { userId: '00000000-0000-4000-8000-00000000000a', username: 'inspectie', displayName: 'Ingrid Inspecteur', roles: ['inspector'], organisation: 'INSPECTORATE', clearance: 'stg_secret' },
  { userId: '00000000-0000-4000-8000-00000000000b', username: 'advies', displayName: 'Adam Adviesorgaan', roles: ['advisory_member'], organisation: 'ADVISORY_BODY', clearance: 'unclassified' },
  { userId: '00000000-0000-4000-8000-00000000000c', username: 'beheer', displayName: 'Femke Beheerder', roles: ['functional_admin'], organisation: 'NCTV', clearance: 'dep_confidential' },
  // A second functional administrator: publishing a policy version needs four eyes.
  { userId: '00000000-0000-4000-8000-00000000000d', username: 'beheer2', displayName: 'Gijs Tweedebeheerder', roles: ['functional_admin'], organisation: 'NCTV', clearance: 'dep_confidential' },
  // The NCTV's security officer (issue 13): receives and closes access anomaly alerts.
  { userId: '00000000-0000-4000-8000-00000000000f', username: 'beveiliging', displayName: 'Bas Beveiliging', roles: ['security_officer'], organisation: 'NCTV', clearance: 'stg_secret' },
  // Openbaar Ministerie, officier van justitie: crown witnesses and the coordinate interests (issue 14).
  { userId: '00000000-0000-4000-8000-00000000000e', username: 'om', displayName: 'Otto Officier', roles: ['om_prosecutor'], organisation: 'OM', clearance: 'stg_secret' },
];

/** The demo units, then the demo accounts (a unit lead's user row points at their unit). */
export async function upsertDemoAccounts(db: Db, createdAt: Date, accounts: readonly DemoAccount[] = DEMO_ACCOUNTS): Promise<void> {
  for (const unit of DEMO_UNITS) await upsertUnit(db, unit);
  for (const a of accounts) {
    await upsertUser(db, { userId: a.userId, subject: a.username, displayName: a.displayName, organisation: a.organisation, roles: a.roles, clearance: a.clearance, unitId: a.unitId ?? null, createdAt });
  }
}
