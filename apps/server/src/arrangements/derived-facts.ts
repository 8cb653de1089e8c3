import { deriveFacts, EMPLOYER_DUTIES, type AgreementType, type CaseState, type DerivedFacts, type EmployerDuty } from '@hoeder/domain';
import { loadArrangements, loadEmployers, personCaseRefs, type ArrangementReadGrant, type ArrangementRow, type Db, type EmployerRow } from '@hoeder/db';

const DUTY_ORDER = (code: string) => (EMPLOYER_DUTIES as readonly string[]).indexOf(code);

/** The employers with their duties, as the fact derivation needs them. */
export function employersWithDuties(employers: readonly EmployerRow[], rows: readonly ArrangementRow[]) {
  return employers.map((e) => ({
    employer: e,
    duties: rows.filter((r) => r.kind === 'employer_duty' && r.employerId === e.employerId).sort((a, b) => DUTY_ORDER(a.code) - DUTY_ORDER(b.code)),
  }));
}

/**
 * The policy facts from their sources for one case (issue 12 item 7): the person file gives the
 * household (coded relations only: ids and codes, no personal data), the case state the latest
 * assessment's expected duration, the arrangements the agreements and employer duties.
 */
export async function derivedFactsOf(trx: Db, grant: ArrangementReadGrant, state: CaseState | undefined): Promise<DerivedFacts> {
  const rows = await loadArrangements(trx, grant);
  const employers = employersWithDuties(await loadEmployers(trx, grant), rows);
  const latest = state?.assessments.at(-1);
  const household = (await personCaseRefs(trx, { caseId: grant.caseId })).filter((p) => p.role === 'household_member');
  return deriveFacts({
    household: household.map((p) => ({ relationCode: p.relationCode })),
    assessment: latest && { recordedAt: latest.recordedAt, validUntil: latest.validUntil, expectedDuration: latest.expectedDuration },
    agreements: rows.filter((r) => r.kind === 'agreement').map((r) => ({ type: r.code as AgreementType, status: r.status })),
    employers: employers.map((e) => ({ duties: e.duties.filter((d) => (EMPLOYER_DUTIES as readonly string[]).includes(d.code)).map((d) => ({ duty: d.code as EmployerDuty, status: d.status })) })),
  });
}
