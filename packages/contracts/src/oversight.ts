import { z } from 'zod';
import { IsoDateTime, text, Uuid } from './common';

export const GrantIdParams = z.object({ grantId: Uuid });

/** The inspectorate's finding on a break-glass grant: written, at least a sentence. */
export const BreakGlassReviewRequest = z.object({ finding: text({ min: 10, max: 2000 }) });
export type BreakGlassReviewRequest = z.infer<typeof BreakGlassReviewRequest>;

export const AUDIT_PAGE_MAX = 100;

/**
 * `GET /api/audit/entries`: the inspectorate's search of the audit log — by case (the data
 * subject or the object), actor, period, operation and purpose — newest first, in pages.
 */
export const AuditEntriesQuery = z.object({
  caseId: Uuid.optional(),
  actorId: Uuid.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  operation: text({ max: 100, line: true }).optional(),
  purpose: text({ max: 100, line: true }).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(25),
});
export type AuditEntriesQuery = z.infer<typeof AuditEntriesQuery>;

/** One entry as stored (the leaf's content, ADR 0012), and its place in the tree once sealed. */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  occurredAt: IsoDateTime,
  traceId: z.string(),
  operation: z.string(),
  status: z.enum(['ok', 'denied', 'error']),
  userId: z.string().nullable(),
  userOrganisation: z.string().nullable(),
  userRole: z.string().nullable(),
  processingActivity: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  dataSubjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  leafIndex: z.number().int().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** `total` counts matches up to a limit; `totalCapped` says more match than that (ADR 0033). */
export const AuditEntriesResponse = z.object({ items: z.array(AuditEntryView), total: z.number().int(), totalCapped: z.boolean(), page: z.number().int(), pageSize: z.number().int() });
export type AuditEntriesResponse = z.infer<typeof AuditEntriesResponse>;

export const AuditSeqParams = z.object({ seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/**
 * `GET /api/audit/entries/:seq/proof`: what the browser needs to check an entry itself — the
 * entry, its leaf index, the audit path to the root of the first checkpoint that covers it, that
 * checkpoint (signed) and the public keys.
 */
export const AuditProofResponse = z.object({
  entry: AuditEntryView.omit({ leafIndex: true }),
  leafIndex: z.number().int(),
  checkpoint: z.object({ treeSize: z.number().int(), rootHash: z.string(), signedAt: IsoDateTime, keyId: z.string(), signature: z.string() }),
  proof: z.array(z.string()),
  publicKeys: z.array(z.object({ keyId: z.string(), pem: z.string() })),
});
export type AuditProofResponse = z.infer<typeof AuditProofResponse>;


const Figure = z.number().nullable();

/** `GET /api/statistics`: anonymised tables (null = suppressed) and throughput times, no case ids or names. */
export const StatisticsResponse = z.object({
  generatedAt: IsoDateTime,
  threshold: z.number().int(),
  tables: z.array(
    z.object({
      id: z.enum(['phenomenon_by_phase', 'phenomenon_by_outcome', 'period_by_phenomenon']),
      rows: z.array(z.string()),
      columns: z.array(z.string()),
      cells: z.array(z.array(Figure)),
      rowTotals: z.array(Figure),
      columnTotals: z.array(Figure),
      grandTotal: Figure,
    }),
  ),
  throughput: z.array(z.object({ step: z.enum(['registration_to_triage', 'triage_to_assessment', 'assessment_to_decision']), cases: Figure, medianDays: Figure, p90Days: Figure })),
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;
