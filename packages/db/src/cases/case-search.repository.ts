import { CASE_PHASES, PHASE_ATTENTION, REVIEW_DUE_ATTENTION, type CasePhase, type ThreatPhenomenon } from '@hoeder/domain';
import { sql, type Expression, type ExpressionBuilder, type QueryCreator, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { customPlan, literalRows } from '../pipelined-driver';
import type { CaseSearchGrant } from '../access/grants';
import type { CaseSummaryTable, Database, Db } from '../schema';
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
  /** Count matches up to this many (default CASE_COUNT_LIMIT; smaller in tests). */
  countLimit?: number | undefined;
}

export interface CaseSearchPage {
  rows: CaseSummaryRow[];
  /** Matching cases the reader sees, counted up to the count limit. */
  total: number;
  /** More than the count limit match: `total` is the limit. */
  totalCapped: boolean;
}

/**
 * Matches are counted up to this many (ADR 0039), as the audit viewer counts (ADR 0033): the
 * decision maker sees ~9,000 cases, and counting every one on each page cost more than the page.
 * Forty pages of 25 is more than anyone pages through before narrowing the search.
 */
export const CASE_COUNT_LIMIT = 1000;

type WithS = Database & { s: CaseSummaryTable };
type Query = SelectQueryBuilder<WithS, 's', object>;
type Eb = ExpressionBuilder<WithS, 's'>;

/** `%`, `_` and `\` in the user's text match themselves. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The domain's attention table (PHASE_ATTENTION) as one CASE expression. */
function attentionRank(today: string) {
  const phases = Object.entries(PHASE_ATTENTION).map(([phase, rank]) => sql`WHEN ${phase} THEN ${sql.lit(rank)}`);
  return sql<number>`CASE WHEN s.phase = 'measures_active' AND s.review_date <= ${today} THEN ${sql.lit(REVIEW_DUE_ATTENTION)} ELSE CASE s.phase ${sql.join(phases, sql` `)} END END`;
}

/**
 * The reader's reach checked per candidate case (ADR 0039): membership (or, for the LCC and unit
 * leads, their assignments) or a live break-glass grant, each one index probe. Used where only a
 * page's worth of candidates is read in order, and for the capped count. `OFFSET 0` keeps
 * PostgreSQL from turning the EXISTS into a hashed set of all ~9,000 memberships (built once per
 * range, 1–4 ms each) where a few dozen probes suffice.
 */
function reachedPerCase(grant: CaseSearchGrant, eb: Eb): Expression<SqlBool> {
  const glass = eb.exists(
    eb.selectFrom('break_glass_grant as g').select(sql`1`.as('one')).whereRef('g.case_id', '=', 's.case_id').where('g.user_id', '=', grant.userId).where('g.expires_at', '>', grant.at).offset(literalRows(0)),
  );
  if (grant.assignmentCaseIds) return grant.assignmentCaseIds.length > 0 ? eb.or([eb('s.case_id', 'in', [...grant.assignmentCaseIds]), glass]) : glass;
  const member = eb.exists(eb.selectFrom('case_member as m').select(sql`1`.as('one')).whereRef('m.case_id', '=', 's.case_id').where('m.user_id', '=', grant.userId).offset(literalRows(0)));
  return eb.or([member, glass]);
}

/**
 * The same reach as one set the planner hashes once (ADR 0033): for orders the page must sort every
 * match for. Two correlated EXISTS per case made PostgreSQL cost such a query above its JIT threshold.
 */
function reachedAsSet(grant: CaseSearchGrant, eb: Eb): Expression<SqlBool> {
  const glass = eb.selectFrom('break_glass_grant as g').select('g.case_id').where('g.user_id', '=', grant.userId).where('g.expires_at', '>', grant.at);
  if (grant.assignmentCaseIds) return grant.assignmentCaseIds.length > 0 ? eb.or([eb('s.case_id', 'in', [...grant.assignmentCaseIds]), eb('s.case_id', 'in', glass)]) : eb('s.case_id', 'in', glass);
  return eb('s.case_id', 'in', eb.selectFrom('case_member as m').select('m.case_id').where('m.user_id', '=', grant.userId).unionAll(glass));
}

/** Where a text search's matches are named once per statement (ADR 0043): the page and its count both read them. */
const TEXT_MATCH = 'case_text_match';
type Root = QueryCreator<Database>;

/**
 * The cases whose reference, or — only at markings where the reader sees persons — the name of one
 * of its persons (its `case_person` links: the registration's persons and those linked since)
 * contains the text: one small set from the trigram indexes (ADR 0039). Each matched person's
 * links are looked up by `case_person_person` (LATERAL, `OFFSET 0`): as a join PostgreSQL hashed
 * all ~24,000 links for the ~80 a name matches (ADR 0043).
 */
