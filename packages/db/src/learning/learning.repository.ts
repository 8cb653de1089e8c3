import type { Classification, learning, Organisation } from '@hoeder/domain';
import type { CaseSetGrant, DafReadGrant, LearningReadGrant, LearningWriteGrant, LessonGrant } from '../access/grants';
import type { Db } from '../schema';

type IncidentRecord = learning.IncidentRecord;
type RecordedEvaluationEvent = learning.RecordedEvaluationEvent;
type LessonRecord = learning.LessonRecord;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Records an incident; never changed afterwards. */
export async function insertIncident(db: Db, grant: LearningWriteGrant, incident: IncidentRecord, recordedRole: string): Promise<void> {
  if (grant.caseId !== incident.caseId) throw new Error('the grant is for another case');
  await db
    .insertInto('incident')
    .values({
      incident_id: incident.incidentId,
      case_id: incident.caseId,
      kind: incident.kind,
      occurred_at: incident.occurredAt,
      description: incident.description,
      location: incident.location,
      classification: incident.marking.classification,
      originator: incident.marking.originator,
      recorded_by: incident.recordedBy,
      recorded_role: recordedRole,
      recorded_at: incident.recordedAt,
    })
    .execute();
}

/** The incidents of the granted cases, oldest first (the caller filters each one's marking). */
export async function loadIncidents(db: Db, grant: LearningReadGrant | LearningWriteGrant, caseIds: readonly string[]): Promise<IncidentRecord[]> {
  const allowed = caseIds.filter((id) => ('caseId' in grant ? grant.caseId === id : grant.caseIds.has(id)));
  if (allowed.length === 0) return [];
  const rows = await db.selectFrom('incident').selectAll().where('case_id', 'in', allowed).orderBy('occurred_at').orderBy('incident_id').execute();
  return rows.map((r) => ({
    incidentId: r.incident_id,
    caseId: r.case_id,
    kind: r.kind as learning.IncidentKind,
    occurredAt: iso(r.occurred_at),
    description: r.description,
    location: r.location,
    marking: { classification: r.classification as Classification, originator: r.originator as Organisation },
    recordedBy: r.recorded_by,
    recordedAt: iso(r.recorded_at),
  }));
}

/** Every event of the evaluations of the granted cases, per evaluation, in order. */
export async function loadEvaluationStreams(db: Db, grant: LearningReadGrant | LearningWriteGrant, caseId: string): Promise<Map<string, RecordedEvaluationEvent[]>> {
  const allowed = 'caseId' in grant ? grant.caseId === caseId : grant.caseIds.has(caseId);
  const streams = new Map<string, RecordedEvaluationEvent[]>();
  if (!allowed) return streams;
  const rows = await db.selectFrom('evaluation_event').selectAll().where('case_id', '=', caseId).orderBy('occurred_at').orderBy('evaluation_id').orderBy('version').execute();
  for (const r of rows) {
    const events = streams.get(r.evaluation_id) ?? [];
    events.push({ version: r.version, body: JSON.parse(r.payload) as learning.EvaluationEvent, actor: r.actor_id, occurredAt: iso(r.occurred_at) });
    streams.set(r.evaluation_id, events);
  }
  return streams;
}

/**
 * Appends evaluation events after `expectedVersion`; a writer that lost the race breaks the
 * unique (evaluation_id, version) constraint, which the guard turns into a conflict.
 */
export async function appendEvaluationEvents(
  db: Db,
  grant: LearningWriteGrant,
  evaluationId: string,
  expectedVersion: number,
  events: readonly learning.EvaluationEvent[],
  actor: { id: string; role: string },
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('evaluation_event')
    .values(events.map((e, i) => ({ evaluation_id: evaluationId, case_id: grant.caseId, version: expectedVersion + i + 1, type: e.type, payload: JSON.stringify(e), actor_id: actor.id, actor_role: actor.role, occurred_at: at })))
    .execute();
}

