/**
 * The planner's model. One model serves both the LCC week (posts for protected
 * persons' activities) and the Curtois & Qu nurse-rostering benchmark: a post is a
 * demand on one day in one shift type, split into needs per qualification; an
 * officer works at most one post per day.
 */

export type Organisation = 'police' | 'kmar' | 'private';

/** DOMAIN §6 units; `bb` is a regional police B&B team. */
export type UnitKind = 'dkdb' | 'be' | 'bb' | 'camera' | 'bsb' | 'hrb' | 'contingent' | 'private-support' | 'generic';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  organisation: Organisation;
}

export interface ShiftType {
  id: string;
  /** Minute of the day the shift starts (informational for Curtois instances). */
  startMinute: number;
  minutes: number;
  /** Shift types that may not be worked on the day after this one (minimum rest). */
  cannotFollow: string[];
}

export interface Contract {
  /** Per shift type id; a missing entry means no limit. */
  maxShiftsPerType: Record<string, number>;
  minTotalMinutes: number;
  maxTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

/** A soft wish. Without `shiftTypeId` it concerns the whole day (any shift). */
export interface ShiftRequest {
  day: number;
  shiftTypeId?: string;
  kind: 'on' | 'off';
  weight: number;
}

export interface Officer {
  id: string;
  unitId: string;
  qualifications: string[];
  contract: Contract;
  /** Days on which the officer may not work (leave, training, sick). Hard. */
  leaveDays: number[];
  requests: ShiftRequest[];
}

/** Activity classes of a protected person's day (DOMAIN §5): work goes before private. */
export type PriorityClass = 'home' | 'work' | 'transport' | 'private';

export interface PostNeed {
  /** Required qualification; null means any officer (Curtois cover rows). */
  qualification: string | null;
  count: number;
  /** Penalty per missing officer. */
  underWeight: number;
  /** Penalty per officer beyond `count`. */
  overWeight: number;
}

export interface Post {
  id: string;
  day: number;
  shiftTypeId: string;
  protectedPersonId: string | null;
  activity: string;
  priority: PriorityClass;
  needs: PostNeed[];
  /** Unit kinds allowed to staff this post; empty or missing means any unit. */
  allowedUnitKinds?: UnitKind[];
  /**
   * The units tasked with this post (the LCC's tasking of the person's assignment): only their
   * officers may staff it, and only those of an allowed kind. Missing means no tasking applies
   * (any unit of an allowed kind); an empty list means no unit is tasked, so nobody may staff it.
   */
  allowedUnitIds?: string[];
}

export interface PlanningProblem {
  name: string;
  /** Number of days; day 0 is a Monday (weekends are days 5 and 6 of each week). */
  days: number;
  shiftTypes: ShiftType[];
  units: Unit[];
  officers: Officer[];
  posts: Post[];
}

/** One officer on one post on one day, filling one need line of that post. */
export interface Assignment {
  officerId: string;
  day: number;
  postId: string;
  needIndex: number;
  /** Pinned or already briefed: replanning must keep it. */
  pinned?: boolean;
}

export type ShortfallReason =
  | 'no-qualified-officer'
  /** Qualified officers exist, but none in a unit tasked with the post (or no unit is tasked). */
  | 'no-tasked-unit'
  | 'qualified-officers-on-leave'
  | 'qualified-officers-assigned-elsewhere'
  | 'working-time-limit-reached'
  /** A free qualified officer exists, but using them costs more than the shortfall (soft trade-off). */
  | 'outweighed-by-preferences'
  /** A free qualified officer could be added at a gain: the search ran out of time. */
  | 'search-budget';

export interface Shortfall {
  postId: string;
  day: number;
  needIndex: number;
  qualification: string | null;
  missing: number;
  reason: ShortfallReason;
  /** Human-readable detail, e.g. which limit blocks the free qualified officers. */
  detail: string;
}

export interface ScoreBreakdown {
  /** Sum of hard-constraint violation units; 0 for a feasible plan. */
  hard: number;
  /** Weighted soft objective (lower is better). */
  soft: number;
  coverUnder: number;
  coverOver: number;
  requests: number;
  disruption: number;
}

export interface Plan {
  problemName: string;
  assignments: Assignment[];
  score: ScoreBreakdown;
  feasible: boolean;
  shortfalls: Shortfall[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
