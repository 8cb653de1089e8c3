import { classificationRank, type Classification, type Organisation } from '../shared/vocabulary';
import type { CaseSection } from './capabilities';
import { readableRecords, sectionRecord, type AccessRecord, type AccessSubject } from './need-to-know';

/**
 * Content derived from a record keeps (at least) that record's marking and release conditions
 * wherever it is copied, projected or summarised: the high-water mark (ADR 0015). A stream that
 * refers to another record stores the reference and this marking, and every view filters on it.
 */

/** A record's marking as it travels with whatever refers to or is derived from it. */
export interface Marking {
  classification: Classification;
  originator: Organisation;
  /** Organisations the originator releases the record to; `undefined` means every organisation. */
  releasableTo?: readonly Organisation[] | undefined;
}

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

/** Released to both: the intersection, where `undefined` (no condition) is the neutral element. */
function bothRelease(a: Marking['releasableTo'], b: Marking['releasableTo']): Marking['releasableTo'] {
  if (!a) return b;
  if (!b) return a;
  return a.filter((o) => b.includes(o));
}

/**
 * The marking of content from `source` placed into `target`: the higher classification, released
 * only to whom both release it, and the source's originator (it is the source's content).
 */
export function highWaterMark(target: Marking, source: Marking): Marking {
  return {
    classification: higher(target.classification, source.classification),
    originator: source.originator,
    releasableTo: bothRelease(target.releasableTo, source.releasableTo),
  };
}

/** Derived content in a section of a case, as the access check sees it: at the high-water mark. */
export function derivedRecord(caseId: string, caseClassification: Classification, section: CaseSection, source: Marking): AccessRecord {
  const { classification, originator, releasableTo } = sectionRecord(caseId, caseClassification, section);
  return { caseId, section, ...highWaterMark({ classification, originator, releasableTo }, source) };
}

/**
 * Set-based, like `readableRecords`: of the entries derived from other records and shown in one
 * section of a case, the ones the subject may read, each at its own high-water mark.
 */
export function readableDerived<E>(
  subject: AccessSubject,
  at: { caseId: string; classification: Classification; section: CaseSection },
  entries: readonly E[],
  markingOf: (entry: E) => Marking,
  memberOf: ReadonlySet<string>,
): E[] {
  const records = entries.map((entry) => ({ entry, ...derivedRecord(at.caseId, at.classification, at.section, markingOf(entry)) }));
  return readableRecords(subject, records, memberOf).map((r) => r.entry);
}

/**
 * The marking a DAF assessment version carries outside the DAF: its classification, the DAF as
 * originator, released as the assessment section is (to the authority, the DAF and oversight).
 */
export function dafVersionMarking(classification: Classification): Marking {
  const { classification: raised, originator, releasableTo } = sectionRecord('', classification, 'assessment');
  return { classification: raised, originator, releasableTo };
}

/**
 * Of the assessments recorded in a case, the ones the subject may read. An entry stored before ADR
 * 0015 has no marking of its own: it takes `legacyMarking`, the DAF record's marking as a whole
 * (never lower than the version it came from), so content copied by old events cannot leak either.
 */
export function readableRecordedAssessments<E extends { marking?: Marking | undefined }>(
  subject: AccessSubject,
  target: { caseId: string; classification: Classification },
  entries: readonly E[],
  legacyMarking: Marking,
  memberOf: ReadonlySet<string>,
): E[] {
  return readableDerived(subject, { ...target, section: 'assessment' }, entries, (e) => e.marking ?? legacyMarking, memberOf);
}
