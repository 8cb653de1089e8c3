import { assignmentStatus, EXECUTION_QUEUES, executionQueueItems, unacknowledged, unitShortPosts, type AssignmentState, type AssignmentWorkFacts, type ExecutionQueueDefinition, type RosterPostRef } from '@hoeder/domain';
import type { WorkItem } from '@hoeder/contracts';
import { findRosterVersion, findUnit, listRosterVersions, loadAssignmentStates, type AssignmentRef, type Db, type RosterReadGrant } from '@hoeder/db';
import type { AuthenticatedActor } from '../platform/actor';
import { lccAssignmentWork, unitAssignmentWork, unitShortfallWork, type AssignmentWork } from '../platform/guard/execution-work-check';
import type { PlanningInput } from '../planning/planning-input';
import type { RosterPlan } from '../planning/roster-document';
import type { WorkQueueSource } from './work-queue.service';

interface RosterShortfalls {
  posts: RosterPostRef[];
  short: Set<string>;
}

/**
 * A roster version never changes once stored (a replan is a new version), so what a queue needs of
 * it (post ids, cases, unit kinds, which posts are short: no personal data) is kept per version id.
 */
const shortfallCache = new Map<string, RosterShortfalls>();
const CACHE_VERSIONS = 8;

async function latestPublishedShortfalls(trx: Db, grant: RosterReadGrant): Promise<RosterShortfalls | undefined> {
  const latest = (await listRosterVersions(trx, grant, 20)).find((v) => v.publishedAt !== null);
  if (!latest) return undefined;
  const cached = shortfallCache.get(latest.versionId);
  if (cached) return cached;
  const v = await findRosterVersion(trx, grant, latest.versionId);
  if (!v) return undefined;
  const [input, plan] = [JSON.parse(v.input) as PlanningInput, JSON.parse(v.plan) as RosterPlan];
  const found = {
    posts: input.problem.posts.map((p) => ({ postId: p.id, caseId: input.posts[p.id]?.caseId ?? null, allowedUnitKinds: p.allowedUnitKinds ?? [] })),
    short: new Set(plan.shortfalls.map((s) => s.postId)),
  };
  if (shortfallCache.size >= CACHE_VERSIONS) shortfallCache.delete(shortfallCache.keys().next().value!);
  shortfallCache.set(latest.versionId, found);
  return found;
}

/** The facts of the granted assignments; `unitId` is the reader's unit (a lead), else null (the LCC). */
async function assignmentFacts(trx: Db, work: AssignmentWork, unitId: string | null, shortPosts: ReadonlyMap<string, number> = new Map()): Promise<AssignmentWorkFacts[]> {
  const refs = new Map<string, AssignmentRef>(work.refs.map((r) => [r.assignmentId, r]));
  const states: AssignmentState[] = await loadAssignmentStates(trx, work.grant);
  return states.flatMap((s) => {
    const ref = refs.get(s.assignmentId);
    if (!ref) return [];
    const waiting = unacknowledged(s);
    return [{
      assignmentId: s.assignmentId,
      caseId: s.caseId,
      reference: ref.reference,
      status: assignmentStatus(s),
      updatedAt: ref.updatedAt,
      unacknowledgedUnits: unitId ? 0 : waiting.length,
      ownUnitWaitingSince: unitId ? (waiting.find((w) => w.unitId === unitId)?.waitingSince ?? null) : null,
      shortPosts: shortPosts.get(s.caseId) ?? 0,
    }];
  });
}

const toWorkItems = (definition: ExecutionQueueDefinition, facts: AssignmentWorkFacts[]): WorkItem[] =>
  executionQueueItems(definition, facts).map((i) => ({ queueId: i.queueId, caseId: i.caseId, reference: i.reference, phase: null, dueOn: null, updatedAt: i.updatedAt, assignmentId: i.assignmentId, count: i.count }));

const AUDIT = { objectType: 'security_assignment', processingActivity: 'protection.execution' };

/**
 * One source per queue definition. The registry holds sources of any grant type; each source's
 * check and collect agree on theirs, hence the widening casts at the end.
 */
function sourceOf(definition: ExecutionQueueDefinition): WorkQueueSource {
  const lcc = definition.roles.includes('lcc_coordinator');
  if (definition.reads === 'roster') {
    return {
      id: definition.id,
      roles: definition.roles,
      access: { ...AUDIT, check: unitShortfallWork() },
      collect: async ({ trx, grant }, actor: AuthenticatedActor) => {
        const unit = actor.unitId ? await findUnit(trx, actor.unitId) : undefined;
        const roster = grant.roster && unit ? await latestPublishedShortfalls(trx, grant.roster) : undefined;
        if (!roster || !unit) return [];
        const perCase = unitShortPosts(roster.posts, roster.short, unit.kind, new Set(grant.refs.filter((r) => r.live).map((r) => r.caseId)));
        return toWorkItems(definition, await assignmentFacts(trx, grant, unit.unitId, perCase));
      },
    } as WorkQueueSource<AssignmentWork & { roster: RosterReadGrant | null }> as WorkQueueSource;
  }
  return {
    id: definition.id,
    roles: definition.roles,
    access: { ...AUDIT, check: lcc ? lccAssignmentWork() : unitAssignmentWork() },
    collect: async ({ trx, grant }, actor: AuthenticatedActor) => toWorkItems(definition, await assignmentFacts(trx, grant, lcc ? null : (actor.unitId ?? null))),
  } as WorkQueueSource<AssignmentWork> as WorkQueueSource;
}

/** The execution queues (issue 11) as sources of "Voor mij": the LCC's and the unit leads'. */
export const executionWorkSources = (definitions: readonly ExecutionQueueDefinition[] = EXECUTION_QUEUES): WorkQueueSource[] => definitions.map(sourceOf);
