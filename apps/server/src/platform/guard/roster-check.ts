import { mayPlanRosters, rosterReach } from '@hoeder/domain';
import type { Db, RosterReadGrant, RosterWriteGrant } from '@hoeder/db';
import { mintRosterRead, mintRosterWrite } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, type Checked } from './guard';

const PLANNING = 'protection.execution_planning';

/**
 * Planning rosters (ADR 0019): starting, following and cancelling runs, publishing and replanning
 * are the LCC coordinator's.
 */
export const rosterPlanning =
  () =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<RosterWriteGrant>> =>
    mayPlanRosters(actor) ? { ok: true, grant: mintRosterWrite(actor.userId), purpose: PLANNING } : forbidden('planning rosters is for the LCC coordinator', PLANNING);

/**
 * Reading rosters: the LCC every version and row; a unit lead the published versions, and of them
 * only their own unit's officers and posts (filtered by the views with the grant's scope).
 */
export const rosterReading =
  () =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<RosterReadGrant>> => {
    const reach = rosterReach(actor, actor.unitId ?? null);
    if (reach.kind === 'none') return forbidden('rosters are for the LCC coordinator and the unit leads', PLANNING);
    return { ok: true, grant: mintRosterRead(reach.kind === 'all' ? { kind: 'all' } : { kind: 'unit', unitId: reach.unitId }, reach.kind !== 'all'), purpose: PLANNING };
  };

/**
 * The grant behind a replan job (ADR 0027): the replan was requested by an LCC coordinator through
 * `rosterPlanning` in the request, which checked and audited it; the worker writes the new version
 * under that request, as its requester.
 */
export const replanJobGrant = (requestedBy: string): RosterWriteGrant => mintRosterWrite(requestedBy);
