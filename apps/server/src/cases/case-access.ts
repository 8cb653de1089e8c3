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
import { activeBreakGlassCases, findCaseSummaries, listCaseSummaries, membershipsOf, type CaseSummaryRow, type Db } from '@hoeder/db';

export interface CaseAccess {
  summary: CaseSummaryRow;
  sections: Set<CaseSection>;
  /** Real case membership: the only basis for writing. */
  memberOf: Set<string>;
  /** Read access under a break-glass grant (not a member). */
  breakGlass: boolean;
}

/**
 * The one place where the case services ask need-to-know: which sections of this case the actor
 * may read. `undefined` when the case does not exist OR may not be seen: callers cannot tell.
 */
export async function caseAccess(db: Db, actor: AccessSubject, caseId: string, now: Date): Promise<CaseAccess | undefined> {
  const [summary] = await findCaseSummaries(db, [caseId]);
  if (!summary) return undefined;
  const memberOf = await membershipsOf(db, actor.userId, [caseId]);
  const breakGlass = !memberOf.has(caseId) && (await activeBreakGlassCases(db, actor.userId, now, [caseId])).has(caseId);
  const readBasis = breakGlass ? new Set([caseId]) : memberOf;
  const classification = summary.classification as Classification;
  const records = CASE_SECTIONS.map((s) => sectionRecord(caseId, classification, s));
  const sections = new Set(readableRecords(actor, records, readBasis).map((r) => r.section));
  if (!sections.has('summary')) return undefined;
  return { summary, sections, memberOf, breakGlass };
}

/** Set-based: of all candidate cases, the ones whose summary the actor may see. */
export async function visibleCases(db: Db, actor: AccessSubject, now: Date): Promise<CaseSummaryRow[]> {
  const oversight = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  const memberCases = await listCaseSummaries(db, oversight ? 'all' : { memberUserId: actor.userId });
  const granted = oversight ? new Set<string>() : await activeBreakGlassCases(db, actor.userId, now);
  const known = new Set(memberCases.map((c) => c.caseId));
  const candidates = [...memberCases, ...(await findCaseSummaries(db, [...granted].filter((id) => !known.has(id))))];
  const memberOf = new Set([...(await membershipsOf(db, actor.userId, [...known])), ...granted]);
  const visible = visibleCaseIds(
    actor,
    candidates.map((c) => ({ caseId: c.caseId, classification: c.classification as Classification })),
    memberOf,
  );
  return candidates.filter((c) => visible.has(c.caseId));
}

/** The purpose recorded with an access: case work for members, break-glass, or oversight. */
export function processingActivity(actor: AccessSubject, memberOf: ReadonlySet<string>, caseId: string, breakGlass = false): string {
  if (memberOf.has(caseId)) return 'protection.case_handling';
  if (breakGlass) return 'protection.break_glass';
  return actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)) ? 'oversight.inspection' : 'protection.case_handling';
}
