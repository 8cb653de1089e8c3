import { AGENDA_WRITE_ROLES, type Classification } from '@hoeder/domain';
import type { AgendaReadGrant, AgendaWriteGrant, CaseReadGrant, Db } from '@hoeder/db';
import { mintAgendaRead, mintAgendaWrite, mintCaseRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, type CaseAccess } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

export interface AgendaReading {
  read: AgendaReadGrant;
  access: CaseAccess;
  /** A member in a role that records the agenda (the web shows the editor). */
  mayEdit: boolean;
}

const writes = (actor: AuthenticatedActor, access: CaseAccess, caseId: string) => actor.roles.some((r) => AGENDA_WRITE_ROLES.includes(r)) && access.memberOf.has(caseId);

/**
 * Reading a case's agenda: the case's need-to-know with the `agenda` section (liaison, LCC,
 * decision maker, inspectorate). Anything else is the 404 of a missing case.
 */
export const agendaRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<AgendaReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !access.sections.has('agenda')) return hidden();
    return { ok: true, grant: { read: mintAgendaRead([caseId]), access, mayEdit: writes(actor, access, caseId) }, purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass) };
  };

export interface AgendaWriting {
  write: AgendaWriteGrant;
  access: CaseAccess;
  classification: Classification;
}

/**
 * Recording the agenda: a liaison or LCC coordinator on the case's team (not under break-glass,
 * not by oversight). A case the actor cannot see is a 404; a visible one they may not write a 403.
 */
export const agendaWrite =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<AgendaWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!access.sections.has('agenda') || !writes(actor, access, caseId)) return forbidden('the agenda is recorded by the liaison and the LCC on the case', purpose);
    return { ok: true, grant: { write: mintAgendaWrite(caseId), access, classification: access.summary.classification as Classification }, purpose };
  };

export interface AgendaPostsReading {
  read: AgendaReadGrant;
  /** The case stream for its measures (the `measures` section only is used). */
  measures: CaseReadGrant;
}

/** The posts an agenda yields: the agenda and the measures sections must both be readable. */
export const agendaPostsRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<AgendaPostsReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !access.sections.has('agenda') || !access.sections.has('measures')) return hidden();
    const basis = access.memberOf.has(caseId) ? 'member' : access.breakGlass ? 'break_glass' : 'oversight';
    return {
      ok: true,
      grant: { read: mintAgendaRead([caseId]), measures: mintCaseRead(caseId, new Set(['measures']), basis) },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
    };
  };

/**
 * The agenda grant behind an operational extract. Only the assignment service calls it, inside a
 * request the assignment check has already admitted (an active assignment tasked to the unit) and
 * audited; the extract then shows only the activities the unit's posts concern.
 */
export const operationalAgendaGrant = (caseId: string): AgendaReadGrant => mintAgendaRead([caseId]);
