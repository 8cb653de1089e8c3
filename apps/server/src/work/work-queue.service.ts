import { assessment, CASE_QUEUES, caseQueues, learning, ok, projectCase, readableIncidentTriggers, type CaseQueueDefinition, type CaseWorkFacts, type Result, type Role } from '@hoeder/domain';
import type { WorkItem, WorkQueuesResponse } from '@hoeder/contracts';
import { loadAssessmentEvents, loadCaseStreams, loadIncidentTriggers, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Access, Checked, Guard, Scope } from '../platform/guard/guard';
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

/** What one "Voor mij" read holds: the case work and, per source of the actor's roles, its own grant. */
interface QueueReadGrant {
  work: WorkSet;
  sources: { source: WorkQueueSource; grant: unknown; purpose: string; details?: Record<string, unknown> }[];
}

/**
 * The check of one "Voor mij" read: the case queues' check, then each source's own check (from the
 * guard folder) in turn; the first refusal refuses the read, as a separate read would have been.
 */
const queueRead =
  (definitions: readonly CaseQueueDefinition[], sources: readonly WorkQueueSource[]) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<QueueReadGrant>> => {
    const work = await workQueues(definitions)(trx, actor);
    if (!work.ok) return work;
    const granted: QueueReadGrant['sources'] = [];
    for (const source of sources) {
      const checked = await source.access.check(trx, actor, now);
      if (!checked.ok) return { ...checked, purpose: checked.purpose ?? source.access.processingActivity };
      granted.push({ source, grant: checked.grant, purpose: checked.purpose, ...(checked.details ? { details: checked.details } : {}) });
    }
    return { ok: true, grant: { work: work.grant, sources: granted }, purpose: work.purpose };
  };

/**
 * "Voor mij" (issue 13): the work waiting for the user, per queue, through the guarded layer.
 * The case queues are the domain's registry (`CASE_QUEUES`); other records add a `source`.
 * One read is one access and one audit entry (ADR 0007, 0010): its details name every queue read,
 * each with its purpose and the cases it served, so the need-to-know evidence stays per source.
 */
export function createWorkQueueService({ guard, definitions = CASE_QUEUES, sources = [] }: { guard: Guard; definitions?: readonly CaseQueueDefinition[]; sources?: readonly WorkQueueSource[] }) {
  const caseWork = async (ctx: RequestContext, actor: AuthenticatedActor, { trx, grant }: { trx: Db; grant: WorkSet }) => {
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
    return caseQueues(actor, facts, today(ctx.now), definitions);
  };

  const served = (items: readonly WorkItem[]) => [...new Set(items.map((i) => i.caseId))];

  return {
    /** Whether the actor's roles have any queue at all (the notifier asks only those). */
    hasQueues: (actor: Pick<AuthenticatedActor, 'roles'>): boolean =>
      definitions.some((d) => d.roles.some((r) => actor.roles.includes(r))) || sources.some((s) => s.roles.some((r) => actor.roles.includes(r))),

    queues: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<WorkQueuesResponse>> => {
      const mine = sources.filter((s) => s.roles.some((r) => actor.roles.includes(r)));
      return guard.withAccess(ctx, actor, { operation: 'work.queues', objectType: 'case', check: queueRead(definitions, mine) }, async (scope) => {
        const queues: { queueId: string; items: WorkItem[] }[] = [...(await caseWork(ctx, actor, { trx: scope.trx, grant: scope.grant.work }))];
        const read: Record<string, unknown>[] = [];
        for (const { source, grant, purpose, details } of scope.grant.sources) {
          const noted: Record<string, unknown> = { ...details };
          const items = await source.collect({ ...scope, grant, note: (d) => Object.assign(noted, d) }, actor, ctx.now);
          queues.push({ queueId: source.id, items });
          read.push({ queueId: source.id, objectType: source.access.objectType, purpose, ...noted, caseIds: served(items) });
        }
        scope.note({ caseIds: served(queues.flatMap((q) => q.items)), sources: read });
        const views = queues.map((q) => ({ queueId: q.queueId, count: q.items.length, items: q.items }));
        return ok({ total: views.reduce((n, q) => n + q.count, 0), queues: views });
      });
    },
  };
}

export type WorkQueueService = ReturnType<typeof createWorkQueueService>;
