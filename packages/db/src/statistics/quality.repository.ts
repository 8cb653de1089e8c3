import type { CasePhase, QualityFacts } from '@hoeder/domain';
import { sql } from 'kysely';
import type { CaseSetGrant } from '../access/grants';
import type { Db } from '../schema';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The quality monitor's facts (issue 13), one row per case of the aggregate grant, without the
 * case's id: phase, the moments of each step, the review date, whether the DAF record's validity
 * has lapsed, and each decision proposal with whether it deviated from the package policy.
 */
export async function qualityFacts(db: Db, grant: CaseSetGrant, today: string): Promise<QualityFacts[]> {
  if (grant.purpose !== 'aggregate') throw new Error('the quality monitor reads an aggregate grant only');
  if (grant.caseIds.length === 0) return [];
  const first = (type: string) => sql<Date | null>`(SELECT min(e.occurred_at) FROM case_event e WHERE e.case_id = s.case_id AND e.type = ${type})`;
  const rows = await db
    .selectFrom('case_summary as s')
    .leftJoin('assessment_summary as a', 'a.case_id', 's.case_id')
    .select([
      's.phase',
      's.registered_at',
      's.review_date',
      first('TriageCompleted').as('triaged_at'),
      first('AssessmentRecorded').as('assessed_at'),
      first('DecisionApproved').as('approved_at'),
      sql<boolean>`(a.final_version IS NOT NULL AND a.valid_until IS NOT NULL AND a.valid_until < ${today})`.as('reassessment_due'),
      sql<{ at: string; deviating: boolean }[] | string>`(SELECT coalesce(json_agg(json_build_object('at', e.occurred_at, 'deviating', e.payload->'policy'->>'deviation' IS NOT NULL)), '[]'::json) FROM case_event e WHERE e.case_id = s.case_id AND e.type = 'DecisionProposed')`.as('decisions'),
    ])
    .where('s.case_id', 'in', [...grant.caseIds])
    .execute();
  return rows.map((r) => {
    const decisions = typeof r.decisions === 'string' ? (JSON.parse(r.decisions) as { at: string; deviating: boolean }[]) : r.decisions;
    return {
      phase: r.phase as CasePhase,
      registeredAt: iso(r.registered_at)!,
      triagedAt: iso(r.triaged_at),
      assessedAt: iso(r.assessed_at),
      approvedAt: iso(r.approved_at),
      reviewDate: r.review_date === null ? null : String(r.review_date).slice(0, 10),
      reassessmentDue: Boolean(r.reassessment_due),
      decisions: decisions.map((d) => ({ at: new Date(d.at).toISOString(), deviating: Boolean(d.deviating) })),
    };
  });
}

/**
 * Objections per quarter of receipt, once the letters-and-objections part of issue 12 has added
 * `case_objection` (optional: null while the table does not exist, so either can land first).
 */
export async function objectionsPerQuarter(db: Db, caseIds: readonly string[]): Promise<{ quarter: string; count: number }[] | null> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('public.case_objection')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  if (caseIds.length === 0) return [];
  const rows = await sql<{ quarter: string; count: string }>`
    SELECT substr(received_on, 1, 4) || '-Q' || ((substr(received_on, 6, 2)::int - 1) / 3 + 1)::text AS quarter, count(*)::text AS count
    FROM case_objection WHERE case_id::text = ANY(${[...caseIds]}::text[]) GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.rows.map((r) => ({ quarter: r.quarter, count: Number(r.count) }));
}
