import { ABSENCE_REASONS, ACTIVITY_DOMAINS, ACTIVITY_PRIORITIES, PLACE_CATEGORIES, QUALIFICATIONS, UNIT_KINDS, UNIT_ORGANISATIONS } from '@hoeder/domain';
import { z } from 'zod';
import { IsoDate, IsoDateTime, text } from './common';

/** Master data and the person's agenda (issue 11 items 3 and 5). */

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM (24:00 ends the day)');
const Weekdays = z.array(z.int().min(0).max(6)).min(1).max(7);
const ActivityId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and hyphens, at most 64');

export const Recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weekdays: Weekdays }),
  z.object({ kind: z.literal('once'), date: IsoDate }),
  z.object({ kind: z.literal('range'), from: IsoDate, until: IsoDate, weekdays: Weekdays }),
]);

export const AgendaActivityInput = z.object({
  activityId: ActivityId.optional(),
  label: text({ max: 80, line: true }),
  domain: z.enum(ACTIVITY_DOMAINS),
  placeCategory: z.enum(PLACE_CATEGORIES),
  priority: z.enum(ACTIVITY_PRIORITIES).default('normal'),
  start: Time,
  end: Time,
  recurrence: Recurrence,
});
export type AgendaActivityInput = z.infer<typeof AgendaActivityInput>;

export const SaveAgendaRequest = z.object({
  expectedVersion: z.int().min(0),
  activities: z.array(AgendaActivityInput).max(100),
});
export type SaveAgendaRequest = z.infer<typeof SaveAgendaRequest>;

export const AgendaQuery = z.object({ asOf: IsoDateTime.optional() });

const Activity = AgendaActivityInput.extend({ activityId: ActivityId, priority: z.enum(ACTIVITY_PRIORITIES) });

export const AgendaView = z.object({
  caseId: z.string(),
  version: z.int(),
  asOf: z.string().nullable(),
  activities: z.array(Activity),
  mayEdit: z.boolean(),
  history: z.array(
    z.object({
      version: z.int(),
      recordedBy: z.string(),
      recordedRole: z.string(),
      recordedAt: z.string(),
      changes: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.object({ activityId: z.string(), fields: z.array(z.string()) })) }),
    }),
  ),
});
export type AgendaView = z.infer<typeof AgendaView>;

export const UnitView = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  organisation: z.enum(UNIT_ORGANISATIONS),
  region: z.string().nullable(),
  officers: z.int(),
  teams: z.array(z.string()),
});
export type UnitView = z.infer<typeof UnitView>;

export const AbsenceView = z.object({ absenceId: z.string(), from: z.string(), until: z.string(), reason: z.enum(ABSENCE_REASONS) });

export const OfficerView = z.object({
  officerId: z.string(),
  unitId: z.string(),
  teamName: z.string().nullable(),
  displayName: z.string(),
  qualifications: z.array(z.enum(QUALIFICATIONS)),
  /** Null when the reader may not see contracts and leave (not their own unit, not the LCC). */
  contractCode: z.string().nullable(),
  absences: z.array(AbsenceView).nullable(),
});
export type OfficerView = z.infer<typeof OfficerView>;

export const OfficerQuery = z.object({ unitId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a unit id').optional() });

export const RecordAbsenceRequest = z
  .object({ from: IsoDate, until: IsoDate, reason: z.enum(ABSENCE_REASONS) })
  .refine((a) => a.until >= a.from, { path: ['until'], message: 'must not be before from' });
export type RecordAbsenceRequest = z.infer<typeof RecordAbsenceRequest>;

export const OfficerImportRequest = z.object({
  /** The file's text; line endings are normalised to LF (spreadsheets write CR LF). */
  csv: text({ max: 200_000 }),
  dryRun: z.boolean(),
});
export type OfficerImportRequest = z.infer<typeof OfficerImportRequest>;

export const ImportRowError = z.object({ row: z.int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const OfficerImportResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
  errors: z.array(ImportRowError),
  preview: z.array(z.object({ row: z.int(), officerId: z.string(), displayName: z.string(), unitId: z.string(), action: z.enum(['create', 'update']) })),
});
export type OfficerImportResult = z.infer<typeof OfficerImportResult>;

export const AgendaPostsQuery = z.object({ startDate: IsoDate.optional() });

/** The posts a week of the agenda yields under the post rules in effect (issue 11 item 4). */
export const AgendaPostsView = z.object({
  caseId: z.string(),
  startDate: z.string(),
  ruleset: z.string().nullable(),
  posts: z.array(
    z.object({
      date: z.string(),
      shiftTypeId: z.string(),
      label: z.string(),
      domain: z.enum(ACTIVITY_DOMAINS),
      ruleId: z.string(),
      needs: z.array(z.object({ qualification: z.string(), count: z.int() })),
      allowedUnitKinds: z.array(z.enum(UNIT_KINDS)),
    }),
  ),
  rules: z.array(z.object({ id: z.string(), explanationNl: z.string() })),
  withoutPosts: z.array(z.object({ measure: z.string(), reasonNl: z.string() })),
});
export type AgendaPostsView = z.infer<typeof AgendaPostsView>;
