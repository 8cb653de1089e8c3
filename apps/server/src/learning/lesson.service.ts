import { fail, learning, LEARNING_ROLES, mayAdministerPolicy, ok, type assessment, type Result, type Role } from '@hoeder/domain';
import type { LessonStatusRequest, LessonTemplateLinkRequest, LessonView, PolicyDraftFromLesson, ReleaseLessonRequest, SharedLessonView } from '@hoeder/contracts';
import {
  appendPolicyHistory,
  findPolicyVersionInEffect,
  findPolicyVersionRow,
  insertLessonPolicyLink,
  insertLessonRelease,
  insertLessonStatus,
  insertLessonTemplateLink,
  insertPolicyVersion,
  listLessons,
  listPolicyVersions,
  loadLessonFollowUps,
  type Db,
  type LessonGrant,
} from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { lessonAccess } from '../platform/guard/learning-check';
import { lessonWrite, type LessonWriting } from '../platform/guard/lesson-check';
import { amsterdamDate, type PolicyStore } from '../policy/policy-store';
import { filesAsOf, lessonView, readableFiles, sharedLesson, type LessonFile } from './lesson-view';

const DRAFT_LEAD_DAYS = 30;
const FOLLOW_UP_ROLES: readonly Role[] = [...LEARNING_ROLES.manageLessons, ...LEARNING_ROLES.followUpOwnLesson];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function loadFiles(trx: Db, grant: LessonGrant, filter: { policyVersion?: string; lessonId?: string } = {}): Promise<LessonFile[]> {
  const lessons = await listLessons(trx, grant, filter);
  const followUps = await loadLessonFollowUps(trx, grant, lessons);
  return lessons.flatMap((lesson) => {
    const followUp = followUps.get(lesson.lessonId);
    return followUp ? [{ lesson, followUp }] : [];
  });
}

export interface LessonServiceDeps {
  guard: Guard;
  policies: PolicyStore;
  /** The method-template catalogue (shipped plus loaded): a lesson's template loop closes when a newer version is here. */
  templates?: readonly assessment.MethodTemplate[];
}

/**
 * The lessons shared across cases (issue 14, ADR 0030): the list shows what was learnt without the
 * case it came from, at each lesson's marking or through its release; the follow-up lifecycle;
 * the four-eyes release; and the loop to the rules — a policy draft or a method template.
 */
