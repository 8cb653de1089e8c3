import { mayIssueCommand, mayRecordArrangements, readableArrangementKinds, type ArrangementKind, type Classification } from '@hoeder/domain';
import { membershipsOf, type ArrangementFollowUpGrant, type ArrangementReadGrant, type ArrangementWriteGrant, type CaseReadGrant, type CaseSummaryRow, type Db } from '@hoeder/db';
import { mintArrangementFollowUp, mintArrangementRead, mintArrangementWrite, mintCaseRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, visibleCases, type CaseAccess } from './case-check';
import { dafForReader, type DafAccess } from './daf-check';
import { forbidden, hidden, type Checked } from './guard';

/**
 * Need-to-know for what the liaison records with the person (issue 12 items 4–6): the case's own
 * rule (membership or oversight, clearance) and, per kind, the roles of `ARRANGEMENT_READERS`.
 * Executing units never get care referrals; a reader of no kind gets the 404 of a missing case.
 */
export interface ArrangementReading {
  read: ArrangementReadGrant;
  /** The case stream, for the persons registered at intake (only when the `persons` section is readable). */
  caseRead: CaseReadGrant;
  access: CaseAccess;
  mayEdit: boolean;
}

const basisOf = (access: CaseAccess, caseId: string) => (access.memberOf.has(caseId) ? 'member' : access.breakGlass ? 'break_glass' : 'oversight');
const writes = (actor: AuthenticatedActor, access: CaseAccess, caseId: string) => mayRecordArrangements(actor.roles) && access.memberOf.has(caseId);

export const arrangementRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ArrangementReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    const kinds = readableArrangementKinds(actor.roles);
    if (!access || kinds.size === 0) return hidden();
    return {
      ok: true,
      grant: { read: mintArrangementRead(caseId, kinds), caseRead: mintCaseRead(caseId, access.sections, basisOf(access, caseId)), access, mayEdit: writes(actor, access, caseId) },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
      details: { kinds: [...kinds] },
    };
  };

export interface ArrangementWriting {
  write: ArrangementWriteGrant;
  caseRead: CaseReadGrant;
  access: CaseAccess;
  classification: Classification;
}

/**
 * Recording: the liaison on the case's team (not under break-glass, not by oversight). A case the
 * actor cannot see is a 404; a visible one they may not record on a 403.
 */
export const arrangementWrite =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ArrangementWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!writes(actor, access, caseId)) return forbidden('agreements, care and the employer are recorded by the liaison on the case', purpose);
    return {
      ok: true,
      grant: { write: mintArrangementWrite(caseId), caseRead: mintCaseRead(caseId, access.sections, 'member'), access, classification: access.summary.classification as Classification },
      purpose,
    };
  };

/** The kinds a decision's facts come from: agreements and the employer's duties, never care. */
const FACT_KINDS: readonly ArrangementKind[] = ['agreement', 'employer_duty'];

export interface PolicyFactsReading {
  read: CaseReadGrant;
  arrangements: ArrangementReadGrant;
  daf: DafAccess | undefined;
}

/** The facts for the decision form: only for a decision maker on the case's team (who may propose). */
export const policyFactsRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<PolicyFactsReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    const target = access && { caseId, classification: access.summary.classification as Classification };
    if (!access || !mayIssueCommand(actor, 'ProposeDecision', target, access.memberOf)) return hidden();
    const daf = await dafForReader(trx, actor, caseId, now);
    return {
      ok: true,
      grant: { read: mintCaseRead(caseId, access.sections, 'member'), arrangements: mintArrangementRead(caseId, FACT_KINDS), daf },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
    };
  };

/**
 * The arrangements behind a decision proposal's facts. Only the case command pipeline calls it,
 * inside a request whose `caseCommand` check has already admitted a ProposeDecision (a decision
 * maker on the team) and is audited; like `operationalAgendaGrant`.
 */
export const decisionFactsGrant = (caseId: string): ArrangementReadGrant => mintArrangementRead(caseId, FACT_KINDS);

export interface FollowUpWork {
  grant: ArrangementFollowUpGrant;
  summaries: Map<string, CaseSummaryRow>;
}

/** The liaison's "Voor mij": overdue follow-ups on the cases they are a member of, of the kinds they read. */
export const followUpWork =
  () =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<FollowUpWork>> => {
    const purpose = 'protection.case_handling';
    if (!mayRecordArrangements(actor.roles)) return forbidden('follow-ups of arrangements are the liaison’s work', purpose);
    const visible = await visibleCases(trx, actor, now);
    const member = await membershipsOf(trx, actor.userId, visible.map((c) => c.caseId));
    const rows = visible.filter((c) => member.has(c.caseId));
    const grant = mintArrangementFollowUp(rows.map((r) => r.caseId), readableArrangementKinds(actor.roles));
    return { ok: true, grant: { grant, summaries: new Map(rows.map((r) => [r.caseId, r])) }, purpose, details: { caseIds: grant.caseIds } };
  };
