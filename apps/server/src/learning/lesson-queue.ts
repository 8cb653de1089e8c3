import { learning, LEARNING_ROLES, mayFollowUpLesson } from '@hoeder/domain';
import type { WorkItem } from '@hoeder/contracts';
import { listLessons, loadLessonFollowUps, type LessonGrant } from '@hoeder/db';
import { lessonQueue } from '../platform/guard/lesson-check';
import { amsterdamDate } from '../policy/policy-store';
import type { WorkQueueSource } from '../work/work-queue.service';

/**
 * "Voor mij" (ADR 0030): the lessons the user's organisation owns whose follow-up date has passed
 * and that are neither implemented nor decided not to adopt, oldest due first. Like the anomaly
 * alerts, an item is not a case's: `caseId` carries the lesson id and `reference` its title, and
 * the item links to the lesson on the lessons page — never to the case it came from.
 */
export const lessonWorkQueue: WorkQueueSource<LessonGrant> = {
  id: 'lesson_follow_up_due',
  roles: LEARNING_ROLES.followUpOwnLesson,
  access: { objectType: 'lesson', check: lessonQueue() },
  collect: async ({ trx, grant }, actor, now) => {
    const today = amsterdamDate(now);
    const owned = (await listLessons(trx, grant)).filter((l) => l.owner === actor.organisation && mayFollowUpLesson({ ...actor, roles: actor.roles.filter((r) => (LEARNING_ROLES.followUpOwnLesson as readonly string[]).includes(r)) }, l));
    const followUps = await loadLessonFollowUps(trx, grant, owned);
    const items: WorkItem[] = owned.flatMap((l) => {
      const history = followUps.get(l.lessonId)?.history ?? [];
      if (!learning.lessonOverdue(l.dueOn, history, today)) return [];
      return [{ queueId: 'lesson_follow_up_due', caseId: l.lessonId, reference: l.title, phase: null, dueOn: l.dueOn, updatedAt: history.at(-1)?.at ?? l.recordedAt }];
    });
    return items.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  },
};
