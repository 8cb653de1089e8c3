import { z } from 'zod';
import { IsoDateTime, text, Uuid } from './common';

/** Issue 13, ADR 0026: access anomaly alerts and the NCTV's quality monitor. */
export const ANOMALY_RULE_IDS = ['canary_read', 'baseline_exceeded', 'outside_work', 'odd_hours', 'repeated_break_glass', 'person_sweep'] as const;

export const AlertIdParams = z.object({ alertId: Uuid });

export const AnomalyAlertsQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AnomalyAlertsQuery = z.infer<typeof AnomalyAlertsQuery>;

/** Closing an alert: what was found, at least a sentence. */
export const CloseAlertRequest = z.object({ finding: text({ min: 10, max: 2000 }) });
export type CloseAlertRequest = z.infer<typeof CloseAlertRequest>;

export const AnomalyAlertView = z.object({
  alertId: Uuid,
  ruleId: z.enum(ANOMALY_RULE_IDS),
  ruleVersion: z.string(),
  userId: Uuid,
  userName: z.string(),
  occurredAt: IsoDateTime,
  raisedAt: IsoDateTime,
  /** The audit entries behind it (the inspectorate opens them in the audit-log viewer). */
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  caseIds: z.array(Uuid),
  observed: z.number().int(),
  threshold: z.number().int(),
  hits: z.number().int(),
  closedAt: IsoDateTime.nullable(),
  closedByName: z.string().nullable(),
  finding: z.string().nullable(),
});
export type AnomalyAlertView = z.infer<typeof AnomalyAlertView>;

export const AnomalyAlertsResponse = z.object({ ruleVersion: z.string(), items: z.array(AnomalyAlertView) });
export type AnomalyAlertsResponse = z.infer<typeof AnomalyAlertsResponse>;

const toggle = { enabled: z.boolean() };
/** `HOEDER_ANOMALY_THRESHOLDS` (JSON): the thresholds a deployment changes; every field optional. */
export const AnomalyThresholdsConfig = z
  .object({
    baseline: z.object({ ...toggle, factor: z.number().positive(), minimumReads: z.number().int().positive(), historyDays: z.number().int().positive(), minimumHistoryDays: z.number().int().nonnegative() }).partial(),
    outsideWork: z.object({ ...toggle, threshold: z.number().int().positive() }).partial(),
    oddHours: z.object({ ...toggle, startHour: z.number().int().min(0).max(23), endHour: z.number().int().min(1).max(24), weekends: z.boolean(), threshold: z.number().int().positive() }).partial(),
    repeatedBreakGlass: z.object({ ...toggle, threshold: z.number().int().positive(), windowDays: z.number().int().positive() }).partial(),
    personSweep: z.object({ ...toggle, distinctPersons: z.number().int().positive(), windowMinutes: z.number().int().positive() }).partial(),
  })
  .partial()
  .strict();
export type AnomalyThresholdsConfig = z.infer<typeof AnomalyThresholdsConfig>;

export const QualityMonitorQuery = z.object({ quarters: z.coerce.number().int().min(1).max(12).default(4) });
export type QualityMonitorQuery = z.infer<typeof QualityMonitorQuery>;

const Figure = z.number().nullable();
/** The NCTV's quality monitor (DOMAIN §8): figures per quarter, no case, no name. */
export const QualityMonitorResponse = z.object({
  generatedAt: IsoDateTime,
  quarters: z.array(z.string()),
  throughput: z.array(z.object({ step: z.string(), quarter: z.string(), cases: z.number().int(), medianDays: Figure, p90Days: Figure })),
  overdue: z.object({ reviews: z.number().int(), reassessments: z.number().int(), activeCases: z.number().int() }),
  deviations: z.array(z.object({ quarter: z.string(), decisions: z.number().int(), deviating: z.number().int() })),
  /** Integrated assessments finalised per quarter, and how many carry a second analyst's dissent. */
  dissent: z.array(z.object({ quarter: z.string(), assessments: z.number().int(), withDissent: z.number().int() })),
  /** Published rosters in effect per quarter of their start: posts and unstaffed posts. */
  capacity: z.array(z.object({ quarter: z.string(), rosters: z.number().int(), posts: z.number().int(), unstaffed: z.number().int() })),
  /** Present once the objections table exists (issue 13 leaves it optional). */
  objections: z.array(z.object({ quarter: z.string(), count: z.number().int() })).nullable(),
});
export type QualityMonitorResponse = z.infer<typeof QualityMonitorResponse>;
