import type { CasePhase, PublishedRoster, QualityFacts } from '@hoeder/domain';
import { sql } from 'kysely';
import type { CaseSetGrant, RosterReadGrant } from '../access/grants';
import type { Db } from '../schema';

// A date column comes back as a local-midnight Date from node-postgres, as text from PGlite.
const day = (v: Date | string): string => (typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The case-stream facts of one case; the service adds the DAF record's (re-assessment, dissent). */
export type QualityCaseFacts = Omit<QualityFacts, 'reassessmentDue' | 'assessments'> & { caseId: string };

/**
 * The quality monitor's facts (issue 13), one row per case of the aggregate grant: phase, the
 * moments of each step, the review date, and each decision proposal with whether it deviated
 * from the package policy. The case id only joins the DAF facts in the service; no figure holds it.
 */
export async function qualityFacts(db: Db, grant: CaseSetGrant): Promise<QualityCaseFacts[]> {
  if (grant.purpose !== 'aggregate') throw new Error('the quality monitor reads an aggregate grant only');
  if (grant.caseIds.length === 0) return [];
  const first = (type: string) => sql<Date | null>`(SELECT min(e.occurred_at) FROM case_event e WHERE e.case_id = s.case_id AND e.type = ${type})`;
  const rows = await db
    .selectFrom('case_summary as s')
    .select([
      's.case_id',
      's.phase',
      's.registered_at',
      's.review_date',
      first('TriageCompleted').as('triaged_at'),
      first('AssessmentRecorded').as('assessed_at'),
      first('DecisionApproved').as('approved_at'),
      sql<{ at: string; deviating: boolean }[] | string>`(SELECT coalesce(json_agg(json_build_object('at', e.occurred_at, 'deviating', e.payload->'policy'->>'deviation' IS NOT NULL)), '[]'::json) FROM case_event e WHERE e.case_id = s.case_id AND e.type = 'DecisionProposed')`.as('decisions'),
    ])
    .where('s.case_id', 'in', [...grant.caseIds])
    .execute();
  return rows.map((r) => {
    const decisions = typeof r.decisions === 'string' ? (JSON.parse(r.decisions) as { at: string; deviating: boolean }[]) : r.decisions;
    return {
      caseId: r.case_id,
      phase: r.phase as CasePhase,
      registeredAt: iso(r.registered_at)!,
      triagedAt: iso(r.triaged_at),
      assessedAt: iso(r.assessed_at),
      approvedAt: iso(r.approved_at),
      reviewDate: r.review_date === null ? null : String(r.review_date).slice(0, 10),
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

/**
 * The published roster versions' counts for the quality monitor's capacity figure (issue 13):
 * period, posts and staffed posts, never a row of the roster (no officer, no case).
 */
export async function publishedRosterCounts(db: Db, grant: RosterReadGrant): Promise<PublishedRoster[]> {
  if (grant.scope.kind !== 'all') throw new Error('the capacity figure counts every roster');
  const rows = await db
    .selectFrom('roster_version')
    .select(['version_id', 'parent_version_id', 'start_date', 'total_posts', 'covered_posts'])
    .where('published_at', 'is not', null)
    .where('failure', 'is', null)
    .execute();
  return rows.map((r) => ({
    versionId: r.version_id,
    parentVersionId: r.parent_version_id,
    startDate: day(r.start_date),
    totalPosts: Number(r.total_posts),
    coveredPosts: Number(r.covered_posts),
  }));
}
