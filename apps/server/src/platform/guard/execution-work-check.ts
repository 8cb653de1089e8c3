import type { AssignmentGrant, AssignmentRef, Db, RosterReadGrant } from '@hoeder/db';
import { mintAssignment } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { assignmentInbox, unitAssignments } from './assignment-check';
import type { Checked } from './guard';
import { rosterReading } from './roster-check';

const PURPOSE = 'protection.execution';

export interface AssignmentWork {
  grant: AssignmentGrant;
  refs: AssignmentRef[];
}

/** The LCC's execution queues: the inbox's reach (every assignment, clearance per case). */
export const lccAssignmentWork = assignmentInbox;

/**
 * A unit lead's execution queues: the assignments tasked to their own unit (the same reach as
 * "Mijn opdrachten"). A lead not (yet) placed in a unit has an empty queue, not a refusal, so the
 * rest of "Voor mij" still answers.
 */
export const unitAssignmentWork =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<AssignmentWork>> => {
    if (!actor.unitId) return { ok: true, grant: { grant: mintAssignment([], { concepts: false, write: false }), refs: [] }, purpose: PURPOSE };
    return unitAssignments()(trx, actor);
  };

/** The shortfall queue: the unit's assignments and its published rosters, each under its own check. */
export const unitShortfallWork =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<AssignmentWork & { roster: RosterReadGrant | null }>> => {
    const work = await unitAssignmentWork()(trx, actor);
    if (!work.ok || !actor.unitId) return work.ok ? { ...work, grant: { ...work.grant, roster: null } } : work;
    const roster = await rosterReading()(trx, actor);
    if (!roster.ok) return roster;
    return { ok: true, grant: { ...work.grant, roster: roster.grant }, purpose: PURPOSE, details: work.details };
  };
