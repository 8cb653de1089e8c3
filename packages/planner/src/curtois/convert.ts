import type { Plan, PlanningProblem } from '../model';
import type { CurtoisInstance } from './parse';

/**
 * Curtois → planner model: nurses become officers of one generic unit, each cover
 * row becomes a post with one need open to anyone. Weekends and horizon-boundary
 * rules coincide with the benchmark's, so the planner's soft score is its objective.
 */
export function curtoisToProblem(inst: CurtoisInstance, name: string): PlanningProblem {
  const requests = (staffId: string) => [
    ...inst.onRequests.filter((r) => r.staffId === staffId).map((r) => ({ day: r.day, shiftTypeId: r.shiftId, kind: 'on' as const, weight: r.weight })),
    ...inst.offRequests.filter((r) => r.staffId === staffId).map((r) => ({ day: r.day, shiftTypeId: r.shiftId, kind: 'off' as const, weight: r.weight })),
  ];
  return {
    name,
    days: inst.horizon,
    shiftTypes: inst.shifts.map((s) => ({ id: s.id, startMinute: 0, minutes: s.minutes, cannotFollow: s.cannotFollow })),
    units: [{ id: 'ward', name: 'ward', kind: 'generic', organisation: 'private' }],
    officers: inst.staff.map((s) => ({
      id: s.id,
      unitId: 'ward',
      qualifications: [],
      contract: {
        maxShiftsPerType: s.maxShifts, minTotalMinutes: s.minTotalMinutes, maxTotalMinutes: s.maxTotalMinutes,
        maxConsecutiveShifts: s.maxConsecutiveShifts, minConsecutiveShifts: s.minConsecutiveShifts,
        minConsecutiveDaysOff: s.minConsecutiveDaysOff, maxWeekends: s.maxWeekends,
      },
      leaveDays: inst.daysOff.filter((x) => x.staffId === s.id).flatMap((x) => x.days),
      requests: requests(s.id),
    })),
    posts: inst.cover.map((c) => ({
      id: `${c.day}-${c.shiftId}`, day: c.day, shiftTypeId: c.shiftId, protectedPersonId: null, activity: 'cover', priority: 'work',
      needs: [{ qualification: null, count: c.requirement, underWeight: c.underWeight, overWeight: c.overWeight }],
    })),
  };
}

/** Roster as staff × day of shift ids ('' = off), the benchmark's solution shape. */
export type CurtoisRoster = string[][];

export function planToRoster(inst: CurtoisInstance, plan: Plan): CurtoisRoster {
  const row = new Map(inst.staff.map((s, i) => [s.id, i]));
  const roster = inst.staff.map(() => Array.from({ length: inst.horizon }, () => ''));
  for (const a of plan.assignments) {
    const shift = a.postId.slice(a.postId.indexOf('-') + 1);
    const r = roster[row.get(a.officerId) ?? -1];
    if (r) r[a.day] = shift;
  }
  return roster;
}
