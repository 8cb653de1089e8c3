import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TYPES,
  ALL_ACTIONS,
  ARRANGEMENT_KINDS,
  CARE_MODULES,
  CARE_STATUSES,
  DUTY_STATUSES,
  FACT_SOURCES,
  RESISTANCE_LEVELS,
  SOURCED_FACTS,
} from '@hoeder/domain';
import { IsoDate, IsoDateTime, Uuid } from './common';
import { Text, text } from './text';

/** Issue 12 items 4–7: agreements, care referrals, the employer's duties and the policy facts' sources. */
export const ArrangementStatus = z.enum([...new Set([...AGREEMENT_STATUSES, ...CARE_STATUSES, ...DUTY_STATUSES])] as [string, ...string[]]);

export const RecordAgreementRequest = z.object({
  personId: Uuid,
  type: z.enum(AGREEMENT_TYPES),
  /** What is agreed, in the words used with the person. */
  description: Text(4000),
  /** What happens when it is not kept (the policy line: no forced measures). */
  consequence: Text(4000),
  followUpOn: IsoDate.optional(),
});
export type RecordAgreementRequest = z.infer<typeof RecordAgreementRequest>;

export const RecordCareReferralRequest = z.object({
  personId: Uuid,
  module: z.enum(CARE_MODULES),
  description: text({ min: 0, max: 4000 }),
  followUpOn: IsoDate.optional(),
});
export type RecordCareReferralRequest = z.infer<typeof RecordCareReferralRequest>;

export const RecordEmployerRequest = z.object({
  personId: Uuid,
  name: text({ max: 200, line: true }),
  contact: text({ min: 0, max: 200, line: true }),
  /** Who at the employer owns the duties, unless a duty names another. */
  owner: text({ max: 200, line: true }),
  followUpOn: IsoDate.optional(),
});
export type RecordEmployerRequest = z.infer<typeof RecordEmployerRequest>;

export const ArrangementStepRequest = z.object({
  expectedVersion: z.int().min(1),
  action: z.enum(ALL_ACTIONS as [string, ...string[]]),
  note: text({ min: 0, max: 4000 }).optional(),
  followUpOn: IsoDate.optional(),
  owner: text({ max: 200, line: true }).optional(),
});
export type ArrangementStepRequest = z.infer<typeof ArrangementStepRequest>;

export const ArrangementParams = z.object({ caseId: Uuid, arrangementId: Uuid });

export const ArrangementEventView = z.object({
  version: z.int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  followUpOn: z.string().nullable(),
  actorId: Uuid,
  occurredAt: IsoDateTime,
});

export const ArrangementView = z.object({
  arrangementId: Uuid,
  kind: z.enum(ARRANGEMENT_KINDS),
  code: z.string(),
  personId: Uuid.nullable(),
  employerId: Uuid.nullable(),
  description: z.string(),
  consequence: z.string().nullable(),
  owner: z.string().nullable(),
  status: ArrangementStatus,
  followUpOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.int(),
  /** The actions the lifecycle allows from the current status. */
  actions: z.array(z.string()),
  events: z.array(ArrangementEventView),
});
export type ArrangementView = z.infer<typeof ArrangementView>;

export const EmployerView = z.object({
  employerId: Uuid,
  personId: Uuid,
  name: z.string(),
  contact: z.string(),
  duties: z.array(ArrangementView),
});
export type EmployerView = z.infer<typeof EmployerView>;

/** `GET /api/cases/:caseId/arrangements`: what the reader may see of them; `null` for a kind they may not. */
export const ArrangementsView = z.object({
  caseId: Uuid,
  /** The moment shown (`?asOf=`), or null for now; a past view offers no steps and no forms. */
  asOf: IsoDateTime.nullable(),
  mayEdit: z.boolean(),
  persons: z.array(z.object({ personId: Uuid, fullName: z.string(), role: z.string(), relation: z.string().nullable() })),
  agreements: z.array(ArrangementView).nullable(),
  care: z.array(ArrangementView).nullable(),
  employers: z.array(EmployerView).nullable(),
});
export type ArrangementsView = z.infer<typeof ArrangementsView>;

export const SourcedFactView = z.object({
  fact: z.enum(SOURCED_FACTS),
  value: z.union([z.boolean(), z.string()]),
  source: z.enum(FACT_SOURCES),
  basis: z.string(),
});
export type SourcedFactView = z.infer<typeof SourcedFactView>;

/** `GET /api/cases/:caseId/policy-facts`: the facts with their sources, and the DAF's required resistance. */
export const PolicyFactsView = z.object({
  caseId: Uuid,
  facts: z.array(SourcedFactView),
  /** The required resistance level of the final DAF judgement, when the reader sees it. */
  requiredResistance: z.enum(RESISTANCE_LEVELS).nullable(),
  assessmentVersion: z.int().nullable(),
});
export type PolicyFactsView = z.infer<typeof PolicyFactsView>;

export const FactOverride = z.object({ fact: z.enum(SOURCED_FACTS), reason: Text(2000) });
