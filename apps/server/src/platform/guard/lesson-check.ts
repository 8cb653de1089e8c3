import { lessonReading, mayFollowUpLesson, mayOnLearning, type learning } from '@hoeder/domain';
import { findCaseSummaries, findPersons, listLessons, loadLessonFollowUps, personCaseRefs, type Db, type LessonFollowUp, type LessonGrant, type LessonWriteGrant } from '@hoeder/db';
import { mintLesson, mintLessonWrite, mintPersonRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, hidden, type Checked } from './guard';

export interface LessonWriting {
  read: LessonGrant;
  write: LessonWriteGrant;
  lesson: learning.LessonRecord;
  followUp: LessonFollowUp;
  reading: 'full' | 'released';
  /** For a release only: what ties a text to the lesson's case, to check the text against (never served). */
  markers?: learning.CaseMarkers;
}

/** The case reference and the names of the case's persons; read for the release check only. */
async function caseMarkers(trx: Db, caseId: string): Promise<learning.CaseMarkers> {
  const [summary] = await findCaseSummaries(trx, [caseId]);
  const personIds = (await personCaseRefs(trx, { caseId })).map((r) => r.personId);
  const persons = await findPersons(trx, mintPersonRead(personIds, { kind: 'none' }), personIds);
  return { reference: summary?.reference ?? '', names: persons.map((p) => p.fullName) };
}

const ACTION = {
  follow_up: { purpose: 'protection.learning', message: "only the lesson's owner or a lesson manager updates its follow-up" },
  release: { purpose: 'protection.learning', message: 'your role does not release lessons' },
  template: { purpose: 'policy.administration', message: 'linking a lesson to a method template is policy administration' },
} as const;

/**
 * Acting on one shared lesson (ADR 0030). A lesson the actor cannot read — neither at its own
 * marking nor through a release — is a 404 like a missing one. Then per action: the follow-up by
 * its owner or a lesson manager cleared for its own marking; the release by a releasing role
 * (the domain checks four eyes and clearance); the template link by a policy administrator, who
 * may work from the released text.
 */
export const lessonWrite =
  (lessonId: string, action: LessonWriteGrant['action']) =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<LessonWriting>> => {
    const read = mintLesson(false);
    const [lesson] = await listLessons(trx, read, { lessonId });
    if (!lesson) return hidden('lesson');
    const followUp = (await loadLessonFollowUps(trx, read, [lesson])).get(lessonId);
    const reading = followUp ? lessonReading(actor, { classification: lesson.classification, release: followUp.release }) : null;
    if (!followUp || !reading) return hidden('lesson');
    const { purpose, message } = ACTION[action];
    const allowed =
      action === 'follow_up' ? mayFollowUpLesson(actor, lesson) : action === 'release' ? mayOnLearning(actor, 'releaseLesson') : mayOnLearning(actor, 'linkLessonToTemplate');
    if (!allowed) return forbidden(message, purpose);
    const markers = action === 'release' ? await caseMarkers(trx, lesson.caseId) : undefined;
    return { ok: true, grant: { read, write: mintLessonWrite(lessonId, action), lesson, followUp, reading, ...(markers ? { markers } : {}) }, purpose };
  };

/** "Voor mij": the lessons list for the owner's overdue follow-ups (the queue filters owner and marking). */
export const lessonQueue =
  () =>
  async (): Promise<Checked<LessonGrant>> => ({ ok: true, grant: mintLesson(false), purpose: 'protection.learning' });
