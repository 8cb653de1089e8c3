import type { Officer, Organisation, PlanningProblem, Post, PostNeed, PriorityClass, ShiftType, Unit, UnitKind } from '../model';
import { Rng } from '../rng';

/**
 * Seeded synthetic LCC week. Figures are invented (operational details are never
 * public, DOMAIN §6) but shaped like the real problem: ≈30 units of police, KMar and
 * private support, scarce close-protection capacity, a mix of home, work, transport
 * and private posts per protected person, leave and wishes, the working-time rules.
 */
export interface LccSpec {
  seed: number;
  protectedPersons: number;
  /** Scales every unit's head count (1 ≈ 1,200 officers). */
  officerScale: number;
}

export const NATIONAL_WEEK: LccSpec = { seed: 1, protectedPersons: 250, officerScale: 1 };

export const SHIFT_TYPES: ShiftType[] = withRest([
  { id: 'early', startMinute: 6 * 60, minutes: 480, cannotFollow: [] },
  { id: 'day', startMinute: 8 * 60, minutes: 540, cannotFollow: [] },
  { id: 'late', startMinute: 14 * 60, minutes: 480, cannotFollow: [] },
  { id: 'night', startMinute: 22 * 60, minutes: 480, cannotFollow: [] },
], 11 * 60);

/** Derive forbidden successions from a minimum rest between shifts on consecutive days. */
export function withRest(types: ShiftType[], minRestMinutes: number): ShiftType[] {
  return types.map((a) => ({
    ...a,
    cannotFollow: types
      .filter((b) => 24 * 60 + b.startMinute - (a.startMinute + a.minutes) < minRestMinutes)
      .map((b) => b.id),
  }));
}

interface UnitTemplate { kind: UnitKind; organisation: Organisation; count: number; size: number; quals: Record<string, number> }

const UNIT_TEMPLATES: UnitTemplate[] = [
  { kind: 'dkdb', organisation: 'police', count: 2, size: 60, quals: { 'close-protection': 0.9, armed: 1, driver: 0.5, 'team-lead': 0.15 } },
  { kind: 'be', organisation: 'police', count: 3, size: 50, quals: { 'close-protection': 0.85, armed: 1, driver: 0.5, 'team-lead': 0.15 } },
  { kind: 'bb', organisation: 'police', count: 10, size: 40, quals: { 'close-protection': 0.5, armed: 1, driver: 0.4, surveillance: 0.5, 'team-lead': 0.1 } },
  { kind: 'camera', organisation: 'police', count: 2, size: 30, quals: { surveillance: 1, armed: 0.3 } },
  { kind: 'bsb', organisation: 'kmar', count: 3, size: 50, quals: { 'close-protection': 0.85, armed: 1, driver: 0.5, 'team-lead': 0.15 } },
  { kind: 'hrb', organisation: 'kmar', count: 2, size: 35, quals: { 'close-protection': 0.7, armed: 1, driver: 0.4, 'team-lead': 0.2 } },
  { kind: 'contingent', organisation: 'kmar', count: 3, size: 30, quals: { 'close-protection': 0.5, armed: 1, driver: 0.4, surveillance: 0.3 } },
  { kind: 'private-support', organisation: 'private', count: 5, size: 32, quals: { driver: 0.6, surveillance: 0.7 } },
];

const POLICE: UnitKind[] = ['dkdb', 'be', 'bb', 'camera', 'private-support'];
const KMAR: UnitKind[] = ['bsb', 'hrb', 'contingent', 'private-support'];
const UNDER_WEIGHT: Record<PriorityClass, number> = { home: 150, transport: 130, work: 100, private: 40 };

export function generateLccWeek(spec: LccSpec = NATIONAL_WEEK): PlanningProblem {
  const rng = new Rng(spec.seed);
  const units: Unit[] = [];
  const officers: Officer[] = [];
  for (const t of UNIT_TEMPLATES) {
    for (let i = 0; i < t.count; i++) {
      const unit: Unit = { id: `${t.kind}-${i + 1}`, name: `${t.kind.toUpperCase()} ${i + 1}`, kind: t.kind, organisation: t.organisation };
      units.push(unit);
      const size = Math.max(1, Math.round(t.size * spec.officerScale));
      for (let k = 0; k < size; k++) officers.push(makeOfficer(rng, unit, t, officers.length));
    }
  }
  const posts: Post[] = [];
  for (let p = 0; p < spec.protectedPersons; p++) posts.push(...personWeek(rng, p));
  return { name: `lcc-week-seed${spec.seed}`, days: 7, shiftTypes: SHIFT_TYPES, units, officers, posts };
}

function makeOfficer(rng: Rng, unit: Unit, t: UnitTemplate, n: number): Officer {
  const qualifications = Object.entries(t.quals).filter(([, p]) => rng.next() < p).map(([q]) => q);
  const partTime = rng.next() < 0.15;
  const leaveDays: number[] = [];
  if (rng.next() < 0.12) {
    const start = rng.int(7);
    const len = 1 + rng.int(4);
    for (let d = start; d < Math.min(7, start + len); d++) leaveDays.push(d);
  }
  const requests = rng.next() < 0.3 ? [{ day: rng.int(7), kind: 'off' as const, weight: 1 + rng.int(5) }] : [];
  return {
    id: `o${String(n + 1).padStart(4, '0')}`,
    unitId: unit.id,
    qualifications,
    contract: {
      maxShiftsPerType: { night: 3 },
      minTotalMinutes: 0,
      maxTotalMinutes: partTime ? 1440 : 2400,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
    },
    leaveDays,
    requests,
  };
}

/** Posts of one protected person for the week; the threat level sets the weight of the package. */
function personWeek(rng: Rng, p: number): Post[] {
  const r = rng.next();
  const level = r < 0.12 ? 3 : r < 0.5 ? 2 : 1;
  const units = rng.next() < 0.65 ? POLICE : KMAR;
  const person = `pp${String(p + 1).padStart(3, '0')}`;
  const posts: Post[] = [];
  const add = (day: number, shift: string, activity: string, priority: PriorityClass, needs: [string, number][]) => {
    posts.push({
      id: `${person}-d${day}-${activity}`, day, shiftTypeId: shift, protectedPersonId: person, activity, priority,
      needs: needs.filter(([, n]) => n > 0).map(([q, n]): PostNeed => ({ qualification: q, count: n, underWeight: UNDER_WEIGHT[priority], overWeight: 1 })),
      allowedUnitKinds: priority === 'home' ? units : units.filter((u) => u !== 'private-support' && u !== 'camera'),
    });
  };
  for (let day = 0; day < 7; day++) {
    const workday = day < 5 && rng.next() < 0.85;
    if (level >= 2 || rng.next() < 0.4) add(day, 'night', 'home-night', 'home', [['surveillance', 1]]);
    if (level === 3) add(day, 'early', 'home-day', 'home', [['armed', 1]]);
    if (workday) {
      add(day, 'early', 'transport-am', 'transport', [['driver', 1], ['close-protection', level >= 2 ? 1 : 0]]);
      add(day, 'day', 'work', 'work', [['close-protection', Math.min(level, 2)], ['team-lead', level === 3 ? 1 : 0]]);
      if (level >= 2) add(day, 'late', 'transport-pm', 'transport', [['driver', 1]]);
    }
    if (rng.next() < (workday ? 0.5 : 0.8)) add(day, 'late', 'private', 'private', [['close-protection', 1]]);
  }
  return posts;
}
