import {
  dafVersionMarking,
  derivedRecord,
  readableRecordedAssessments,
  type AccessSubject,
  type AssessmentRecorded,
  type CaseState,
  type Classification,
  type Marking,
  type RecordedCaseEvent,
  type ThreatLevel,
} from '@hoeder/domain';
import type { Db } from '@hoeder/db';
import type { CaseAccess } from '../cases/case-access';
import { dafAccessWithin, dafAssessmentId } from './assessment-access';
import { visibleVersions } from './assessment-view';
import { findAssessmentSummaries } from './assessment.repository';

/**
 * The case side of the DAF bridge (ADR 0015): the case stream holds, per recorded assessment, a
 * reference to the DAF version and its marking. Every case read shows an entry only at its
 * high-water mark, and takes any content (the threat level) from the DAF record under the DAF's
 * own access rule — never from the case stream.
 */

/** A recorded assessment as one reader may see it on the case. */
export interface ReadableAssessment {
  assessmentId: string;
  /** The DAF version; null for an entry stored before ADR 0015 that names no DAF version. */
  assessmentVersion: number | null;
  /** The entry's marking: the high-water of the case's assessment section and the DAF version. */
  classification: Classification;
  validUntil: string;
  /** From the DAF version's integrated judgement, only when the reader may read it there. */
  threatLevel?: ThreatLevel;
  recordedBy: string;
  recordedAt: string;
}

const readBasisOf = (access: CaseAccess): ReadonlySet<string> => (access.breakGlass ? new Set([access.summary.caseId]) : access.memberOf);

/**
 * Entries stored before ADR 0015 carry no marking: they take the DAF record's as a whole (its read
 * model; never lower than any of its versions), or the case's when the case has no DAF record.
 */
async function legacyMarking(db: Db, access: CaseAccess, needed: boolean): Promise<Marking> {
  const caseMarking = access.summary.classification as Classification;
  if (!needed) return dafVersionMarking(caseMarking);
  const [record] = await findAssessmentSummaries(db, [access.summary.caseId]);
  return dafVersionMarking((record?.classification ?? caseMarking) as Classification);
}

/** Of the entries, those the reader may read, each with the marking it was judged at. */
async function readable<E extends { marking?: Marking | undefined }>(db: Db, actor: AccessSubject, access: CaseAccess, entries: readonly E[]) {
  if (!access.sections.has('assessment') || entries.length === 0) return [];
  const legacy = await legacyMarking(db, access, entries.some((e) => !e.marking));
  const target = { caseId: access.summary.caseId, classification: access.summary.classification as Classification };
  return readableRecordedAssessments(actor, target, entries, legacy, readBasisOf(access)).map((entry) => ({
    entry,
    classification: derivedRecord(target.caseId, target.classification, 'assessment', entry.marking ?? legacy).classification,
  }));
}

/** The timeline: an `AssessmentRecorded` whose marking the reader may not read is left out. */
export async function withoutUnreadableAssessments(db: Db, actor: AccessSubject, access: CaseAccess, events: readonly RecordedCaseEvent[]): Promise<RecordedCaseEvent[]> {
  const recorded = events.flatMap((e) => (e.body.type === 'AssessmentRecorded' ? [{ version: e.version, marking: (e.body as AssessmentRecorded).marking }] : []));
  const shown = new Set((await readable(db, actor, access, recorded)).map((r) => r.entry.version));
  return events.filter((e) => e.body.type !== 'AssessmentRecorded' || shown.has(e.version));
}

/**
 * The recorded assessments of a case (now or as of a past moment) as the reader may see them. The
 * threat level comes from the final DAF version itself, when the reader's DAF view has the judgement.
 */
export async function readableAssessments(db: Db, actor: AccessSubject, access: CaseAccess, state: CaseState): Promise<ReadableAssessment[]> {
  const entries = await readable(db, actor, access, state.assessments);
  if (entries.length === 0) return [];
  const daf = await dafAccessWithin(db, actor, access);
  const caseId = access.summary.caseId;
  const versions = daf.state?.versions ?? [];
  const judged = daf.view.parts.includes('judgement') ? visibleVersions(daf.state, daf.view) : [];
  return entries.map(({ entry, classification }) => {
    // Entries stored before ADR 0015 name the version only through its derived id.
    const versionNumber = entry.assessmentVersion ?? versions.find((v) => dafAssessmentId(caseId, v.versionNumber) === entry.assessmentId)?.versionNumber;
    const threatLevel = judged.find((v) => v.versionNumber === versionNumber && v.status !== 'draft' && v.status !== 'in_challenge')?.content.judgement?.threat.level;
    return {
      assessmentId: entry.assessmentId,
      assessmentVersion: versionNumber ?? null,
      classification,
      validUntil: entry.validUntil,
      ...(threatLevel ? { threatLevel } : {}),
      recordedBy: entry.recordedBy,
      recordedAt: entry.recordedAt,
    };
  });
}
