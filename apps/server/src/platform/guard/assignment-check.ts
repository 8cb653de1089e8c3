import {
  executionBasis,
  mayOnAssignments,
  readableRecords,
  sectionRecord,
  UNIT_LEAD_ROLES,
  type AccessSubject,
  type AssignmentAction,
} from '@hoeder/domain';
import { assignmentRefs, type AssignmentGrant, type AssignmentRef, type CaseReadGrant, type Db } from '@hoeder/db';
import { mintAssignment, mintCaseRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseRead } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

const PURPOSE = 'protection.execution';

/**
 * Need-to-know for one assignment (ADR 0016): the LCC reaches every assignment (also a withdrawn
 * one, which it must still accept); a unit lead only a live one tasked to their own unit. Both
 * need the clearance and release the case's measures section asks (`readableRecords`).
 */
export function reachable(actor: AccessSubject, ref: AssignmentRef, action: AssignmentAction): boolean {
  const lcc = actor.roles.includes('lcc_coordinator') && action !== 'acknowledge' && action !== 'mine';
  const basis = lcc || (actor.roles.some((r) => UNIT_LEAD_ROLES.includes(r)) && executionBasis(actor, ref));
  const record = sectionRecord(ref.caseId, ref.classification, 'measures');
  return readableRecords(actor, [record], new Set(basis ? [ref.caseId] : [])).length === 1;
}

const conceptsFor = (actor: AccessSubject) => mayOnAssignments(actor, 'readConcepts');

/** The LCC inbox: every assignment (the role is the basis; clearance per case). */
export const assignmentInbox =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ grant: AssignmentGrant; refs: AssignmentRef[] }>> => {
    if (!mayOnAssignments(actor, 'inbox')) return forbidden('only the LCC keeps the assignment inbox', PURPOSE);
    const refs = (await assignmentRefs(trx, 'all')).filter((r) => reachable(actor, r, 'inbox'));
    const grant = mintAssignment(refs.map((r) => r.assignmentId), { concepts: false, write: false });
    return { ok: true, grant: { grant, refs }, purpose: PURPOSE, details: { assignmentIds: grant.assignmentIds } };
  };

/**
 * A unit lead's assignments: those tasked to their own unit. A withdrawn one stays on the list (the
 * unit must learn that protection ended) but opens nothing: the extract needs a live assignment.
 */
export const unitAssignments =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ grant: AssignmentGrant; refs: AssignmentRef[] }>> => {
    if (!mayOnAssignments(actor, 'mine') || !actor.unitId) return forbidden('only the lead of an executing unit has tasked assignments', PURPOSE);
    const refs = (await assignmentRefs(trx, { unitId: actor.unitId })).filter((r) => reachable(actor, { ...r, live: true }, 'mine'));
    const grant = mintAssignment(refs.map((r) => r.assignmentId), { concepts: false, write: false });
    return { ok: true, grant: { grant, refs }, purpose: PURPOSE, details: { unitId: actor.unitId, assignmentIds: grant.assignmentIds } };
  };

export interface AssignmentReading {
  grant: AssignmentGrant;
  ref: AssignmentRef;
}

/**
 * One assignment for an action: the role first (403, the same for every id), then the
 * assignment's basis and marking (404, the same as a missing assignment).
 */
export const assignmentCheck =
  (assignmentId: string, action: AssignmentAction) =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<AssignmentReading>> => {
    if (!mayOnAssignments(actor, action)) return forbidden(`your role may not ${action} on assignments`, PURPOSE);
    const [ref] = await assignmentRefs(trx, { assignmentId });
    if (!ref || !reachable(actor, ref, action)) return hidden('assignment');
    const write = ['accept', 'task', 'recordConcept', 'acknowledge'].includes(action);
    const grant = mintAssignment([ref.assignmentId], { concepts: conceptsFor(actor) && action !== 'accept', write });
    return { ok: true, grant: { grant, ref }, purpose: PURPOSE, details: { caseId: ref.caseId }, dataSubjectId: ref.caseId };
  };

/**
 * The operational extract: the assignment and a read of the case's stream for the threatened
 * person's name (the extract takes nothing else from it).
 */
export const extractCheck =
  (assignmentId: string) =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<AssignmentReading & { caseRead: CaseReadGrant }>> => {
    const checked = await assignmentCheck(assignmentId, 'extract')(trx, actor);
    if (!checked.ok) return checked;
    const { ref } = checked.grant;
    if (!ref.live) return hidden('assignment');
    return { ...checked, grant: { ...checked.grant, caseRead: mintCaseRead(ref.caseId, new Set(['summary', 'measures']), 'assignment') } };
  };

/** The assignment section of a case page: who may read the case and the section; else 404. */
export const caseAssignmentCheck =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<{ grant: AssignmentGrant; ref: AssignmentRef | undefined }>> => {
    const readable = await caseRead(caseId)(trx, actor, now);
    if (!readable.ok) return readable;
    if (!mayOnAssignments(actor, 'caseSection')) return hidden();
    const [ref] = await assignmentRefs(trx, { caseIds: [caseId] });
    const grant = mintAssignment(ref ? [ref.assignmentId] : [], { concepts: actor.roles.includes('lcc_coordinator'), write: false });
    return { ok: true, grant: { grant, ref }, purpose: readable.purpose, details: { assignmentId: ref?.assignmentId ?? null } };
  };
