import { z } from 'zod';
import { CasePhase, IsoDate, IsoDateTime, text, ThreatPhenomenon, Uuid } from './common';
import { CaseListItem } from './cases';

/** One case in a work queue ("Voor mij"): identifiers only, never content. */
export const WorkItem = z.object({
  queueId: z.string(),
  caseId: Uuid,
  reference: z.string(),
  /** Null for an item that is not a case's: the execution queues (a unit never learns the case's phase) and anomaly alerts (`caseId` is then the alert's id). */
  phase: CasePhase.nullable(),
  dueOn: IsoDate.nullable(),
  updatedAt: IsoDateTime,
  /** Execution queues (issue 11): the assignment the work is on; the item links there, not to the case. */
  assignmentId: Uuid.optional(),
  /** How much waits in the item (units not acknowledged, unstaffed posts). */
  count: z.number().int().optional(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkQueueView = z.object({ queueId: z.string(), count: z.number().int(), items: z.array(WorkItem) });
export type WorkQueueView = z.infer<typeof WorkQueueView>;

/** `GET /api/work/queues`: every queue of the user's roles, empty ones too, and the total. */
export const WorkQueuesResponse = z.object({ total: z.number().int(), queues: z.array(WorkQueueView) });
export type WorkQueuesResponse = z.infer<typeof WorkQueuesResponse>;

export const CASE_SEARCH_SORTS = ['attention', 'updated', 'registered', 'reference', 'review'] as const;
export const CASE_SEARCH_PAGE_MAX = 100;

/**
 * `GET /api/cases/search`: a page of the cases the user sees. `q` matches the reference, and a
 * person's name for readers of the persons section; `sort=attention` (the default) puts what needs
 * action first and ended cases last.
 */
export const CaseSearchQuery = z.object({
  q: text({ min: 0, max: 100, line: true }).optional(),
  phase: CasePhase.optional(),
  phenomenon: ThreatPhenomenon.optional(),
  sort: z.enum(CASE_SEARCH_SORTS).default('attention'),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CASE_SEARCH_PAGE_MAX).default(25),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;

export const CaseSearchResponse = z.object({
  items: z.array(CaseListItem),
  /** How many of the cases the user sees match: never counts a case the user may not see. */
  total: z.number().int(),
  /** More cases match than are counted (ADR 0039): `total` is that limit. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CaseSearchResponse = z.infer<typeof CaseSearchResponse>;

/** An in-app notification of new work: which queue, which case (reference), when; read or not. */
export const NotificationView = z.object({
  notificationId: Uuid,
  queueId: z.string(),
  caseId: Uuid,
  reference: z.string().nullable(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationIdParams = z.object({ notificationId: Uuid });
