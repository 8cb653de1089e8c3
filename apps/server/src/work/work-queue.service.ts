import { assessment, CASE_QUEUES, caseQueues, learning, ok, projectCase, readableIncidentTriggers, type CaseQueueDefinition, type CaseWorkFacts, type Result, type Role } from '@hoeder/domain';
import type { WorkItem, WorkQueuesResponse } from '@hoeder/contracts';
import { loadAssessmentEvents, loadCaseStreams, loadIncidentTriggers, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Access, Guard, Scope } from '../platform/guard/guard';
import { workQueues, type WorkSet } from '../platform/guard/work-check';

/**
 * A queue over records other than the case summary (e.g. assignments to acknowledge, objections
 * with a deadline): one entry in the `sources` list of the service. Its check lives in the guard
 * folder like any other, so reading it is checked and audited; `collect` returns the actor's items.
 */
export interface WorkQueueSource<G = unknown> {
  id: string;
  roles: readonly Role[];
  access: Omit<Access<G>, 'operation'>;
  collect: (scope: Scope<G>, actor: AuthenticatedActor, now: Date) => Promise<WorkItem[]>;
}

/** Who proposed each pending decision, from the streams the grant covers. */
async function pendingProposers(trx: Db, set: WorkSet): Promise<Map<string, string>> {
  const streams = await loadCaseStreams(trx, set.pendingDecisions);
  const proposers = new Map<string, string>();
  for (const [caseId, events] of streams) {
    const proposedBy = projectCase(events)?.pendingDecision?.proposedBy;
    if (proposedBy) proposers.set(caseId, proposedBy);
  }
  return proposers;
}

type DafFacts = Pick<CaseWorkFacts, 'reassessmentDue' | 'challenge'>;

/** Re-assessment and the version in challenge, from the DAF records the grant covers. */
async function dafFacts(trx: Db, set: WorkSet, now: Date, reader: AuthenticatedActor): Promise<Map<string, DafFacts>> {
  const streams = await loadAssessmentEvents(trx, set.dafRecords);
  // The incident trigger (issue 14): id and moment of the incidents the reader is cleared for.
  const triggers = readableIncidentTriggers(reader, await loadIncidentTriggers(trx, set.dafRecords));
  const facts = new Map<string, DafFacts>();
  for (const [caseId, events] of streams) {
    const state = assessment.projectAssessment(events);
    const open = state && assessment.openVersion(state);
    const inChallenge = open?.status === 'in_challenge' ? open : undefined;
    facts.set(caseId, {
      reassessmentDue: assessment.reassessmentDue(state, now.toISOString(), { incidents: learning.reassessmentIncidents(triggers.filter((t) => t.caseId === caseId)) }).due,
      challenge: inChallenge && {
        authorId: inChallenge.authorId,
        reviewedBy: inChallenge.challenges.filter((c) => c.revision === inChallenge.revision).map((c) => c.reviewerId),
      },
    });
  }
  return facts;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * "Voor mij" (issue 13): the work waiting for the user, per queue, through the guarded layer.
 * The case queues are the domain's registry (`CASE_QUEUES`); other records add a `source`.
 */
export function createWorkQueueService({ guard, definitions = CASE_QUEUES, sources = [] }: { guard: Guard; definitions?: readonly CaseQueueDefinition[]; sources?: readonly WorkQueueSource[] }) {
  const caseWork = (ctx: RequestContext, actor: AuthenticatedActor) =>
    guard.withAccess(ctx, actor, { operation: 'work.queues', objectType: 'case', check: workQueues(definitions) }, async ({ trx, grant, note }) => {
      const proposers = await pendingProposers(trx, grant);
      const daf = await dafFacts(trx, grant, ctx.now, actor);
      const facts: CaseWorkFacts[] = grant.cases.map(({ row, sections }) => ({
        caseId: row.caseId,
        reference: row.reference,
        phase: row.phase,
        reviewDate: row.reviewDate,
        updatedAt: row.updatedAt,
        sections,
        pendingProposedBy: proposers.get(row.caseId),
        ...daf.get(row.caseId),
      }));
      const queues = caseQueues(actor, facts, today(ctx.now), definitions);
      note({ caseIds: [...new Set(queues.flatMap((q) => q.items.map((i) => i.caseId)))] });
      return ok(queues);
    });

  const sourceWork = async (ctx: RequestContext, actor: AuthenticatedActor, source: WorkQueueSource) =>
    guard.withAccess(ctx, actor, { ...source.access, operation: `work.queue.${source.id}` }, async (scope) => {
      const items = await source.collect(scope, actor, ctx.now);
      scope.note({ caseIds: items.map((i) => i.caseId) });
      return ok({ queueId: source.id, items });
    });

  return {
    /** Whether the actor's roles have any queue at all (the notifier asks only those). */
    hasQueues: (actor: Pick<AuthenticatedActor, 'roles'>): boolean =>
      definitions.some((d) => d.roles.some((r) => actor.roles.includes(r))) || sources.some((s) => s.roles.some((r) => actor.roles.includes(r))),

    queues: async (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<WorkQueuesResponse>> => {
      const fromCases = await caseWork(ctx, actor);
      if (!fromCases.ok) return fromCases;
      const queues = [...fromCases.value];
      for (const source of sources.filter((s) => s.roles.some((r) => actor.roles.includes(r)))) {
        const result = await sourceWork(ctx, actor, source);
        if (!result.ok) return result;
        queues.push(result.value);
      }
      const views = queues.map((q) => ({ queueId: q.queueId, count: q.items.length, items: q.items }));
      return ok({ total: views.reduce((n, q) => n + q.count, 0), queues: views });
    },
  };
}

export type WorkQueueService = ReturnType<typeof createWorkQueueService>;
