import { fail, learning, mayAdministerPolicy, ok, readableLessons, type Result } from '@hoeder/domain';
import type { PolicyDraftFromLesson, SharedLessonView } from '@hoeder/contracts';
import { appendPolicyHistory, findPolicyVersionInEffect, findPolicyVersionRow, insertLessonPolicyLink, insertPolicyVersion, listLessons, listPolicyVersions, type LessonGrant } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { lessonAccess } from '../platform/guard/learning-check';
import { amsterdamDate, type PolicyStore } from '../policy/policy-store';

const DRAFT_LEAD_DAYS = 30;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The lessons shared across cases (issue 14): the list shows what was learnt without the case it
 * came from (`shareableLesson`), at each lesson's marking; a policy administrator opens a policy
 * draft from a lesson that asks for a rule change, and the draft shows the lessons it came from.
 */
export function createLessonService({ guard, policies }: { guard: Guard; policies: PolicyStore }) {
  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor, asOf?: Date): Promise<Result<SharedLessonView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'lesson.list', objectType: 'lesson', check: lessonAccess(false) }, async ({ trx, grant, note }) => {
        const all = await listLessons(trx, grant);
        const known = asOf ? learning.lessonsAsOf(all, asOf.toISOString()) : all;
        const shown = readableLessons(actor, known).map(learning.shareableLesson);
        note({ lessonIds: shown.map((l) => l.lessonId) });
        return ok(shown);
      }),

    /** The lessons a policy version came from: administrators for drafts, policy readers once published. */
    ofPolicyVersion: (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<SharedLessonView[]>> =>
      guard.withAccess(ctx, actor, { operation: 'lesson.of_policy', objectType: 'policy_version', objectId: version, check: lessonAccess(false) }, async ({ trx, grant, note }) => {
        const row = await findPolicyVersionRow(trx, version);
        if (!row || (row.status !== 'published' && !mayAdministerPolicy(actor))) return fail('NOT_FOUND', `no policy version ${version}`);
        const shown = readableLessons(actor, await listLessons(trx, grant, { policyVersion: version })).map(learning.shareableLesson);
        note({ lessonIds: shown.map((l) => l.lessonId) });
        return ok(shown);
      }),

    /**
     * Opens the policy draft of a lesson: the one it is linked to, or a new draft (a copy of the
     * version in effect, under the next free version name) linked to it now. Publication then
     * follows the policy's own four-eyes lifecycle.
     */
    openPolicyDraft: async (ctx: RequestContext, actor: AuthenticatedActor, lessonId: string): Promise<Result<PolicyDraftFromLesson>> => {
      await policies.ensureShipped();
      return guard.withAccess<LessonGrant, PolicyDraftFromLesson>(ctx, actor, { operation: 'lesson.policy_draft', objectType: 'lesson', objectId: lessonId, check: lessonAccess(true) }, async ({ trx, grant, note }) => {
        const [lesson] = readableLessons(actor, await listLessons(trx, grant, { lessonId }));
        if (!lesson) return fail('NOT_FOUND', 'lesson not found');
        const today = amsterdamDate(ctx.now);
        const versions = (await listPolicyVersions(trx)).map((v) => v.version);
        const plan = learning.planPolicyLink(lesson, undefined, versions, Number(today.slice(0, 4)));
        if (!plan.ok) return plan;
        if (plan.value.kind === 'existing') return ok({ version: plan.value.version, created: false });
        const base = await findPolicyVersionInEffect(trx, today);
        if (!base) return fail('RULE_VIOLATION', 'no policy version is in effect to start a draft from');
        const { version } = plan.value;
        const effectiveFrom = addDays(today, DRAFT_LEAD_DAYS);
        const summary = `Naar aanleiding van les: ${lesson.title}`.slice(0, 1000);
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
