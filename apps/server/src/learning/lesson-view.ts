import { learning, lessonReading, mayFollowUpLesson, mayOnLearning, type AccessSubject } from '@hoeder/domain';
import type { LessonView, SharedLessonView } from '@hoeder/contracts';
import type { LessonFollowUp } from '@hoeder/db';

export interface LessonFile {
  lesson: learning.LessonRecord;
  followUp: LessonFollowUp;
}

export interface LessonViewContext {
  today: string;
  asOf: boolean;
  policyStatus: ReadonlyMap<string, string>;
  templates: readonly { templateId: string; version: number }[];
}

/** The files as known at `at`: lessons recorded by then, their links, changes and release made by then. */
export function filesAsOf(files: readonly LessonFile[], at: string): LessonFile[] {
  const lessons = new Map(learning.lessonsAsOf(files.map((f) => f.lesson), at).map((l) => [l.lessonId, l]));
  return files.flatMap((f) => {
    const lesson = lessons.get(f.lesson.lessonId);
    return lesson ? [{ lesson, followUp: learning.followUpAsOf(f.followUp, at) }] : [];
  });
}

/** The reader's files with how each is read: whole, or through its release; unreadable ones left out. */
export function readableFiles(reader: AccessSubject, files: readonly LessonFile[]): (LessonFile & { reading: 'full' | 'released' })[] {
  return files.flatMap((f) => {
    const reading = lessonReading(reader, { classification: f.lesson.classification, release: f.followUp.release });
    return reading ? [{ ...f, reading }] : [];
  });
}

/**
 * What is shared of a lesson: `shareableLesson` (no case id, evaluation, person or official), and
 * for a reader below its own marking the released text at the released marking instead.
 */
export function sharedLesson(f: LessonFile, reading: 'full' | 'released'): SharedLessonView {
  const shared = learning.shareableLesson(f.lesson);
  const release = f.followUp.release;
  if (reading === 'full' || !release) return shared;
  return { ...shared, title: release.title, finding: release.finding, followUp: release.followUp, classification: release.classification };
}

/** One lesson on the lessons page: its follow-up (notes only for readers of its own marking), release and rule loop. */
export function lessonView(reader: AccessSubject, f: LessonFile, reading: 'full' | 'released', ctx: LessonViewContext): LessonView {
  const { lesson, followUp } = f;
  const full = reading === 'full';
  const now = !ctx.asOf;
  const free = lesson.needsRuleChange && !lesson.policyVersion && !followUp.template;
  return {
    ...sharedLesson(f, reading),
    status: learning.currentLessonStatus(followUp.history),
    overdue: learning.lessonOverdue(lesson.dueOn, followUp.history, ctx.today),
    history: followUp.history.map((h) => ({ status: h.status, at: h.at, note: full ? h.note : null, reason: full ? h.reason : null, by: full ? h.role : null })),
    readThroughRelease: !full,
    release: followUp.release ? { classification: followUp.release.classification, releasedAt: followUp.release.releasedAt } : null,
    rule: learning.ruleLoop({ policyVersion: lesson.policyVersion, template: followUp.template }, lesson.policyVersion ? ctx.policyStatus.get(lesson.policyVersion) : undefined, ctx.templates),
    may: {
      followUp: now && full && mayFollowUpLesson(reader, lesson) && !learning.LESSON_DONE.includes(learning.currentLessonStatus(followUp.history)),
      release: now && full && mayOnLearning(reader, 'releaseLesson') && !followUp.release && followUp.author !== reader.userId,
      linkTemplate: now && mayOnLearning(reader, 'linkLessonToTemplate') && free,
      openPolicyDraft: now && mayOnLearning(reader, 'linkLessonToPolicy') && lesson.needsRuleChange && !followUp.template,
    },
  };
}
