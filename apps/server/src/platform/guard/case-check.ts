import {
  caseBasis,
  CASE_SECTIONS,
  executionBasis,
  isAssignmentBased,
  mayIssueCommand,
  OVERSIGHT_ROLES,
  readableRecords,
  sectionRecord,
  visibleCaseIds,
  type AccessSubject,
  type CaseCommandType,
  type CaseSection,
  type Classification,
} from '@hoeder/domain';
import {
  activeBreakGlassCases,
  assignmentRefs,
  findCaseAccessFacts,
  findCaseSummaries,
  listCaseSummaries,
  listCaseSummariesOfUser,
  type CaseReadGrant,
  type CaseSetGrant,
  type CaseSummaryRow,
  type CaseWriteGrant,
  type DafReadGrant,
  type Db,
  type ReadBasis,
} from '@hoeder/db';
import { mintCaseRead, mintCaseSet, mintCaseWrite, mintDafRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, hidden, type Checked } from './guard';

export interface CaseAccess {
  summary: CaseSummaryRow;
  sections: Set<CaseSection>;
  /** Real case membership: the only basis for writing. */
  memberOf: Set<string>;
  /** Read access under a break-glass grant (not a member). */
  breakGlass: boolean;
}

/**
 * Need-to-know for one case: which sections the actor may read (`readableRecords`, ADR 0006).
 * `undefined` when the case does not exist OR may not be seen: callers cannot tell.
 */
export async function caseAccess(db: Db, actor: AccessSubject, caseId: string, now: Date): Promise<CaseAccess | undefined> {
  const facts = await findCaseAccessFacts(db, actor.userId, caseId, now);
  if (!facts) return undefined;
  const { summary } = facts;
  // The LCC and unit leads reach a case through its assignment only, never through membership.
  const [assignment] = isAssignmentBased(actor) ? await assignmentRefs(db, { caseIds: [caseId] }) : [];
  const memberOf = caseBasis(actor, caseId, facts.member, assignment);
  const breakGlass = !facts.member && facts.breakGlass;
  const readBasis = breakGlass ? new Set([caseId]) : memberOf;
  const sections = readableSections(actor, caseId, summary.classification as Classification, readBasis);
  if (!sections.has('summary')) return undefined;
  return { summary, sections, memberOf, breakGlass };
}

/** The sections of a case at this marking the subject reads on the given basis. */
export function readableSections(actor: AccessSubject, caseId: string, classification: Classification, readBasis: ReadonlySet<string>): Set<CaseSection> {
  const records = CASE_SECTIONS.map((s) => sectionRecord(caseId, classification, s));
  return new Set(readableRecords(actor, records, readBasis).map((r) => r.section));
}

/** Set-based: of all candidate cases, the ones whose summary the actor may see. */
export async function visibleCases(db: Db, actor: AccessSubject, now: Date): Promise<CaseSummaryRow[]> {
  if (isAssignmentBased(actor)) return casesThroughAssignments(db, actor, now);
  const oversight = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  // Members' cases and unexpired break-glass grants in one statement (ADR 0036).
  const candidates = oversight ? await listCaseSummaries(db, 'all') : await listCaseSummariesOfUser(db, actor.userId, now);
  // The candidates came by membership or a grant (or oversight, which needs neither), so no second lookup.
  const memberOf = oversight ? new Set<string>() : new Set(candidates.map((c) => c.caseId));
  const visible = visibleCaseIds(
    actor,
    candidates.map((c) => ({ caseId: c.caseId, classification: c.classification as Classification })),
    memberOf,
  );
  return candidates.filter((c) => visible.has(c.caseId));
}

/** The cases an LCC coordinator's or unit lead's assignments give a basis for (not break-glass). */
export async function assignmentBasisCaseIds(db: Db, actor: AccessSubject): Promise<string[]> {
  const refs = await assignmentRefs(db, actor.unitId && !actor.roles.includes('lcc_coordinator') ? { unitId: actor.unitId } : 'all');
  return refs.filter((r) => executionBasis(actor, r)).map((r) => r.caseId);
}