/** Records a lesson for sharing, with the case it came from kept in its own column (never shown in the list). */
export async function insertLesson(db: Db, grant: LearningWriteGrant, lesson: Omit<LessonRecord, 'policyVersion' | 'linkedAt'>): Promise<void> {
  if (grant.caseId !== lesson.caseId) throw new Error('the grant is for another case');
  const { evaluationId, caseId, trigger, classification, originator, recordedAt, ...content } = lesson;
  await db
    .insertInto('lesson')
    .values({ lesson_id: lesson.lessonId, evaluation_id: evaluationId, case_id: caseId, trigger, content: JSON.stringify(content), classification, originator, recorded_at: recordedAt })
    .execute();
}

const lessonQuery = (db: Db) =>
  db
    .selectFrom('lesson as l')
    .leftJoin('lesson_policy_link as k', 'k.lesson_id', 'l.lesson_id')
    .selectAll('l')
    .select(['k.policy_version', 'k.linked_at']);

type LessonRow = Awaited<ReturnType<ReturnType<typeof lessonQuery>['execute']>>[number];

const toLesson = (r: LessonRow): LessonRecord => ({
  ...(JSON.parse(r.content) as learning.LessonContent),
  lessonId: r.lesson_id,
  evaluationId: r.evaluation_id,
  caseId: r.case_id,
  trigger: r.trigger as learning.EvaluationTrigger,
  classification: r.classification as Classification,
  originator: r.originator as Organisation,
  recordedAt: iso(r.recorded_at),
  policyVersion: r.policy_version ?? null,
  linkedAt: r.linked_at ? iso(r.linked_at) : null,
});

/** The lessons of one case's evaluations (the case view). */
export async function loadCaseLessons(db: Db, grant: LearningReadGrant | LearningWriteGrant, caseId: string): Promise<LessonRecord[]> {
  const allowed = 'caseId' in grant ? grant.caseId === caseId : grant.caseIds.has(caseId);
  if (!allowed) return [];
  return (await lessonQuery(db).where('l.case_id', '=', caseId).orderBy('l.recorded_at').execute()).map(toLesson);
}

/** Every lesson, newest first, or those linked to one policy version. The caller shares them without case data. */
export async function listLessons(db: Db, _grant: LessonGrant, filter: { policyVersion?: string; lessonId?: string } = {}): Promise<LessonRecord[]> {
  let query = lessonQuery(db);
  if (filter.policyVersion) query = query.where('k.policy_version', '=', filter.policyVersion);
  if (filter.lessonId) query = query.where('l.lesson_id', '=', filter.lessonId);
  return (await query.orderBy('l.recorded_at', 'desc').execute()).map(toLesson);
}

/** Links a lesson to a policy draft; false when it was linked already (one draft per lesson). */
export async function insertLessonPolicyLink(db: Db, grant: LessonGrant, link: { lessonId: string; policyVersion: string; linkedBy: string; linkedAt: Date }): Promise<boolean> {
  if (!grant.link) throw new Error('the grant does not link lessons');
  const inserted = await db
    .insertInto('lesson_policy_link')
    .values({ lesson_id: link.lessonId, policy_version: link.policyVersion, linked_by: link.linkedBy, linked_at: link.linkedAt })
    .onConflict((oc) => oc.column('lesson_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The incident trigger of the DAF re-assessment (issue 14): for the DAF records a grant covers,
 * each incident's id, moment and marking — never its content. Reading a DAF record is the basis;
 * the caller still drops the incidents whose marking the reader is not cleared for.
 */
export async function loadIncidentTriggers(
  db: Db,
  grant: DafReadGrant | CaseSetGrant,
): Promise<{ caseId: string; incidentId: string; occurredAt: string; classification: Classification; originator: Organisation }[]> {
  const caseIds = 'caseIds' in grant ? [...grant.caseIds] : [grant.caseId];
  if (caseIds.length === 0) return [];
  const rows = await db.selectFrom('incident').select(['case_id', 'incident_id', 'occurred_at', 'classification', 'originator']).where('case_id', 'in', caseIds).orderBy('occurred_at').execute();
  return rows.map((r) => ({ caseId: r.case_id, incidentId: r.incident_id, occurredAt: iso(r.occurred_at), classification: r.classification as Classification, originator: r.originator as Organisation }));
}
