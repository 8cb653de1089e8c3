import type { AgendaActivityInput } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
let caseId: string;
beforeAll(async () => {
  f = await openServiceFixture();
  let version: number;
  ({ caseId, version } = await caseWithActiveMeasures(f));
  // A new decision proposed on medium facts: under draft 2027.1 organised crime from R2 also gets
  // camera surveillance at home (the heavier package), and workplace alarm follow-up drops.
  const proposal = { type: 'ProposeDecision' as const, decisionId: crypto.randomUUID(), facts: samplePolicyFacts({ threatLevel: 'medium' }), factOverrides: [], motivation: 'Herbeoordeling.' };
  const proposed = await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, proposal);
  if (!proposed.ok) throw new Error(proposed.error.message);
});
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const home: AgendaActivityInput = { activityId: 'thuis', label: 'Thuis', domain: 'home', placeCategory: 'home', priority: 'normal', start: '18:00', end: '24:00', recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] } };

describe('the policy impact simulation on the post-rule demand model (issue 11 item 11)', () => {
  it('without an agenda, a heavier package makes no posts and so no extra hours', async () => {
    const report = must(await f.deps.policyImpact.simulate(f.ctx(), f.actor('beheer'), '2027.1'));
    expect(report).toMatchObject({ demandBasis: 'posts-2026.1', casesWithoutAgenda: 1, activeCases: 1 });
    expect(report.changedCases[0]?.addedMeasures.map((m) => m.measure)).toEqual(['camera_surveillance_home']);
    expect(report.changedCases[0]?.deltaHoursPerWeek).toEqual({});
  });

  it('with the person at home every evening, the draft adds one night-shift camera post a day: 7 × 8 hours', async () => {
    must(await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 0, activities: [home] }));
    const report = must(await f.deps.policyImpact.simulate(f.ctx(), f.actor('beheer'), '2027.1'));
    expect(report.casesWithoutAgenda).toBe(0);
    // The per-measure table this replaced said 12 hours for camera at home and −1 for the alarm;
    // the post rules say 56 camera hours and nothing for the alarm (follow-up is not rostered).
    expect(report.changedCases[0]?.deltaHoursPerWeek).toEqual({ camera: 56 });
    expect(report.capacity.find((c) => c.unitType === 'camera')).toMatchObject({ deltaHoursPerWeek: 56 });
    expect(report.unestimatedMeasures).toEqual([]);
  });

  it('a shorter agenda is less demand: at home only at weekends, 2 × 8 hours', async () => {
    must(await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 1, activities: [{ ...home, recurrence: { kind: 'weekly', weekdays: [5, 6] } }] }));
    const report = must(await f.deps.policyImpact.simulate(f.ctx(), f.actor('beheer'), '2027.1'));
    expect(report.changedCases[0]?.deltaHoursPerWeek).toEqual({ camera: 16 });
  });
});
