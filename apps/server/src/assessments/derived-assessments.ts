import {
  assessment,
  classificationRank,
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
import { findAssessmentSummaries, loadAssessmentEvents, type DafReadGrant, type Db } from '@hoeder/db';
import type { CaseAccess } from '../platform/guard/case-check';
import { dafAssessmentId } from './daf-ids';

const higher = (a: Classification, b: Classification) => (classificationRank(a) >= classificationRank(b) ? a : b);

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
const caseMarkingOf = (access: CaseAccess) => access.summary.classification as Classification;

/**
 * The DAF record's marking as a whole (its read model: the case's raised to every version's), or
 * undefined when the case has no DAF record.
 */
async function dafRecordMarking(db: Db, access: CaseAccess): Promise<Classification | undefined> {
  const [record] = await findAssessmentSummaries(db, [access.summary.caseId]);
  return record && higher(record.classification as Classification, caseMarkingOf(access));
}

/**
 * Of the entries, those the reader may read, each with the marking it was judged at. An entry
 * stored before ADR 0015 carries no marking: it takes the DAF record's, or the case's without one.
 */
function readable<E extends { marking?: Marking | undefined }>(actor: AccessSubject, access: CaseAccess, entries: readonly E[], record: Classification | undefined) {
  const target = { caseId: access.summary.caseId, classification: caseMarkingOf(access) };
  const legacy = dafVersionMarking(record ?? target.classification);
  return readableRecordedAssessments(actor, target, entries, legacy, readBasisOf(access)).map((entry) => ({
    entry,
    classification: derivedRecord(target.caseId, target.classification, 'assessment', entry.marking ?? legacy).classification,
  }));
}

/** The timeline: an `AssessmentRecorded` whose marking the reader may not read is left out. */
export async function withoutUnreadableAssessments(db: Db, actor: AccessSubject, access: CaseAccess, events: readonly RecordedCaseEvent[]): Promise<RecordedCaseEvent[]> {
  const recorded = events.flatMap((e) => (e.body.type === 'AssessmentRecorded' ? [{ version: e.version, marking: (e.body as AssessmentRecorded).marking }] : []));
  if (recorded.length === 0) return [...events];
  const record = access.sections.has('assessment') && recorded.some((r) => !r.marking) ? await dafRecordMarking(db, access) : undefined;
  const shown = new Set(access.sections.has('assessment') ? readable(actor, access, recorded, record).map((r) => r.entry.version) : []);
  return events.filter((e) => e.body.type !== 'AssessmentRecorded' || shown.has(e.version));
}

/** What shapes the versions of a DAF record: without its items and assumption tests (the bulk). */
const VERSION_EVENTS = ['DraftStarted', 'DraftRevised', 'SubmittedForChallenge', 'ChallengeRecorded', 'ReturnedToDraft', 'AssessmentFinalised'] as const;

/**
 * The finalised versions of the DAF record, and whether the reader's DAF view (ADR 0009: record
 * marking, role per part) includes their judgement.
 */
async function finalVersions(db: Db, actor: AccessSubject, access: CaseAccess, record: Classification, grant: DafReadGrant) {
  const caseId = access.summary.caseId;
  const view = assessment.dafView(actor, caseId, record, [], readBasisOf(access));
  const state = assessment.projectAssessment((await loadAssessmentEvents(db, grant, VERSION_EVENTS)).get(caseId) ?? []);
  const versions = (state?.versions ?? []).filter((v) => v.status === 'final' || v.status === 'superseded');
  return { versions, judgement: view.parts.includes('judgement') };
}

/**
 * The recorded assessments of a case (now or as of a past moment) as the reader may see them. The
 * threat level comes from the final DAF version itself, when the reader's DAF view has the judgement.
 */
export async function readableAssessments(db: Db, actor: AccessSubject, access: CaseAccess, state: CaseState, grant: DafReadGrant | undefined): Promise<ReadableAssessment[]> {
  if (!grant || !access.sections.has('assessment') || state.assessments.length === 0) return [];
  const record = await dafRecordMarking(db, access);
  const entries = readable(actor, access, state.assessments, record);
  if (entries.length === 0) return [];
  const caseId = access.summary.caseId;
  const { versions, judgement } = record ? await finalVersions(db, actor, access, record, grant) : { versions: [], judgement: false };
  return entries.map(({ entry, classification }) => {
    // Entries stored before ADR 0015 name the version only through its derived id.
    const version = versions.find((v) => (entry.assessmentVersion ?? -1) === v.versionNumber || dafAssessmentId(caseId, v.versionNumber) === entry.assessmentId);
    const threatLevel = judgement ? version?.content.judgement?.threat.level : undefined;
    return {
      assessmentId: entry.assessmentId,
      assessmentVersion: entry.assessmentVersion ?? version?.versionNumber ?? null,
      classification,
      validUntil: entry.validUntil,
      ...(threatLevel ? { threatLevel } : {}),
      recordedBy: entry.recordedBy,
      recordedAt: entry.recordedAt,
    };
  });
}
