import { RELEASED_TO, type ReleaseCondition } from '../assessment/information';
import { classificationRank, type Classification, type Role } from '../shared/vocabulary';
import { readableRecords, sectionRecord, type AccessSubject } from './need-to-know';

/**
 * Need-to-know inside the DAF record (DOMAIN §4, §10). The assessment section gate of
 * `readableRecords` comes first (capability, membership or oversight, clearance, release to
 * NCTV/DAF/inspectorate), so executing units, the LCC and liaisons see nothing of the DAF. Within
 * it, parts of an assessment go by role, the grading of an item goes with the assessment, and the
 * CONTENT of an item also needs the originator's release and clearance for the item itself.
 */

export const ASSESSMENT_PARTS = ['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges', 'ratings'] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];

/**
 * The decision maker gets what a decision needs — judgement, scenarios, assumptions, gaps and the
 * challenge (dissent stays visible) — but not the template ratings, the analysts' working notes
 * that quote product content.
 */
const PART_ROLES: Record<AssessmentPart, readonly Role[]> = {
  judgement: ['threat_analyst', 'decision_maker', 'inspector'],
  scenarios: ['threat_analyst', 'decision_maker', 'inspector'],
  assumptions: ['threat_analyst', 'decision_maker', 'inspector'],
  gaps: ['threat_analyst', 'decision_maker', 'inspector'],
  challenges: ['threat_analyst', 'decision_maker', 'inspector'],
  ratings: ['threat_analyst', 'inspector'],
};

/** One readable unit of the DAF record of a case. */
export type DafRecord =
  | { kind: 'part'; caseId: string; part: AssessmentPart; classification: Classification }
  /** The register entry of an item: partner, legal basis, dates and Admiralty grading, not content. */
  | { kind: 'grading'; caseId: string; itemId: string; classification: Classification }
  | { kind: 'content'; caseId: string; itemId: string; classification: Classification; releaseCondition: ReleaseCondition };

export interface DafItemMarking {
  itemId: string;
  classification: Classification;
  releaseCondition: ReleaseCondition;
}

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

/**
 * The records of one assessment: its parts and, per item, the grading and the content. Content is
 * marked at the higher of the item's and the assessment's classification: nobody reads an item's
 * substance who may not read the assessment it sits in.
 */
export function dafRecordsOf(caseId: string, assessmentClassification: Classification, items: readonly DafItemMarking[]): DafRecord[] {
  const classification = assessmentClassification;
  return [
    ...ASSESSMENT_PARTS.map((part): DafRecord => ({ kind: 'part', caseId, part, classification })),
    ...items.flatMap((i): DafRecord[] => [
      { kind: 'grading', caseId, itemId: i.itemId, classification },
      { kind: 'content', caseId, itemId: i.itemId, classification: higher(i.classification, classification), releaseCondition: i.releaseCondition },
    ]),
  ];
}

/**
 * Set-based, like `readableRecords`: of the given DAF records, the ones the subject may read. Every
 * record passes the assessment section gate at its own marking; a part also needs a role for it,
 * and content needs the originator's release to the subject's organisation.
 */
export function readableDafRecords<R extends DafRecord>(subject: AccessSubject, records: readonly R[], memberOf: ReadonlySet<string>): R[] {
  const gate = (r: R) => readableRecords(subject, [sectionRecord(r.caseId, r.classification, 'assessment')], memberOf).length === 1;
  return records.filter((r) => {
    if (!gate(r)) return false;
    if (r.kind === 'part') return subject.roles.some((role) => PART_ROLES[r.part].includes(role));
    if (r.kind === 'grading') return true;
    return RELEASED_TO[r.releaseCondition].includes(subject.organisation);
  });
}

/**
 * Versions still being drafted or challenged are the analysts' work: the decision maker decides on
 * final versions only (with the challenge that made them final); oversight sees the work too.
 */
const WORK_IN_PROGRESS_ROLES: readonly Role[] = ['threat_analyst', 'inspector'];

/** What a subject sees of one assessment and its items. */
export interface DafView {
  parts: AssessmentPart[];
  gradedItemIds: string[];
  contentItemIds: string[];
  /** Whether versions that are not final yet are shown. */
  workInProgress: boolean;
}

export function dafView(
  subject: AccessSubject,
  caseId: string,
  assessmentClassification: Classification,
  items: readonly DafItemMarking[],
  memberOf: ReadonlySet<string>,
): DafView {
  const readable = readableDafRecords(subject, dafRecordsOf(caseId, assessmentClassification, items), memberOf);
  const parts = readable.flatMap((r) => (r.kind === 'part' ? [r.part] : []));
  return {
    parts,
    gradedItemIds: readable.flatMap((r) => (r.kind === 'grading' ? [r.itemId] : [])),
    contentItemIds: readable.flatMap((r) => (r.kind === 'content' ? [r.itemId] : [])),
    workInProgress: parts.length > 0 && subject.roles.some((role) => WORK_IN_PROGRESS_ROLES.includes(role)),
  };
}

/**
 * The marking of a DAF record as a whole: the case's, raised to every version's classification
 * (high-water mark). One marking for the record keeps a reader's view the same across versions.
 */
export function recordClassification(caseClassification: Classification, versions: readonly { content: { classification: Classification } }[]): Classification {
  return versions.reduce((c, v) => higher(c, v.content.classification), caseClassification);
}

/** Whether the subject sees anything of the DAF at all: parts of the assessment or item gradings. */
export const seesDaf = (view: DafView): boolean => view.parts.length > 0 || view.gradedItemIds.length > 0;

/**
 * The one DAF access rule (ADR 0006, 0008, 0010): what a subject sees of a case's DAF record, given
 * the case's marking, the record's versions and items, and the cases the subject reads.
 */
export function dafRecordView(
  subject: AccessSubject,
  caseId: string,
  caseClassification: Classification,
  record: { versions: readonly { content: { classification: Classification } }[]; items: readonly DafItemMarking[] },
  memberOf: ReadonlySet<string>,
): DafView {
  return dafView(subject, caseId, recordClassification(caseClassification, record.versions), record.items, memberOf);
}
