import { assessment, mayIssueCommand, readableRecords, sectionRecord, type AccessSubject, type Classification } from '@hoeder/domain';
import {
  activeBreakGlassCases,
  findAssessmentSummaries,
  loadAssessmentState,
  membershipsOf,
  type CaseReadGrant,
  type CaseSetGrant,
  type CaseWriteGrant,
  type DafReadGrant,
  type DafWriteGrant,
  type Db,
} from '@hoeder/db';
import { mintCaseRead, mintCaseSet, mintCaseWrite, mintDafRead, mintDafWrite } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, visibleCases, type CaseAccess } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

type AssessmentState = assessment.AssessmentState;

export interface DafAccess {
  access: CaseAccess;
  state: AssessmentState | undefined;
  /** The version of the snapshot the state was folded from (0: the whole stream). */
  snapshotVersion: number;
  classification: Classification;
  view: assessment.DafView;
  /** Membership, or a break-glass grant: the basis for reading (never for writing). */
  readBasis: Set<string>;
}

/**
 * Need-to-know for the DAF record of one case: the case gate (`caseAccess`), then the domain's
 * one DAF rule (`dafRecordView`) over the record's parts and items. `undefined` when the case does
 * not exist or may not be seen at all.
 */
async function dafAccess(db: Db, actor: AccessSubject, caseId: string, now: Date): Promise<{ daf: DafAccess; grant: DafReadGrant | undefined } | undefined> {
  const access = await caseAccess(db, actor, caseId, now);
  if (!access) return undefined;
  const basis = access.memberOf.has(caseId) ? 'member' : access.breakGlass ? 'break_glass' : 'oversight';
  const grant = access.sections.has('assessment') ? mintDafRead(caseId, basis) : undefined;
  const { state, snapshotVersion } = grant ? await loadAssessmentState(db, grant) : { state: undefined, snapshotVersion: 0 };
  const caseClassification = access.summary.classification as Classification;
  const classification = assessment.recordClassification(caseClassification, state?.versions ?? []);
  const readBasis = access.breakGlass ? new Set([caseId]) : access.memberOf;
  const view = assessment.dafRecordView(actor, caseId, caseClassification, { versions: state?.versions ?? [], items: state?.items ?? [] }, readBasis);
  return { daf: { access, state, snapshotVersion, classification, view, readBasis }, grant };
}

const purposeOf = (actor: AccessSubject, daf: DafAccess) => processingActivity(actor, daf.access.memberOf, daf.access.summary.caseId, daf.access.breakGlass);

export interface DafReading {
  read: DafReadGrant;
  /** The case stream, for views that relate the DAF to the case's decisions. */
  caseRead: CaseReadGrant;
  daf: DafAccess;
}

/** Reading the DAF record: anything short of seeing part of it is the 404 of a missing case. */
export const dafRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<DafReading>> => {
    const found = await dafAccess(trx, actor, caseId, now);
    if (!found?.grant || !assessment.seesDaf(found.daf.view)) return hidden();
    const caseRead = mintCaseRead(caseId, found.daf.access.sections, found.grant.basis);
    return { ok: true, grant: { read: found.grant, caseRead, daf: found.daf }, purpose: purposeOf(actor, found.daf) };
  };

/** What a policy decision form may take from the DAF: the view, only if the actor reads the record. */
export async function dafForReader(trx: Db, actor: AuthenticatedActor, caseId: string, now: Date): Promise<DafAccess | undefined> {
  const found = await dafAccess(trx, actor, caseId, now);
  return found?.grant ? found.daf : undefined;
}

/** The classification a command writes at: a draft may raise the record's marking. */
function writtenClassification(daf: DafAccess, command: assessment.AssessmentCommand): Classification {
  const c = command.type === 'StartDraft' ? command.classification : command.type === 'ReviseDraft' ? command.content.classification : undefined;
  return c ? assessment.recordClassification(daf.classification, [{ content: { classification: c } }]) : daf.classification;
}

export interface DafWriting {
  write: DafWriteGrant;
  /** The bridge (ADR 0009): finalising records the version in the case stream. */
  bridge: CaseWriteGrant;
  daf: DafAccess;
}

/**
 * Writing the DAF record needs what writing the assessment section of the case needs (role,
 * membership, clearance and release, ADR 0006) at the marking the record will carry.
 */
export const dafCommand =
  (caseId: string, command: assessment.AssessmentCommand) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<DafWriting>> => {
    const found = await dafAccess(trx, actor, caseId, now);
    if (!found?.grant || found.daf.view.parts.length === 0) return hidden();
    const { daf } = found;
    const target = { caseId, classification: writtenClassification(daf, command) };
    if (!mayIssueCommand(actor, 'RecordAssessment', target, daf.access.memberOf)) return forbidden(`your role may not ${command.type} on this case`, purposeOf(actor, daf));
    return { ok: true, grant: { write: mintDafWrite(caseId), bridge: mintCaseWrite(caseId, 'daf_bridge'), daf }, purpose: purposeOf(actor, daf) };
  };

/**
 * Set-based: of the cases the actor sees, those with a final DAF version whose record (at its own
 * marking) the actor reads as a member, under break-glass, or by oversight.
 */
export const dafList =
  () =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<{ cases: CaseSetGrant }>> => {
    const visible = await visibleCases(trx, actor, now);
    const summaries = await findAssessmentSummaries(trx, visible.map((c) => c.caseId));
    const withFinal = summaries.filter((s) => s.finalVersion !== null);
    const ids = withFinal.map((s) => s.caseId);
    const basis = new Set([...(await membershipsOf(trx, actor.userId, ids)), ...(await activeBreakGlassCases(trx, actor.userId, now, ids))]);
    const marked = withFinal.map((s) => sectionRecord(s.caseId, s.classification as Classification, 'assessment'));
    const readable = readableRecords(actor, marked, basis).map((r) => r.caseId);
    return { ok: true, grant: { cases: mintCaseSet(readable, new Set(['assessment']), 'list') }, purpose: 'protection.case_handling' };
  };
