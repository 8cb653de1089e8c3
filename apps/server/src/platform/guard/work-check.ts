import { CLASSIFICATIONS, isAssignmentBased, OVERSIGHT_ROLES, queueNeeds, readableRecords, sectionRecord, type CaseQueueDefinition, type CaseSection, type Classification } from '@hoeder/domain';
import { findAssessmentSummaries, listCaseSummaries, type CaseSearchGrant, type CaseSetGrant, type CaseSummaryRow, type Db } from '@hoeder/db';
import { mintCaseSearch, mintCaseSet } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { assignmentBasisCaseIds, readableSections } from './case-check';
import type { Checked } from './guard';

const PROBE = 'probe';

/**
 * The markings at which a section of a case is readable to the actor given a basis (membership,
 * break-glass or oversight): asked of the domain's need-to-know rule, one probe per marking, so
 * the database filter applies that rule rather than a copy of it.
 */
const markingsReadable = (actor: AuthenticatedActor, section: CaseSection): Classification[] =>
  CLASSIFICATIONS.filter((c) => readableSections(actor, PROBE, c, new Set([PROBE])).has(section));

/** Searching the overview: the visibility rule handed to the database as a grant (issue 13). */
export const caseSearch =
  () =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CaseSearchGrant>> => {
    const summaryClassifications = markingsReadable(actor, 'summary');
    // The LCC and unit leads reach cases through assignments only, never through membership.
    const assignmentCaseIds = isAssignmentBased(actor) ? await assignmentBasisCaseIds(trx, actor) : null;
    const persons = new Set(markingsReadable(actor, 'persons'));
    const grant = mintCaseSearch({
      userId: actor.userId,
      oversight: actor.roles.some((r) => OVERSIGHT_ROLES.includes(r)),
      assignmentCaseIds,
      at: now,
      summaryClassifications,
      personClassifications: summaryClassifications.filter((c) => persons.has(c)),
    });
    return { ok: true, grant, purpose: 'protection.case_handling' };
  };

export interface WorkSet {
  /** The cases the actor works on (member), with the sections they read of each. */
  cases: { row: CaseSummaryRow; sections: ReadonlySet<CaseSection> }[];
  /** Streams to load for the pending proposer: pending cases whose decision section the actor reads. */
  pendingDecisions: CaseSetGrant;
  /** DAF records to load: the actor's cases whose DAF record (at its own marking) they read. */
  dafRecords: CaseSetGrant;
}

/**
 * The work queues ("Voor mij"): the cases the actor is a member of — work, not oversight or
 * break-glass, which only read — and grants for exactly the extra facts their queues need.
 */
export const workQueues =
  (definitions: readonly CaseQueueDefinition[]) =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<WorkSet>> => {
    const needs = queueNeeds(actor, definitions);
    const rows = await listCaseSummaries(trx, { memberUserId: actor.userId });
    const memberOf = new Set(rows.map((r) => r.caseId));
    const cases = rows
      .map((row) => ({ row, sections: readableSections(actor, row.caseId, row.classification, memberOf) }))
      .filter((c) => c.sections.has('summary'));
    const pending = needs.has('pending_decision') ? cases.filter((c) => c.row.phase === 'decision_pending_approval' && c.sections.has('decision')) : [];
    let dafIds: string[] = [];
    if (needs.has('daf_state')) {
      const withAssessment = cases.filter((c) => c.sections.has('assessment') && c.row.phase !== 'ended').map((c) => c.row.caseId);
      const summaries = await findAssessmentSummaries(trx, withAssessment);
      const marked = summaries.map((s) => sectionRecord(s.caseId, s.classification as Classification, 'assessment'));
      dafIds = readableRecords(actor, marked, memberOf).map((r) => r.caseId);
    }
    return {
      ok: true,
      grant: {
        cases,
        pendingDecisions: mintCaseSet(
          pending.map((c) => c.row.caseId),
          new Set(['decision']),
          'list',
        ),
        dafRecords: mintCaseSet(dafIds, new Set(['assessment']), 'list'),
      },
      purpose: 'protection.case_handling',
    };
  };
