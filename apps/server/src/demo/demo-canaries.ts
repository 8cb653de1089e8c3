import { addCanaryCases, listCanaryCaseIds, upsertUser } from '@hoeder/db';
import type { AppDeps } from '../app';
import type { AuthenticatedActor } from '../platform/actor';
import { createCaseService } from '../cases/case.service';
import { createGuard } from '../platform/guard/guard';
import { registration } from './demo-cases';
import { seededRandom } from './demo-random';

/**
 * The keeper of the canary cases (ADR 0026): an account without a login that registers the decoys,
 * so they look like any registered case — a registrant, persons, a phenomenon — and no real user is
 * a member. Its own entries are not judged; everyone else's read of a canary is an alert.
 */
export const CANARY_KEEPER = {
  userId: 'c0000000-0000-4000-8000-00000000c001',
  subject: 'canary-keeper',
  displayName: 'Sanne Verhoef',
  organisation: 'NCTV',
  roles: ['triage_officer'],
  clearance: 'stg_secret',
} as const;

/** The decoys' threatened persons: ordinary synthetic names, like every demo person. */
export const CANARY_PERSONS = ['Marloes Verbeek', 'Joost Hendriksen'] as const;

/** Registers the canary cases once (idempotent: none when the table already has some). */
export async function seedCanaries(deps: AppDeps): Promise<string[]> {
  const existing = await listCanaryCaseIds(deps.db);
  if (existing.length > 0) return existing;
  const now = deps.clock.now();
  await upsertUser(deps.db, { ...CANARY_KEEPER, roles: [...CANARY_KEEPER.roles], unitId: null, createdAt: now });
  const keeper: AuthenticatedActor = { ...CANARY_KEEPER, roles: [...CANARY_KEEPER.roles], unitId: null, sessionId: 'canary-seed' };
  const cases = createCaseService({ guard: createGuard({ db: deps.db, audit: deps.audit }), policies: deps.policies });
  const random = seededRandom(7_110_526);
  const ids: string[] = [];
  for (const [i, phenomenon] of (['organised_crime', 'state_actor'] as const).entries()) {
    const base = registration(random, phenomenon);
    const persons = base.persons.map((p, j) => (j === 0 ? { ...p, fullName: CANARY_PERSONS[i]! } : p));
    const registered = await cases.register({ traceId: `canary-seed-${ids.length}`, now }, keeper, { ...base, persons });
    if (!registered.ok) throw new Error(`canary case not registered: ${registered.error.code}`);
    ids.push(registered.value.caseId);
  }
  await addCanaryCases(deps.db, ids, CANARY_KEEPER.userId, now);
  return ids;
}
