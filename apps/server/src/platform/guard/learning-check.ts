import { mayOnLearning, type Classification, type LearningAction } from '@hoeder/domain';
import { listCaseSummaries, type CaseSummaryRow, type Db, type LearningReadGrant, type LearningWriteGrant, type LessonGrant } from '@hoeder/db';
import { mintLearningRead, mintLearningWrite, mintLesson } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, readableSections, type CaseAccess } from './case-check';
import { dafForReader, type DafAccess } from './daf-check';
import { forbidden, hidden, type Checked } from './guard';

export interface LearningReading {
  read: LearningReadGrant;
  access: CaseAccess;
  classification: Classification;
  /** The basis each record's marking is checked on: membership (the assignment for LCC and units), break-glass, or none (oversight). */
  readBasis: Set<string>;
  /** The DAF record as far as the reader reads it: the re-assessment the incidents feed. */
  daf: DafAccess | undefined;
}

const readBasisOf = (access: CaseAccess, caseId: string) => (access.breakGlass ? new Set([caseId]) : access.memberOf);

/**
 * Reading a case's incidents, evaluations and lessons (issue 14): the case's need-to-know, and a
 * role that reads them. Anything else is the 404 of a missing case; each record's marking is then
 * filtered by the service (`readableLearningRecords`).
 */
export const learningRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<LearningReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !(mayOnLearning(actor, 'readIncidents') || mayOnLearning(actor, 'readEvaluations'))) return hidden();
    const daf = await dafForReader(trx, actor, caseId, now);
    return {
      ok: true,
      grant: { read: mintLearningRead([caseId]), access, classification: access.summary.classification as Classification, readBasis: readBasisOf(access, caseId), daf },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
    };
  };

export interface LearningWriting extends LearningReading {
  write: LearningWriteGrant;
}

/**
 * Recording an incident or an evaluation step: the role for the action and a real basis on the
 * case — membership, or for the LCC and units the live assignment to them (never break-glass or
 * oversight, which only read). A case the actor cannot see is a 404, a visible one a 403.
 */
export const learningWrite =
  (caseId: string, action: LearningAction) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<LearningWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!mayOnLearning(actor, action) || !access.memberOf.has(caseId)) return forbidden(`your role may not ${action} on this case`, purpose);
    const daf = await dafForReader(trx, actor, caseId, now);
    return {
      ok: true,
      grant: { read: mintLearningRead([caseId]), write: mintLearningWrite(caseId), access, classification: access.summary.classification as Classification, readBasis: access.memberOf, daf },
      purpose,
    };
  };

/** The shared lessons list: a role question only (lessons carry no case data); linking is policy administration. */
export const lessonAccess =
  (link: boolean) =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<LessonGrant>> => {
    const purpose = link ? 'policy.administration' : 'protection.learning';
    const allowed = link ? mayOnLearning(actor, 'linkLessonToPolicy') : mayOnLearning(actor, 'readLessons');
    return allowed ? { ok: true, grant: mintLesson(link), purpose } : forbidden(link ? 'opening a policy draft from a lesson is policy administration' : 'your role does not read the lessons', purpose);
  };

export interface IncidentQueueSet {
  read: LearningReadGrant;
  cases: { row: CaseSummaryRow; basis: Set<string> }[];
}

/** "Voor mij": the cases the decision maker leads (member), for incidents still to evaluate. */
export const incidentQueue =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<IncidentQueueSet>> => {
    const rows = await listCaseSummaries(trx, { memberUserId: actor.userId });
    const memberOf = new Set(rows.map((r) => r.caseId));
    const cases = mayOnLearning(actor, 'leadEvaluation') ? rows.filter((r) => r.phase !== 'ended' && readableSections(actor, r.caseId, r.classification, memberOf).has('summary')) : [];
    return { ok: true, grant: { read: mintLearningRead(cases.map((c) => c.caseId)), cases: cases.map((row) => ({ row, basis: memberOf })) }, purpose: 'protection.case_handling' };
  };

