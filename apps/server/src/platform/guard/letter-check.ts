import { mayOnLetters, mayOnObjections, sectionRecord, readableRecords, type Classification, type LetterAction, type ObjectionAction } from '@hoeder/domain';
import { casesWithOpenObjections, findCaseSummaries, membershipsOf, type CaseReadGrant, type CaseSetGrant, type CaseSummaryRow, type Db, type LetterReadGrant, type LetterWriteGrant, type ObjectionReadGrant, type ObjectionWriteGrant } from '@hoeder/db';
import { mintCaseRead, mintCaseSet, mintLetterRead, mintLetterWrite, mintObjectionRead, mintObjectionWrite } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, type CaseAccess } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

/**
 * Letters and objections (issue 12, ADR 0022): about the decision, so every access needs the case's
 * `decision` section (need-to-know with its marking) and a role of `LETTER_ROLES` /
 * `OBJECTION_ROLES`. A reader without both gets the 404 of a missing case; a reader who may not
 * write gets a 403; writing needs membership (not break-glass, not oversight).
 */

export interface LetterReading {
  read: LetterReadGrant;
  access: CaseAccess;
  /** The case stream, for the decision and the people the letter is about. */
  caseRead: CaseReadGrant;
}

export interface LetterWriting extends LetterReading {
  write: LetterWriteGrant;
  classification: Classification;
}

const basisOf = (access: CaseAccess, caseId: string) => (access.memberOf.has(caseId) ? 'member' : access.breakGlass ? 'break_glass' : 'oversight');

async function decisionAccess(trx: Db, actor: AuthenticatedActor, caseId: string, now: Date) {
  const access = await caseAccess(trx, actor, caseId, now);
  return access && access.sections.has('decision') ? access : undefined;
}

export const letterRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<LetterReading>> => {
    const access = await decisionAccess(trx, actor, caseId, now);
    if (!access || !mayOnLetters(actor.roles, 'read')) return hidden();
    const caseRead = mintCaseRead(caseId, access.sections, basisOf(access, caseId));
    return { ok: true, grant: { read: mintLetterRead(caseId), access, caseRead }, purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass) };
  };

export const letterWrite =
  (caseId: string, action: Exclude<LetterAction, 'read'>) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<LetterWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!access.sections.has('decision') || !mayOnLetters(actor.roles, action) || !access.memberOf.has(caseId)) return forbidden(`your role may not ${action} letters on this case`, purpose);
    const grant = { read: mintLetterRead(caseId), write: mintLetterWrite(caseId), access, caseRead: mintCaseRead(caseId, access.sections, 'member'), classification: access.summary.classification as Classification };
    return { ok: true, grant, purpose };
  };

export interface ObjectionReading {
  read: ObjectionReadGrant;
  access: CaseAccess;
  caseRead: CaseReadGrant;
  letters: LetterReadGrant;
}

export const objectionRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ObjectionReading>> => {
    const access = await decisionAccess(trx, actor, caseId, now);
    if (!access || !mayOnObjections(actor.roles, 'read')) return hidden();
    const grant = { read: mintObjectionRead([caseId]), access, caseRead: mintCaseRead(caseId, access.sections, basisOf(access, caseId)), letters: mintLetterRead(caseId) };
    return { ok: true, grant, purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass) };
  };

export interface ObjectionWriting extends ObjectionReading {
  write: ObjectionWriteGrant;
}

export const objectionWrite =
  (caseId: string, action: Exclude<ObjectionAction, 'read'>) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ObjectionWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!access.sections.has('decision') || !mayOnObjections(actor.roles, action) || !access.memberOf.has(caseId)) return forbidden(`your role may not ${action} objections on this case`, purpose);
    const grant = { read: mintObjectionRead([caseId]), write: mintObjectionWrite(caseId), access, caseRead: mintCaseRead(caseId, access.sections, 'member'), letters: mintLetterRead(caseId) };
    return { ok: true, grant, purpose };
  };

export interface ObjectionWorkSet {
  objections: ObjectionReadGrant;
  /** The case streams, to tell whether a new decision followed a founded objection. */
  cases: CaseSetGrant;
  summaries: Map<string, CaseSummaryRow>;
}

/**
 * "Voor mij": the objections that wait on a decision maker — on the cases they are a member of and
 * whose decision section they read. Set-based: only the cases with open objections are looked at.
 */
export const objectionWork =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<ObjectionWorkSet>> => {
    const purpose = 'protection.case_handling';
    if (!mayOnObjections(actor.roles, 'handle')) return forbidden('objections are handled by decision makers', purpose);
    const candidates = await casesWithOpenObjections(trx);
    const memberOf = await membershipsOf(trx, actor.userId, candidates);
    const summaries = await findCaseSummaries(trx, [...memberOf]);
    const records = summaries.map((s) => sectionRecord(s.caseId, s.classification as Classification, 'decision'));
    const readable = readableRecords(actor, records, memberOf).map((r) => r.caseId);
    const grant = { objections: mintObjectionRead(readable), cases: mintCaseSet(readable, new Set(['decision']), 'list'), summaries: new Map(summaries.filter((s) => readable.includes(s.caseId)).map((s) => [s.caseId, s])) };
    return { ok: true, grant, purpose };
  };
