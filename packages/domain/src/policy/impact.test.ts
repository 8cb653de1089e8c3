import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaActivity } from '../execution/agenda';
import type { ShiftWindow } from '../execution/derive-posts';
import { postRuleDemand } from '../execution/post-demand';
import { POST_RULESETS } from '../execution/post-rules';
import { simulateImpact, type ImpactCase } from './impact';
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

// The planner's four shifts (packages/planner SHIFT_TYPES); the night is eight hours.
const SHIFTS: ShiftWindow[] = [
  { id: 'early', startMinute: 360, minutes: 480 },
  { id: 'day', startMinute: 480, minutes: 540 },
  { id: 'late', startMinute: 840, minutes: 480 },
  { id: 'night', startMinute: 1320, minutes: 480 },
];
const activity = (activityId: string, domain: AgendaActivity['domain'], start: string, end: string, weekdays: number[]): AgendaActivity => ({
  activityId, label: activityId, domain, placeCategory: domain === 'home' ? 'home' : 'other', priority: 'normal', start, end, recurrence: { kind: 'weekly', weekdays },
});
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** Everyone is at home every day and works on weekdays; I8 is at home only at weekends. */
const agendas = new Map<string, AgendaActivity[]>(
  CASES.map((c) => [c.caseId, c.caseId === 'I8' ? [activity('thuis', 'home', '18:00', '24:00', [5, 6])] : [activity('thuis', 'home', '18:00', '24:00', EVERY_DAY), activity('werk', 'work', '09:00', '17:00', [0, 1, 2, 3, 4])]]),
);
const demand = postRuleDemand({ ruleset: POST_RULESETS[0]!, shiftTypes: SHIFTS, weekStart: '2026-03-02', agendas });

let current: PackagePolicy;
let draft: PackagePolicy;
beforeAll(async () => {
  [current, draft] = await Promise.all([bundledPolicy('2026.1'), bundledPolicy('2027.1')]);
});

describe('impact simulation of draft 2027.1 against 2026.1', () => {
  it('lists exactly the cases whose package changes, with added and dropped measures', () => {
    const report = simulateImpact(current, draft, CASES, demand);
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

  it('totals the measure changes, and the capacity from the post rules over each agenda', () => {
    const report = simulateImpact(current, draft, CASES, demand);
    expect(report.demandBasis).toBe('posts-2026.1');
    expect(report.measureChanges).toEqual([
      { measure: 'alarm_follow_up_work', added: 0, dropped: 2 },
      { measure: 'camera_surveillance_home', added: 2, dropped: 0 },
    ]);
    // Camera at home is one officer in the night shift (8 h) on every day the person is at home:
    // I1 seven days (56 h), I8 only the weekend (16 h). Workplace alarm follow-up has no posts.
    expect(report.changedCases.find((c) => c.caseId === 'I1')?.deltaHoursPerWeek).toEqual({ camera: 56 });
    expect(report.changedCases.find((c) => c.caseId === 'I8')?.deltaHoursPerWeek).toEqual({ camera: 16 });
    expect(report.changedCases.find((c) => c.caseId === 'I2')?.deltaHoursPerWeek).toEqual({});
    expect(report.capacity.find((c) => c.unitType === 'camera')?.deltaHoursPerWeek).toBe(72);
    for (const unit of report.capacity) {
      expect(unit.draftHoursPerWeek - unit.currentHoursPerWeek).toBeCloseTo(unit.deltaHoursPerWeek, 6);
    }
    expect(report.unestimatedMeasures).toEqual([]);
  });

  it('a heavier package costs what its post rules make of the agenda, not a constant per measure', () => {
    const without = postRuleDemand({ ruleset: POST_RULESETS[0]!, shiftTypes: SHIFTS, weekStart: '2026-03-02', agendas: new Map() });
    const report = simulateImpact(current, draft, CASES, without);
    // The same added measure, but no agenda: no posts, so no extra demand.
    expect(report.changedCases.find((c) => c.caseId === 'I1')?.addedMeasures.map((m) => m.measure)).toEqual(['camera_surveillance_home']);
    expect(report.capacity.every((c) => c.deltaHoursPerWeek === 0)).toBe(true);
  });

  it('reports measures the post rules know nothing about', () => {
    const { withoutPosts: { alarm_follow_up_work: _omitted, ...rest }, ...ruleset } = POST_RULESETS[0]!;
    const report = simulateImpact(current, draft, CASES, postRuleDemand({ ruleset: { ...ruleset, withoutPosts: rest }, shiftTypes: SHIFTS, weekStart: '2026-03-02', agendas }));
    expect(report.unestimatedMeasures).toEqual(['alarm_follow_up_work']);
  });

  it('a draft equal to the current policy changes nothing', () => {
    const report = simulateImpact(current, current, CASES, demand);
    expect(report.changedCases).toEqual([]);
    expect(report.capacity.every((c) => c.deltaHoursPerWeek === 0)).toBe(true);
  });

  it('a case the policy cannot evaluate is reported, not counted', () => {
    const bad: ImpactCase = { caseId: 'X', facts: baseFacts({ activityDomains: ['garden' as never] }) };
    const report = simulateImpact(current, draft, [...CASES, bad], demand);
    expect(report.casesEvaluated).toBe(8);
    expect(report.failures.map((f) => [f.caseId, f.version, f.error.code])).toEqual([
      ['X', '2026.1', 'POLICY_INVALID_FACTS'],
      ['X', '2027.1', 'POLICY_INVALID_FACTS'],
    ]);
  });
});