function textMatches(db: Db, grant: CaseSearchGrant, text: string) {
  const pattern = likePattern(text);
  const byReference = db.selectFrom('case_summary as r').select('r.case_id').where(sql<SqlBool>`lower(r.reference) LIKE ${pattern}`);
  if (grant.personClassifications.length === 0) return byReference;
  const byName = db
    .selectFrom('person as p')
    .innerJoinLateral(
      (eb) => eb.selectFrom('case_person as l').select('l.case_id').whereRef('l.person_id', '=', 'p.person_id').offset(literalRows(0)).as('cp'),
      (join) => join.onTrue(),
    )
    .innerJoin('case_summary as n', 'n.case_id', 'cp.case_id')
    .select('cp.case_id')
    .where(sql<SqlBool>`lower(p.full_name) LIKE ${pattern}`)
    .where('n.classification', 'in', [...grant.personClassifications]);
  return byReference.unionAll(byName);
}

/**
 * Where a statement starts: for a text search with its matches as a CTE, computed once however
 * often the statement reads them (a CTE read twice is materialised). The CTE is referenced in SQL
 * text only, so the typed builder need not know it.
 */
function rootFor(db: Db, grant: CaseSearchGrant, search: CaseSearch): Root {
  const text = search.text?.trim();
  return text ? (db.with(TEXT_MATCH, () => textMatches(db, grant, text)) as unknown as Root) : db;
}

/**
 * The filters, with the reader's markings and the reach in the given form: what may match. With
 * `null` for the reach the caller joins it itself (the count by membership, below).
 */
function matching(root: Root, grant: CaseSearchGrant, search: CaseSearch, reach: typeof reachedPerCase | null): Query {
  let query: Query = root.selectFrom('case_summary as s').where('s.classification', 'in', [...grant.summaryClassifications]);
  if (!grant.oversight && reach) query = query.where((eb) => reach(grant, eb));
  if (search.phase) query = query.where('s.phase', '=', search.phase);
  if (search.phenomenon) query = query.where('s.phenomenon', '=', search.phenomenon);
  if (!search.text?.trim()) return query;
  return query.where(sql<SqlBool>`s.case_id IN (SELECT case_id FROM ${sql.table(TEXT_MATCH)})`);
}

/**
 * The visible matches counted up to the limit. Where the reach is membership (not oversight, not
 * assignments) and the search has no text, from the reader's memberships (ADR 0045): the cases
 * the reader is a member of that match, joined in case order along `case_member (user_id,
 * case_id)` and the summaries' primary key, stopping at the cap — plus, exactly, the matching
 * cases reached only through a live break-glass grant (few). The two parts are disjoint and
 * together are the same set as the rule's "member or live grant"; only the way it is read
 * differs. Otherwise one probe per case read (ADR 0039); a text search's matches are few.
 */
function cappedCount(db: Db, grant: CaseSearchGrant, search: CaseSearch, root: Root = db) {
  const limit = (search.countLimit ?? CASE_COUNT_LIMIT) + 1;
  if (grant.oversight || grant.assignmentCaseIds || search.text?.trim()) {
    // `root` starts the statement (with the text matches' CTE); the subquery refers to it by name.
    const capped = matching(db, grant, search, reachedPerCase).select(sql<number>`1`.as('one')).limit(literalRows(limit)).as('c');
    return root.selectFrom(capped).select((eb) => eb.fn.countAll<string>().as('n'));
  }
  const members = matching(db, grant, search, null)
    .innerJoin('case_member as m', 'm.case_id', 's.case_id')
    .where('m.user_id', '=', grant.userId)
    .select(sql<number>`1`.as('one'))
    .limit(literalRows(limit))
    .as('c');
  const glassOnly = matching(db, grant, search, null)
    .innerJoin('break_glass_grant as g', 'g.case_id', 's.case_id')
    .where('g.user_id', '=', grant.userId)
    .where('g.expires_at', '>', grant.at)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_member as o').select(sql`1`.as('one')).whereRef('o.case_id', '=', 's.case_id').where('o.user_id', '=', grant.userId))))
    .select((eb) => eb.fn.count<string>('s.case_id').distinct().as('n'));
  return root.selectFrom(members).select(sql<string>`count(*) + (${glassOnly})`.as('n'));
}

const DUE_RANK = PHASE_ATTENTION.measures_active;
/**
 * The default order read from the index (attention_rank, review_date, updated_at DESC, case_id) in
 * four ranges, each in index order: due reviews (the head of the active-measures rank, ranked
 * REVIEW_DUE_ATTENTION), the ranks before, the rest of that rank, the ranks after. Valid while a due
 * review ranks before every phase and no other phase shares the active-measures rank; otherwise
 * the general path sorts (checked here and in the tests).
 */
