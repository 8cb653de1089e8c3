import type { CasePhase, CaseStatisticsFacts, ThreatPhenomenon, TriageOutcome } from '@hoeder/domain';
import { sql } from 'kysely';
import type { CaseSetGrant } from '../access/grants';
import type { Db } from '../schema';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The facts the advisory figures are counted from, one row per case the aggregate grant covers,
 * without the case's id or anything else that identifies it (issue 13). Only an aggregate grant:
 * what leaves here is counted and suppressed before anyone sees it.
 */
export async function statisticsFacts(db: Db, grant: CaseSetGrant): Promise<CaseStatisticsFacts[]> {
  if (grant.purpose !== 'aggregate') throw new Error('statistics read an aggregate grant only');
  if (grant.caseIds.length === 0) return [];
  const first = (type: string) => sql<Date | null>`(SELECT min(e.occurred_at) FROM case_event e WHERE e.case_id = s.case_id AND e.type = ${type})`;
  const rows = await db
    .selectFrom('case_summary as s')
    .select([
      's.phenomenon',
      's.phase',
      's.registered_at',
      sql<string | null>`(SELECT e.payload->>'outcome' FROM case_event e WHERE e.case_id = s.case_id AND e.type = 'TriageCompleted' ORDER BY e.version DESC LIMIT 1)`.as('outcome'),
      first('TriageCompleted').as('triaged_at'),
      first('AssessmentRecorded').as('assessed_at'),
      first('DecisionApproved').as('approved_at'),
    ])
    .where('s.case_id', 'in', [...grant.caseIds])
    .execute();
  return rows.map((r) => ({
    phenomenon: r.phenomenon as ThreatPhenomenon,
    phase: r.phase as CasePhase,
    registeredAt: iso(r.registered_at)!,
    outcome: r.outcome as TriageOutcome | null,
    triagedAt: iso(r.triaged_at),
    assessedAt: iso(r.assessed_at),
    approvedAt: iso(r.approved_at),
  }));
}
