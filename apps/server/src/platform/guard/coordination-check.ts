import {
  classificationRank,
  COORDINATION_COMMAND_ROLES,
  COORDINATION_FLOOR,
  COORDINATION_READ_ROLES,
  readsCoordination,
  type Classification,
  type CoordinationCommandType,
} from '@hoeder/domain';
import { listCaseSummaries, type CaseReadGrant, type CaseSummaryRow, type CoordinationReadGrant, type CoordinationWriteGrant, type Db } from '@hoeder/db';
import { mintCaseRead, mintCoordinationRead, mintCoordinationWrite } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, visibleCases, type CaseAccess } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

/**
 * Need-to-know for the coordination record of a case (issue 14, ADR 0025): the crown-witness track,
 * the NCTV–OM consultations and the weighings. The record is reached by the roles of
 * COORDINATION_READ_ROLES on the case's team (or oversight); each entry is then filtered on its
 * own marking by the service (originator control). Executing units and the advisory body never
 * reach it: they are not in the list, whatever an entry's marking says.
 */

export interface CoordinationReading {
  read: CoordinationReadGrant;
  access: CaseAccess;
  /**
   * The case stream for its persons and the measures of the decision in force. The measures are
   * used only to compute the gate (which required measure is active), never shown as such.
   */
  caseFacts: CaseReadGrant;
  member: boolean;
}

const factsGrant = (caseId: string, access: CaseAccess) => mintCaseRead(caseId, new Set(['persons', 'measures']), access.memberOf.has(caseId) ? 'member' : 'oversight');

/** Reading the record: a hidden case, and a case whose record the actor's role does not reach, are the same 404. */
export const coordinationRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CoordinationReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !readsCoordination(actor, caseId, access.memberOf)) return hidden();
    return {
      ok: true,
      grant: { read: mintCoordinationRead([caseId]), access, caseFacts: factsGrant(caseId, access), member: access.memberOf.has(caseId) },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
    };
  };

export interface CoordinationWriting extends CoordinationReading {
  write: CoordinationWriteGrant;
  classification: Classification;
}

/**
 * Recording in the record: a member of the case's team in a role the command allows, cleared for
 * the record's floor (nobody writes what they may not read). A hidden case is a 404, a visible one
 * the actor may not write to a 403.
 */
export const coordinationWrite =
  (caseId: string, command: CoordinationCommandType) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CoordinationWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    const classification = access.summary.classification as Classification;
    const member = access.memberOf.has(caseId) && !access.breakGlass;
    const role = actor.roles.some((r) => COORDINATION_COMMAND_ROLES[command].includes(r));
    const cleared = classificationRank(actor.clearance) >= Math.max(classificationRank(classification), classificationRank(COORDINATION_FLOOR));
    if (!member || !role || !cleared) return forbidden(`your role may not ${command} on this case`, purpose);
    return {
      ok: true,
      grant: { read: mintCoordinationRead([caseId]), write: mintCoordinationWrite(caseId), access, caseFacts: factsGrant(caseId, access), member: true, classification },
      purpose,
    };
  };

/**
 * The OM's and the authority's work list: of the cases the actor sees, those whose record their
 * role reaches (membership, not break-glass; oversight sees all). Summaries only, no personal data.
 */
export const coordinationCaseList =
  () =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<{ read: CoordinationReadGrant; rows: CaseSummaryRow[] }>> => {
    const purpose = 'protection.case_handling';
    if (!actor.roles.some((r) => COORDINATION_READ_ROLES.includes(r))) return forbidden('your role does not work with the coordination record', purpose);
    const memberOf = new Set((await listCaseSummaries(trx, { memberUserId: actor.userId })).map((c) => c.caseId));
    const rows = (await visibleCases(trx, actor, now)).filter((c) => readsCoordination(actor, c.caseId, memberOf));
    return { ok: true, grant: { read: mintCoordinationRead(rows.map((r) => r.caseId)), rows }, purpose, details: { cases: rows.length } };
  };
