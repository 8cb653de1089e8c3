import type { Classification, learning, Role } from '@hoeder/domain';
import type { LessonGrant, LessonWriteGrant } from '../access/grants';
import type { Db } from '../schema';

const iso = (d: Date | string) => new Date(d).toISOString();

/** What happened to a lesson after it was recorded (migration 0021, ADR 0030). */
export interface LessonFollowUp {
  /** Who recorded the lesson (the evaluation's LessonRecorded event): the release needs a second person. */
  author: string | null;
  history: learning.LessonStatusChange[];
  release: learning.LessonRelease | null;
  template: learning.TemplateLink | null;
}

const empty = (): LessonFollowUp => ({ author: null, history: [], release: null, template: null });

/** The follow-up of the given lessons, keyed by lesson id (every id present, empty when nothing happened). */
export async function loadLessonFollowUps(db: Db, _grant: LessonGrant | LessonWriteGrant, lessons: readonly { lessonId: string; evaluationId: string }[]): Promise<Map<string, LessonFollowUp>> {
  const out = new Map(lessons.map((l) => [l.lessonId, empty()] as const));
  if (lessons.length === 0) return out;
  const ids = [...out.keys()];
  const evaluations = [...new Set(lessons.map((l) => l.evaluationId))];
  const [recorded, history, releases, templates] = await Promise.all([
    db.selectFrom('evaluation_event').select(['payload', 'actor_id']).where('evaluation_id', 'in', evaluations).where('type', '=', 'LessonRecorded').execute(),
    db.selectFrom('lesson_status_event').selectAll().where('lesson_id', 'in', ids).orderBy('lesson_id').orderBy('seq').execute(),
    db.selectFrom('lesson_release').selectAll().where('lesson_id', 'in', ids).execute(),
    db.selectFrom('lesson_template_link').selectAll().where('lesson_id', 'in', ids).execute(),
  ]);
  for (const r of recorded) {
    const f = out.get((JSON.parse(r.payload) as { lessonId: string }).lessonId);
    if (f) f.author = r.actor_id;
  }
  for (const h of history) {
    out.get(h.lesson_id)?.history.push({ seq: h.seq, status: h.status as learning.LessonStatus, note: h.note, reason: h.reason, by: h.actor_id, role: h.actor_role as Role, at: iso(h.occurred_at) });
  }
  for (const r of releases) {
    const f = out.get(r.lesson_id);
    const text = JSON.parse(r.content) as { title: string; finding: string; followUp: string };
    if (f) f.release = { classification: r.classification as Classification, ...text, releasedBy: r.released_by, releasedAt: iso(r.released_at) };
  }
  for (const t of templates) {
    const f = out.get(t.lesson_id);
    if (f) f.template = { templateId: t.template_id, version: t.template_version, linkedAt: iso(t.linked_at) };
  }
  return out;
}

const forLesson = (grant: LessonWriteGrant, lessonId: string, action: LessonWriteGrant['action']) => {
  if (grant.lessonId !== lessonId || grant.action !== action) throw new Error('the grant is for another lesson or action');
};

/** Appends a follow-up change; a writer that lost the race breaks the unique (lesson_id, seq). */
export async function insertLessonStatus(db: Db, grant: LessonWriteGrant, lessonId: string, change: Omit<learning.LessonStatusChange, 'at'>, at: Date): Promise<void> {
  forLesson(grant, lessonId, 'follow_up');
  await db
    .insertInto('lesson_status_event')
    .values({ lesson_id: lessonId, seq: change.seq, status: change.status, note: change.note, reason: change.reason, actor_id: change.by, actor_role: change.role, occurred_at: at })
    .execute();
}

/** Records the release of a lesson's text at a lower marking (one per lesson: the primary key). */
export async function insertLessonRelease(db: Db, grant: LessonWriteGrant, lessonId: string, release: learning.LessonRelease): Promise<void> {
  forLesson(grant, lessonId, 'release');
  const { title, finding, followUp } = release;
  await db
    .insertInto('lesson_release')
    .values({ lesson_id: lessonId, classification: release.classification, content: JSON.stringify({ title, finding, followUp }), released_by: release.releasedBy, released_at: release.releasedAt })
    .execute();
}

/** Links a lesson to the method template (id and version) it proposes to change. */
export async function insertLessonTemplateLink(db: Db, grant: LessonWriteGrant, lessonId: string, link: learning.TemplateLink, linkedBy: string): Promise<void> {
  forLesson(grant, lessonId, 'template');
  await db.insertInto('lesson_template_link').values({ lesson_id: lessonId, template_id: link.templateId, template_version: link.version, linked_by: linkedBy, linked_at: link.linkedAt }).execute();
}
