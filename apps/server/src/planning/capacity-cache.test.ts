import { acceptedAssignmentCaseIds } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@hoeder/domain';
import { masterDataPlanningInputSource } from '../execution/planning-input.service';
import { createGuard } from '../platform/guard/guard';
import { caseWithActiveMeasures, openServiceFixture, type ServiceFixture } from '../testing/service-fixture';
import { createCapacityService, type CapacityService } from './capacity.service';
import type { PlanningInputSource } from './planning-input';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

let f: ServiceFixture;
let caseId: string;
let builds = 0;
let capacity: CapacityService;
const QUERY = { startDate: '2026-03-09', weeks: 2 };

beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
  const real = masterDataPlanningInputSource(acceptedAssignmentCaseIds, () => f.clock.now());
  // Counts how often a week's planning input is built: what the cache saves.
  const counting: PlanningInputSource = (db, period) => {
    builds += 1;
    return real(db, period);
  };
  capacity = createCapacityService({ guard: createGuard({ db: f.database.db, audit: f.deps.audit }), source: counting });
  const csv = 'officer_id,display_name,unit_id,team,qualifications,contract\ncap-1,Olga Officier,be-1,,close-protection|armed,fulltime-36\ncap-2,Piet Paraat,dkdb-1,,close-protection|driver,fulltime-36\n';
  must(await f.deps.masterData.importOfficers(f.ctx(), f.actor('lcc'), { csv, dryRun: false }));
}, 120_000);
afterAll(() => f.close());

const read = async () => must(await capacity.weeks(f.ctx(), f.actor('lcc'), QUERY));

describe('the capacity cache (ADR 0027)', () => {
  it('builds the planning input once per data version: a second request is served from the cache, the same', async () => {
    const first = await read();
    expect(builds).toBe(2);
    expect(await read()).toEqual(first);
    expect(builds).toBe(2);
  });

  it('a change to assignments, the agenda or master data invalidates it', async () => {
    const before = await read();
    const work = { activityId: 'werk', label: 'Werk', domain: 'work' as const, placeCategory: 'workplace' as const, priority: 'high' as const, start: '08:30', end: '17:00', recurrence: { kind: 'weekly' as const, weekdays: [0, 1, 2, 3, 4] } };
    must(await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 0, activities: [work] }));
    // Rebuilt, though nothing shows yet: the LCC has not accepted the assignment.
    expect(await read()).toEqual(before);
    expect(builds).toBe(4);

    const [item] = must(await f.deps.assignments.inbox(f.ctx(), f.actor('lcc'))).items;
    must(await f.deps.assignments.accept(f.ctx(), f.actor('lcc'), item!.assignmentId, 1));
    const withAgenda = await read();
    expect(builds).toBe(6);
    const demand = (r: typeof withAgenda) => r.weeks[0]!.groups.reduce((n, g) => n + g.demandHours, 0);
    expect(demand(withAgenda)).toBeGreaterThan(demand(before));

    must(await f.deps.masterData.recordAbsence(f.ctx(), f.actor('lcc'), 'cap-1', { from: '2026-03-09', until: '2026-03-13', reason: 'leave' }));
    const withLeave = await read();
    expect(builds).toBe(8);
    const available = (r: typeof withAgenda) => r.weeks[0]!.groups.reduce((n, g) => n + g.availableHours, 0);
    expect(available(withLeave)).toBeLessThan(available(withAgenda));
    await read();
    expect(builds).toBe(8);
  });

  it('keeps hours, counts and case identifiers only: no names, no agenda', () => {
    const held = JSON.stringify([...capacity.cachedWeeks().values()]);
    expect(held).toContain(caseId);
    for (const personal of ['Olga Officier', 'Piet Paraat', 'Test Persoon', 'Werk', '08:30']) expect(held).not.toContain(personal);
  });
});