export function createLessonService({ guard, policies, templates = [] }: LessonServiceDeps) {
  const step = <T>(ctx: RequestContext, actor: AuthenticatedActor, lessonId: string, action: 'follow_up' | 'release' | 'template', run: (trx: Db, w: LessonWriting, note: (d: Record<string, unknown>) => void) => Promise<Result<T>>) =>
    guard.withAccess<LessonWriting, T>(ctx, actor, { operation: `lesson.${action}`, objectType: 'lesson', objectId: lessonId, check: lessonWrite(lessonId, action) }, ({ trx, grant, note }) => run(trx, grant, note));

  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor, asOf?: Date): Promise<Result<LessonView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'lesson.list', objectType: 'lesson', check: lessonAccess(false) }, async ({ trx, grant, note }) => {
        const all = await loadFiles(trx, grant);
        const shown = readableFiles(actor, asOf ? filesAsOf(all, asOf.toISOString()) : all);
        const policyStatus = new Map((await listPolicyVersions(trx)).map((v) => [v.version, v.status]));
        const today = amsterdamDate(asOf ?? ctx.now);
        note({ lessonIds: shown.map((f) => f.lesson.lessonId), released: shown.filter((f) => f.reading === 'released').map((f) => f.lesson.lessonId) });
        return ok(shown.map((f) => lessonView(actor, f, f.reading, { today, asOf: !!asOf, policyStatus, templates })));
      }),

    /** The lessons a policy version came from: administrators for drafts, policy readers once published. */
    ofPolicyVersion: (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<SharedLessonView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'lesson.of_policy', objectType: 'policy_version', objectId: version, check: lessonAccess(false) }, async ({ trx, grant, note }) => {
        const row = await findPolicyVersionRow(trx, version);
        if (!row || (row.status !== 'published' && !mayAdministerPolicy(actor))) return fail('NOT_FOUND', `no policy version ${version}`);
        const shown = readableFiles(actor, await loadFiles(trx, grant, { policyVersion: version })).map((f) => sharedLesson(f, f.reading));
        note({ lessonIds: shown.map((l) => l.lessonId) });
        return ok(shown);
      }),

    /** The owner or a lesson manager moves the follow-up on, with a note (and a reason when not adopted). */
    updateStatus: (ctx: RequestContext, actor: AuthenticatedActor, lessonId: string, body: LessonStatusRequest) =>
      step(ctx, actor, lessonId, 'follow_up', async (trx, w, note) => {
        const decided = learning.decideLessonStatus(w.followUp.history, body);
        if (!decided.ok) return decided;
        const role = actor.roles.find((r) => FOLLOW_UP_ROLES.includes(r)) ?? actor.roles[0]!;
        await insertLessonStatus(trx, w.write, lessonId, { ...decided.value, by: actor.userId, role }, ctx.now);
        note({ lessonId, from: learning.currentLessonStatus(w.followUp.history), to: decided.value.status });
        return ok({ lessonId, status: decided.value.status, seq: decided.value.seq });
      }),

    /** A second person, cleared for the lesson's marking, releases its checked text at a lower marking. */
    release: (ctx: RequestContext, actor: AuthenticatedActor, lessonId: string, body: ReleaseLessonRequest) =>
      step(ctx, actor, lessonId, 'release', async (trx, w, note) => {
        const decided = learning.decideLessonRelease({ classification: w.lesson.classification, author: w.followUp.author, released: !!w.followUp.release }, actor, body, w.markers);
        if (!decided.ok) return decided;
        const release = { classification: decided.value.classification, title: body.title, finding: body.finding, followUp: body.followUp, releasedBy: actor.userId, releasedAt: ctx.now.toISOString() };
        await insertLessonRelease(trx, w.write, lessonId, release);
        note({ lessonId, from: w.lesson.classification, to: release.classification, checkedNoCaseData: true });
        return ok({ lessonId, classification: release.classification });
      }),

    /** A policy administrator links a lesson to the method template (id and version) it proposes to change. */
    linkTemplate: (ctx: RequestContext, actor: AuthenticatedActor, lessonId: string, body: LessonTemplateLinkRequest) =>
      step(ctx, actor, lessonId, 'template', async (trx, w, note) => {
        const decided = learning.decideTemplateLink({ ...w.lesson, template: w.followUp.template }, body, templates);
        if (!decided.ok) return decided;
        await insertLessonTemplateLink(trx, w.write, lessonId, { ...decided.value, linkedAt: ctx.now.toISOString() }, actor.userId);
        note({ lessonId, templateId: decided.value.templateId, version: decided.value.version });
        return ok({ lessonId, templateId: decided.value.templateId, version: decided.value.version });
      }),

    /**
     * Opens the policy draft of a lesson: the one it is linked to, or a new draft (a copy of the
     * version in effect, under the next free version name) linked to it now. Publication then
     * follows the policy's own four-eyes lifecycle.
     */
    openPolicyDraft: async (ctx: RequestContext, actor: AuthenticatedActor, lessonId: string): Promise<Result<PolicyDraftFromLesson>> => {
      await policies.ensureShipped();
      return guard.withAccess<LessonGrant, PolicyDraftFromLesson>(ctx, actor, { operation: 'lesson.policy_draft', objectType: 'lesson', objectId: lessonId, check: lessonAccess(true) }, async ({ trx, grant, note }) => {
        const [file] = readableFiles(actor, await loadFiles(trx, grant, { lessonId }));
        if (!file) return fail('NOT_FOUND', 'lesson not found');
        const { lesson } = file;
        const today = amsterdamDate(ctx.now);
        const versions = (await listPolicyVersions(trx)).map((v) => v.version);
        const plan = learning.planPolicyLink({ ...lesson, templateLinked: !!file.followUp.template }, undefined, versions, Number(today.slice(0, 4)));
        if (!plan.ok) return plan;
        if (plan.value.kind === 'existing') return ok({ version: plan.value.version, created: false });
        const base = await findPolicyVersionInEffect(trx, today);
        if (!base) return fail('RULE_VIOLATION', 'no policy version is in effect to start a draft from');
        const { version } = plan.value;
        const effectiveFrom = addDays(today, DRAFT_LEAD_DAYS);
        const summary = `Naar aanleiding van les: ${sharedLesson(file, file.reading).title}`.slice(0, 1000);
        await insertPolicyVersion(trx, { version, effectiveFrom, summary, status: 'draft', xml: base.xml, origin: 'authored', authorId: actor.userId, at: ctx.now });
        await appendPolicyHistory(trx, { version, revision: 1, action: 'created', actorId: actor.userId, at: ctx.now, effectiveFrom, xml: base.xml, note: `lesson ${lessonId}` });
        await insertLessonPolicyLink(trx, grant, { lessonId, policyVersion: version, linkedBy: actor.userId, linkedAt: ctx.now });
        note({ lessonId, policyVersion: version, basedOn: base.version });
        return ok({ version, created: true });
      });
    },
  };
}

export type LessonService = ReturnType<typeof createLessonService>;
