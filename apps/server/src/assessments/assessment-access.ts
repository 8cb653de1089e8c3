import { createHash } from 'node:crypto';
import { assessment, classificationRank, type AccessSubject, type Classification } from '@hoeder/domain';
import type { Db } from '@hoeder/db';
import { caseAccess, type CaseAccess } from '../cases/case-access';
import { loadAssessmentEvents } from './assessment.repository';

type AssessmentState = assessment.AssessmentState;

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

/**
 * The marking of a DAF record as a whole: the case's, raised to every version's classification.
 * One marking for the record keeps a reader's view the same across its versions.
 */
export function recordClassification(caseClassification: Classification, state: AssessmentState | undefined): Classification {
  return (state?.versions ?? []).reduce((c, v) => higher(c, v.content.classification), caseClassification);
}

/** The ids the case stream links to a final DAF version: stable, derived from case and version. */
export function dafAssessmentId(caseId: string, versionNumber: number): string {
  const h = createHash('sha256').update(`hoeder:daf:${caseId}:${versionNumber}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface DafAccess {
  access: CaseAccess;
  state: AssessmentState | undefined;
  events: assessment.RecordedAssessmentEvent[];
  classification: Classification;
  view: assessment.DafView;
  /** Membership, or a break-glass grant: the basis for reading (never for writing). */
  readBasis: Set<string>;
}

/**
 * Need-to-know for the DAF record of one case, first step of every assessment service method:
 * the case gate (`caseAccess`), then `dafView` over the record's parts and items. `undefined`
 * when the case does not exist or may not be seen at all.
 */
export async function dafAccess(db: Db, actor: AccessSubject, caseId: string, now: Date): Promise<DafAccess | undefined> {
  const access = await caseAccess(db, actor, caseId, now);
  if (!access) return undefined;
  const events = access.sections.has('assessment') ? ((await loadAssessmentEvents(db, [caseId])).get(caseId) ?? []) : [];
  const state = assessment.projectAssessment(events);
  const classification = recordClassification(access.summary.classification as Classification, state);
  const readBasis = access.breakGlass ? new Set([caseId]) : access.memberOf;
  const view = assessment.dafView(actor, caseId, classification, state?.items ?? [], readBasis);
  return { access, state, events, classification, view, readBasis };
}

/** Whether the subject sees anything of the DAF at all: parts of the assessment or item gradings. */
export const seesDaf = (view: assessment.DafView): boolean => view.parts.length > 0 || view.gradedItemIds.length > 0;
