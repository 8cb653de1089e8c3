import { beforeAll, describe, expect, it } from 'vitest';
import { simulateImpact, type ImpactCase } from './impact';
import { ESTIMATED_HOURS_PER_MEASURE } from './measures';
import { baseFacts, bundledPolicy } from './test-fixtures';
import type { PackagePolicy } from './versions';

/**
 * A fixed set of active cases. Draft 2027.1 changes three rules against 2026.1 (camera at home
 * from R2 also for organised crime; workplace alarm only when the employer has no measures;
 * peer support from R2 in long threats), so the expected difference is known by reading them.
 */
const CASES: ImpactCase[] = [
  { caseId: 'I1', facts: baseFacts({ threatLevel: 'medium', hasChildren: false }) },
  { caseId: 'I2', facts: baseFacts() },
  { caseId: 'I3', facts: baseFacts({ phenomenon: 'state_actor', threatLevel: 'low', ownResistance: 'sufficient', employerMeasures: 'adequate' }) },
  { caseId: 'I4', facts: baseFacts({ threatLevel: 'very_high', ownResistance: 'partial', employerMeasures: 'none' }) },
  { caseId: 'I5', facts: baseFacts({ phenomenon: 'terrorism', threatLevel: 'medium', threatDuration: 'short', employerMeasures: 'adequate' }) },
  { caseId: 'I6', facts: baseFacts({ phenomenon: 'radicalised_loner', threatLevel: 'medium', ownResistance: 'partial', employerMeasures: 'none' }) },
  { caseId: 'I7', facts: baseFacts({ threatLevel: 'medium', cooperation: false }) },
  {
    caseId: 'I8',
    facts: baseFacts({
      threatLevel: 'medium',
      ownResistance: 'partial',
      threatDuration: 'short',
      employerMeasures: 'not_applicable',
      activityDomains: ['home'],
    }),
  },
];

let current: PackagePolicy;
let draft: PackagePolicy;
beforeAll(async () => {
  [current, draft] = await Promise.all([bundledPolicy('2026.1'), bundledPolicy('2027.1')]);
});

describe('impact simulation of draft 2027.1 against 2026.1', () => {
  it('lists exactly the cases whose package changes, with added and dropped measures', () => {
    const report = simulateImpact(current, draft, CASES, ESTIMATED_HOURS_PER_MEASURE);
    expect(report).toMatchObject({ currentVersion: '2026.1', draftVersion: '2027.1', casesEvaluated: 8, unchangedCases: 4 });
    expect(report.failures).toEqual([]);
    const byCase = Object.fromEntries(
      report.changedCases.map((c) => [
        c.caseId,
        {
          added: c.addedMeasures.map((m) => `${m.domain}/${m.measure}`),
          dropped: c.droppedMeasures.map((m) => `${m.domain}/${m.measure}`),
          care: c.addedCareModules,
        },
      ]),
    );
    expect(byCase).toEqual({
      I1: { added: ['home/camera_surveillance_home'], dropped: ['work/alarm_follow_up_work'], care: ['peer_support'] },
      I2: { added: [], dropped: ['work/alarm_follow_up_work'], care: [] },
      I6: { added: [], dropped: [], care: ['peer_support'] },
      I8: { added: ['home/camera_surveillance_home'], dropped: [], care: [] },
    });
  });

  it('totals the measure changes and the capacity impact per unit type', () => {
    const report = simulateImpact(current, draft, CASES, ESTIMATED_HOURS_PER_MEASURE);
    expect(report.measureChanges).toEqual([
      { measure: 'alarm_follow_up_work', added: 0, dropped: 2 },
      { measure: 'camera_surveillance_home', added: 2, dropped: 0 },
    ]);
    const delta = Object.fromEntries(report.capacity.map((c) => [c.unitType, c.deltaHoursPerWeek]));
    expect(delta).toEqual({ bb: -2, camera: 24, be: 0, hrb: 0, contingent: 0 });
    for (const unit of report.capacity) {
      expect(unit.draftHoursPerWeek - unit.currentHoursPerWeek).toBeCloseTo(unit.deltaHoursPerWeek, 6);
    }
    expect(report.changedCases.find((c) => c.caseId === 'I1')?.deltaHoursPerWeek).toEqual({ camera: 12, bb: -1 });
    expect(report.unestimatedMeasures).toEqual([]);
  });

  it('uses the hours table it is given and reports measures it has no estimate for', () => {
    const { camera_surveillance_home: _omitted, ...rest } = ESTIMATED_HOURS_PER_MEASURE;
    const report = simulateImpact(current, draft, CASES, rest);
    expect(report.unestimatedMeasures).toEqual(['camera_surveillance_home']);
    expect(report.capacity.find((c) => c.unitType === 'camera')?.deltaHoursPerWeek).toBe(0);
  });

  it('a draft equal to the current policy changes nothing', () => {
    const report = simulateImpact(current, current, CASES, ESTIMATED_HOURS_PER_MEASURE);
    expect(report.changedCases).toEqual([]);
    expect(report.capacity.every((c) => c.deltaHoursPerWeek === 0)).toBe(true);
  });

  it('a case the policy cannot evaluate is reported, not counted', () => {
    const bad: ImpactCase = { caseId: 'X', facts: baseFacts({ activityDomains: ['garden' as never] }) };
    const report = simulateImpact(current, draft, [...CASES, bad], ESTIMATED_HOURS_PER_MEASURE);
    expect(report.casesEvaluated).toBe(8);
    expect(report.failures.map((f) => [f.caseId, f.version, f.error.code])).toEqual([
      ['X', '2026.1', 'POLICY_INVALID_FACTS'],
      ['X', '2027.1', 'POLICY_INVALID_FACTS'],
    ]);
  });
});
