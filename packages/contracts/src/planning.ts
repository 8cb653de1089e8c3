import { ACTIVITY_DOMAINS } from '@hoeder/domain';
import { z } from 'zod';
import { IsoDate, Uuid } from './common';

/** The longest period one planning run covers (four weeks). */
export const MAX_PLANNING_DAYS = 28;

const isMonday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1;

/** Identifiers of the planner's model (officers, posts, units, shift types): plain, short, one word. */
export const PlannerId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.:-]+$/, 'must be an identifier (letters, digits, . _ : -)');

export const StartPlanningRunRequest = z.object({
  /** Day 0 of the planner's week is a Monday, so a period starts on one. */
  startDate: IsoDate.refine(isMonday, 'must be a Monday'),
  days: z.number().int().min(1, 'must be at least 1 day').max(MAX_PLANNING_DAYS, `must be at most ${MAX_PLANNING_DAYS} days`),
});
export type StartPlanningRunRequest = z.infer<typeof StartPlanningRunRequest>;

export const RunIdParams = z.object({ runId: Uuid });
export const VersionIdParams = z.object({ versionId: Uuid });
export const VersionCaseParams = z.object({ versionId: Uuid, caseId: Uuid });
export const VersionUnitParams = z.object({ versionId: Uuid, unitId: PlannerId });
export const VersionOfficerParams = z.object({ versionId: Uuid, officerId: PlannerId });

export const ShiftTypeId = z.enum(['early', 'day', 'late', 'night']);

/** A disruption of a stored roster: replanned with everything else pinned, as a new version. */
export const DisruptionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('officer-sick'), officerId: PlannerId, dates: z.array(IsoDate).min(1).max(MAX_PLANNING_DAYS) }),
  z.object({ kind: z.literal('post-removed'), postId: PlannerId }),
  z.object({ kind: z.literal('post-moved'), postId: PlannerId, date: IsoDate, shiftTypeId: ShiftTypeId }),
  z.object({
    kind: z.literal('post-added'),
    caseId: Uuid,
    date: IsoDate,
    shiftTypeId: ShiftTypeId,
    domain: z.enum(ACTIVITY_DOMAINS),
    qualification: z.enum(['close-protection', 'armed', 'driver', 'surveillance', 'team-lead']),
    count: z.number().int().min(1).max(6),
  }),
]);
export type DisruptionRequest = z.infer<typeof DisruptionRequest>;

/** The capacity dashboard's window: 1 to 12 weeks from a Monday (default: the coming Monday). */
export const CapacityQuery = z.object({
  startDate: IsoDate.refine(isMonday, 'must be a Monday').optional(),
  weeks: z.coerce.number().int().min(1).max(12).default(12),
});
export type CapacityQuery = z.infer<typeof CapacityQuery>;

/** A what-if on a copy of a roster version; never touches the live roster. */
export const ScenarioRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit-loses-officers'), unitId: PlannerId, count: z.number().int().min(1).max(200) }),
  z.object({ kind: z.literal('case-escalates'), caseId: Uuid, factor: z.number().int().min(2).max(3) }),
  z.object({ kind: z.literal('new-cases'), count: z.number().int().min(1).max(50) }),
]);
export type ScenarioRequest = z.infer<typeof ScenarioRequest>;