export const ATTENTION_BY_INDEX =
  CASE_PHASES.every((p) => PHASE_ATTENTION[p] > REVIEW_DUE_ATTENTION) && CASE_PHASES.filter((p) => PHASE_ATTENTION[p] === DUE_RANK).join() === 'measures_active';

function attentionRanges(today: string): ((q: Query) => Query)[] {
  return [
    (q) => q.where('s.attention_rank', '=', DUE_RANK).where('s.review_date', '<=', today),
    (q) => q.where('s.attention_rank', '<', DUE_RANK),
    (q) => q.where('s.attention_rank', '=', DUE_RANK).where((eb) => eb.or([eb('s.review_date', 'is', null), eb('s.review_date', '>', today)])),
    (q) => q.where('s.attention_rank', '>', DUE_RANK),
  ];
}

/**
 * The first pages in "needs action first" order without sorting the reader's cases: each range
 * is scanned in index order, need-to-know checked on each candidate, and stops once it has the
 * rows up to the page's end; the page is cut from those few. One statement, the capped count with it.
 */
async function attentionPage(db: Db, grant: CaseSearchGrant, search: CaseSearch) {
  const end = search.offset + search.limit;
  const branches = attentionRanges(search.today).map((range, i) =>
    db.selectFrom(
      range(matching(db, grant, search, reachedPerCase))
        .selectAll('s')
        .select(sql.lit(i).as('range'))
        .orderBy('s.attention_rank')
        .orderBy('s.review_date')
        .orderBy('s.updated_at', 'desc')
        .orderBy('s.case_id')
        .limit(literalRows(end))
        .as(`r${i}`),
    ),
  );
  const [first, ...rest] = branches.map((b) => b.selectAll());
  const union = rest.reduce((u, b) => u.unionAll(b), first!);
  return db
    .selectFrom(union.as('u'))
    .selectAll('u')
    .select(() => cappedCount(db, grant, search).as('matches'))
    .orderBy('u.range')
    .orderBy('u.attention_rank')
    .orderBy('u.review_date')
    .orderBy('u.updated_at', 'desc')
    .orderBy('u.case_id')
    .offset(literalRows(search.offset))
    .limit(literalRows(search.limit))
    .execute();
}

/** Any other order, or a text search (few matches): the matches sorted, with the capped count. */
async function sortedPage(db: Db, grant: CaseSearchGrant, search: CaseSearch) {
  const dir = search.dir ?? (search.sort === 'updated' || search.sort === 'registered' ? 'desc' : 'asc');
  const text = Boolean(search.text?.trim());
  const root = rootFor(db, grant, search);
  // A text search matches few cases: probe those; any other order sorts all the reader's cases,
  // where one hashed set is cheaper than thousands of probes.
  let ordered = matching(root, grant, search, text ? reachedPerCase : reachedAsSet)
    .selectAll('s')
    .select(() => cappedCount(db, grant, search).as('matches'));
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
  const page = ordered.orderBy('s.case_id').offset(literalRows(search.offset)).limit(literalRows(search.limit));
  if (!text) return page.execute();
  // Planned for its pattern each time: a generic plan cannot tell a name from a common letter pair.
  return (await db.executeQuery(customPlan(page.compile()))).rows;
}

async function countAlone(db: Db, grant: CaseSearchGrant, search: CaseSearch): Promise<number> {
  const counted = cappedCount(db, grant, search, rootFor(db, grant, search)).compile();
  const { rows } = await db.executeQuery(search.text?.trim() ? customPlan(counted) : counted);
  return Number(rows[0]!.n);
}

/** Whether the default order may be read from the index: not for a text search, whose few matches sort cheaply. */
export const usesAttentionIndex = (search: CaseSearch) => ATTENTION_BY_INDEX && search.sort === 'attention' && (search.dir ?? 'asc') === 'asc' && !search.text?.trim();

/**
 * A page of the cases a reader sees, with the count over the same rule, so neither the page nor the
 * count includes a case the reader may not see (issue 13). The visibility is the grant's: markings
 * whose summary the reader reads, on membership, a live break-glass grant or oversight.
 */
export async function searchCaseSummaries(db: Db, grant: CaseSearchGrant, search: CaseSearch): Promise<CaseSearchPage> {
  if (grant.summaryClassifications.length === 0) return { rows: [], total: 0, totalCapped: false };
  const rows = usesAttentionIndex(search) ? await attentionPage(db, grant, search) : await sortedPage(db, grant, search);
  // No row to carry the count (nothing matches, or a page past the end): count on its own.
  const n = rows.length > 0 ? Number(rows[0]!.matches) : await countAlone(db, grant, search);
  const cap = search.countLimit ?? CASE_COUNT_LIMIT;
  return { rows: rows.map(toSummary), total: Math.min(n, cap), totalCapped: n > cap };
}
