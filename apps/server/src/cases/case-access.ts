import {
  CASE_SECTIONS,
  OVERSIGHT_ROLES,
  readableRecords,
  sectionRecord,
  visibleCaseIds,
  type AccessSubject,
  type CaseSection,
  type Classification,
} from '@hoeder/domain';
import { findCaseSummaries, listCaseSummaries, membershipsOf, type CaseSummaryRow, type Db } from '@hoeder/db';

export interface CaseAccess {
  summary: CaseSummaryRow;
  sections: Set<CaseSection>;
  memberOf: Set<string>;
}

/**
 * The one place where the case services ask need-to-know: which sections of this case the actor
 * may read. `undefined` when the case does not exist OR may not be seen: callers cannot tell.
 */
export async function caseAccess(db: Db, actor: AccessSubject, caseId: string): Promise<CaseAccess | undefined> {
  const [summary] = await findCaseSummaries(db, [caseId]);
  if (!summary) return undefined;
  const memberOf = await membershipsOf(db, actor.userId, [caseId]);
  const classification = summary.classification as Classification;
  const records = CASE_SECTIONS.map((s) => sectionRecord(caseId, classification, s));
  const sections = new Set(readableRecords(actor, records, memberOf).map((r) => r.section));
  if (!sections.has('summary')) return undefined;
  return { summary, sections, memberOf };
}

/** Set-based: of all candidate cases, the ones whose summary the actor may see. */
export async function visibleCases(db: Db, actor: AccessSubject): Promise<CaseSummaryRow[]> {
  const oversight = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  const candidates = await listCaseSummaries(db, oversight ? 'all' : { memberUserId: actor.userId });
  const memberOf = await membershipsOf(
    db,
    actor.userId,
    candidates.map((c) => c.caseId),
  );
  const visible = visibleCaseIds(
    actor,
    candidates.map((c) => ({ caseId: c.caseId, classification: c.classification as Classification })),
    memberOf,
  );
  return candidates.filter((c) => visible.has(c.caseId));
}

/** The purpose recorded with an access: case work for members, oversight for the inspectorate. */
export function processingActivity(actor: AccessSubject, memberOf: ReadonlySet<string>, caseId: string): string {
  if (memberOf.has(caseId)) return 'protection.case_handling';
  return actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)) ? 'oversight.inspection' : 'protection.case_handling';
}
