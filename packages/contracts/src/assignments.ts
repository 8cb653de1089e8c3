import { ACTIVITY_DOMAINS, type ActivityDomain, type AssignmentContent, type AssignmentDiff, type AssignmentStatus, type Classification, type UnitKind, type UnitOrganisation, type WithdrawalReason } from '@hoeder/domain';
import { z } from 'zod';
import { text, Uuid } from './common';

/** Security assignments (issue 11, ADR 0016): requests validated here, replies typed. */

export const AssignmentIdParams = z.object({ assignmentId: Uuid });
const Version = z.number().int().min(1);
const UnitId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'not a unit id');

export const AcceptAssignmentRequest = z.object({ version: Version });
export type AcceptAssignmentRequest = z.infer<typeof AcceptAssignmentRequest>;

export const TaskUnitsRequest = z.object({ unitIds: z.array(UnitId).min(1).max(20) });
export type TaskUnitsRequest = z.infer<typeof TaskUnitsRequest>;

export const RecordConceptRequest = z.object({ domain: z.enum(ACTIVITY_DOMAINS), concept: text({ min: 10, max: 2000 }) });
export type RecordConceptRequest = z.infer<typeof RecordConceptRequest>;

export const AcknowledgeAssignmentRequest = z.object({ version: Version });
export type AcknowledgeAssignmentRequest = z.infer<typeof AcknowledgeAssignmentRequest>;

export interface AssignmentUnitDto {
  unitId: string;
  name: string;
  kind: UnitKind;
  organisation: UnitOrganisation;
}

export interface TaskingDto extends AssignmentUnitDto {
  taskedAt: string;
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
  /** Set while the unit has not acknowledged the accepted version. */
  waitingSince: string | null;
  waitingHours: number | null;
}

export type AssignmentVersionDto =
  | { version: number; kind: 'issued'; content: AssignmentContent; diff: AssignmentDiff; issuedAt: string }
  | { version: number; kind: 'withdrawn'; reason: WithdrawalReason; issuedAt: string };

export interface SecurityConceptDto {
  domain: ActivityDomain;
  concept: string;
  classification: Classification;
  recordedAt: string;
}

/** One line of the LCC inbox or a unit's list. */
export interface AssignmentListItem {
  assignmentId: string;
  caseId: string;
  reference: string;
  status: AssignmentStatus;
  currentVersion: number;
  acceptedVersion: number | null;
  updatedAt: string;
  units: TaskingDto[];
  unacknowledged: number;
}

export interface AssignmentInbox {
  counts: { new: number; changed: number; withdrawn: number; unacknowledged: number };
  items: AssignmentListItem[];
}

export interface AssignmentDetail extends AssignmentListItem {
  classification: Classification;
  versions: AssignmentVersionDto[];
  /** Only for the LCC and the tasked units: operational, never exported or logged. */
  concepts?: SecurityConceptDto[];
}

/** An agenda item a unit's posts need (filled by the agenda hook; see operational-extract.ts). */
export interface OperationalAgendaItem {
  activityId: string;
  domain: ActivityDomain;
  title: string;
  placeCategory: string;
  start: string;
  end: string;
}

/** What an executing unit sees of a case: nothing of intake, triage, assessment or household. */
export interface OperationalExtract {
  assignmentId: string;
  caseId: string;
  reference: string;
  acceptedVersion: number;
  personName: string;
  resistanceLevel: AssignmentContent['resistanceLevel'];
  measures: AssignmentContent['measures'];
  careModules: string[];
  validFrom: string;
  validUntil: string | null;
  reviewDate: string;
  concepts: SecurityConceptDto[];
  agenda: OperationalAgendaItem[];
  acknowledgedVersion: number | null;
}

export interface AssignmentCommandAccepted {
  assignmentId: string;
  status: AssignmentStatus;
}