/** The LCC's and unit leads' cases: those their assignments give a basis for, plus break-glass. */
async function casesThroughAssignments(db: Db, actor: AccessSubject, now: Date): Promise<CaseSummaryRow[]> {
  const based = await assignmentBasisCaseIds(db, actor);
  const granted = await activeBreakGlassCases(db, actor.userId, now);
  const candidates = await findCaseSummaries(db, [...new Set([...based, ...granted])]);
  const visible = visibleCaseIds(
    actor,
    candidates.map((c) => ({ caseId: c.caseId, classification: c.classification as Classification })),
    new Set([...based, ...granted]),
  );
  return candidates.filter((c) => visible.has(c.caseId)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The purpose recorded with an access: case work for members, execution, break-glass, or oversight. */
export function processingActivity(actor: AccessSubject, memberOf: ReadonlySet<string>, caseId: string, breakGlass = false): string {
  if (memberOf.has(caseId)) return isAssignmentBased(actor) ? 'protection.execution' : 'protection.case_handling';
  if (breakGlass) return 'protection.break_glass';
  return actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)) ? 'oversight.inspection' : 'protection.case_handling';
}

const basisOf = (actor: AccessSubject, access: CaseAccess, caseId: string): ReadBasis =>
  access.memberOf.has(caseId) ? (isAssignmentBased(actor) ? 'assignment' : 'member') : access.breakGlass ? 'break_glass' : 'oversight';
const purposeOf = (actor: AccessSubject, access: CaseAccess, caseId: string) => processingActivity(actor, access.memberOf, caseId, access.breakGlass);

export interface CaseReading {
  read: CaseReadGrant;
  access: CaseAccess;
  /** The DAF record behind the assessment section, when the reader reads that section (ADR 0015). */
  dafRead: DafReadGrant | undefined;
}

/** Reading a case where `needs` is readable; anything else is the same 404 as a missing case. */
export const caseRead =
  (caseId: string, needs: CaseSection = 'summary') =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CaseReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !access.sections.has(needs)) return hidden();
    const basis = basisOf(actor, access, caseId);
    const read = mintCaseRead(caseId, access.sections, basis);
    const dafRead = access.sections.has('assessment') ? mintDafRead(caseId, basis) : undefined;
    return { ok: true, grant: { read, access, dafRead }, purpose: purposeOf(actor, access, caseId), details: { sections: [...access.sections] } };
  };

export interface CaseWriting extends CaseReading {
  write: CaseWriteGrant;
  classification: Classification;
}

/**
 * Issuing a command on a case: a hidden case is a 404; a visible one the actor may not command a
 * 403 (the role, membership and clearance rule of `mayIssueCommand`).
 */
export const caseCommand =
  (caseId: string, command: CaseCommandType) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CaseWriting>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const classification = access.summary.classification as Classification;
    const purpose = purposeOf(actor, access, caseId);
    if (!mayIssueCommand(actor, command, { caseId, classification }, access.memberOf)) return forbidden(`your role may not ${command} on this case`, purpose);
    const basis = basisOf(actor, access, caseId);
    const read = mintCaseRead(caseId, access.sections, basis);
    const dafRead = access.sections.has('assessment') ? mintDafRead(caseId, basis) : undefined;
    return { ok: true, grant: { read, access, dafRead, write: mintCaseWrite(caseId, 'member'), classification }, purpose };
  };

/** Registering a new case: a role question only; the new stream is the grant's. */
export const caseRegistration =
  (caseId: string) =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<{ write: CaseWriteGrant }>> =>
    mayIssueCommand(actor, 'RegisterCase', undefined, new Set())
      ? { ok: true, grant: { write: mintCaseWrite(caseId, 'registration') }, purpose: 'protection.case_handling' }
      : forbidden('your role may not RegisterCase');

/** The list: a set grant over exactly the cases whose summary the actor may see. */
export const caseList =
  () =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<{ cases: CaseSetGrant; rows: CaseSummaryRow[] }>> => {
    const rows = await visibleCases(trx, actor, now);
    const cases = mintCaseSet(
      rows.map((r) => r.caseId),
      new Set(['summary']),
      'list',
    );
    return { ok: true, grant: { cases, rows }, purpose: 'protection.case_handling', details: { caseIds: cases.caseIds } };
  };
