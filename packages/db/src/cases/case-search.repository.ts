import { PHASE_ATTENTION, REVIEW_DUE_ATTENTION, type CasePhase, type ThreatPhenomenon } from '@hoeder/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { CaseSearchGrant } from '../access/grants';
import type { Db } from '../schema';
import { toSummary, type CaseSummaryRow } from './case.repository';

export type CaseSearchSort = 'attention' | 'updated' | 'registered' | 'reference' | 'review';

export interface CaseSearch {
  /** Part of a reference, or of a person's name where the grant lets the reader see persons. */
  text?: string | undefined;
  phase?: CasePhase | undefined;
  phenomenon?: ThreatPhenomenon | undefined;
  sort: CaseSearchSort;
  dir?: 'asc' | 'desc' | undefined;
  /** YYYY-MM-DD: a review on or before it is due. */
  today: string;
  offset: number;
  limit: number;
}

export interface CaseSearchPage {
  rows: CaseSummaryRow[];
  total: number;
}

/** `%`, `_` and `\` in the user's text match themselves. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The domain's attention table (PHASE_ATTENTION) as one CASE expression. */
function attentionRank(today: string) {
  const phases = Object.entries(PHASE_ATTENTION).map(([phase, rank]) => sql`WHEN ${phase} THEN ${sql.lit(rank)}`);
  return sql<number>`CASE WHEN s.phase = 'measures_active' AND s.review_date <= ${today} THEN ${sql.lit(REVIEW_DUE_ATTENTION)} ELSE CASE s.phase ${sql.join(phases, sql` `)} END END`;
}

/**
 * A page of the cases a reader sees, with the total over the same rule, so neither the page nor the
 * count includes a case the reader may not see (issue 13). The visibility is the grant's: markings
 * whose summary the reader reads, on membership, a live break-glass grant or oversight.
 */
export async function searchCaseSummaries(db: Db, grant: CaseSearchGrant, search: CaseSearch): Promise<CaseSearchPage> {
  if (grant.summaryClassifications.length === 0) return { rows: [], total: 0 };
  let query = db.selectFrom('case_summary as s').where('s.classification', 'in', [...grant.summaryClassifications]);
  if (!grant.oversight) {
    // The cases the reader reaches, as one set the planner hashes once (ADR 0033): membership (or,
    // for the LCC and unit leads, their assignments) and live break-glass grants. Two correlated
    // EXISTS per case made PostgreSQL cost the query above its JIT threshold at 10,000 cases.
    const reached = grant.assignmentCaseIds
      ? grant.assignmentCaseIds.length > 0
        ? [...grant.assignmentCaseIds]
        : null
      : db.selectFrom('case_member as m').select('m.case_id').where('m.user_id', '=', grant.userId);
    const glass = db.selectFrom('break_glass_grant as g').select('g.case_id').where('g.user_id', '=', grant.userId).where('g.expires_at', '>', grant.at);
    query = query.where((eb) =>
      reached === null ? eb('s.case_id', 'in', glass) : Array.isArray(reached) ? eb.or([eb('s.case_id', 'in', reached), eb('s.case_id', 'in', glass)]) : eb('s.case_id', 'in', reached.unionAll(glass)),
    );
  }
  if (search.phase) query = query.where('s.phase', '=', search.phase);
  if (search.phenomenon) query = query.where('s.phenomenon', '=', search.phenomenon);
  const text = search.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => {
      const byReference: Expression<SqlBool> = sql<SqlBool>`lower(s.reference) LIKE ${pattern}`;
      if (grant.personClassifications.length === 0) return byReference;
      // Only at markings where the reader sees persons. The persons of a case are its `case_person`
      // links (the registration's persons and those linked since), named in `person`: one scan of
      // the names instead of unpacking every case's registration event.
      const byName = eb.and([
        eb('s.classification', 'in', [...grant.personClassifications]),
        eb(
          's.case_id',
          'in',
          eb
            .selectFrom('case_person as cp')
            .innerJoin('person as p', 'p.person_id', 'cp.person_id')
            .select('cp.case_id')
            .where(sql<SqlBool>`lower(p.full_name) LIKE ${pattern}`),
        ),
      ]);
      return eb.or([byReference, byName]);
    });
  }
  const dir = search.dir ?? (search.sort === 'updated' || search.sort === 'registered' ? 'desc' : 'asc');
  // The total rides along as a window count (ADR 0033): one pass over the reader's cases for the
  // page and its total, where a separate count read them all a second time.
  let ordered = query.selectAll('s').select(sql<string>`count(*) OVER ()`.as('matches'));
  switch (search.sort) {
    case 'attention':
      ordered = ordered.orderBy(attentionRank(search.today), dir).orderBy(sql`s.review_date`, sql`asc nulls last`).orderBy('s.updated_at', 'desc');
      break;
    case 'review':
      ordered = ordered.orderBy(sql`s.review_date`, dir === 'asc' ? sql`asc nulls last` : sql`desc nulls last`);
      break;
    case 'updated':
      ordered = ordered.orderBy('s.updated_at', dir);
      break;
    case 'registered':
      ordered = ordered.orderBy('s.registered_at', dir);
      break;
    case 'reference':
      ordered = ordered.orderBy('s.reference', dir);
      break;
  }
  // A total order, so pages never overlap or skip a case.
  const rows = await ordered.orderBy('s.case_id').offset(search.offset).limit(search.limit).execute();
  if (rows.length > 0) return { rows: rows.map(toSummary), total: Number(rows[0]!.matches) };
  // No row to carry the total (nothing matches, or a page past the end): count on its own.
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows: [], total: Number(counted.n) };
}
