import { ok, type Result } from '@hoeder/domain';
import type { CaseListItem, CaseSearchQuery, CaseSearchResponse } from '@hoeder/contracts';
import { searchCaseSummaries } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { caseSearch } from '../platform/guard/work-check';

/**
 * The overview at scale (issue 13): search, filters, sorting and paging in the database, under
 * the reader's visibility (the search grant), so neither a page nor a total shows a case the
 * reader may not see. The entry names the cases served and whether text was searched, never the
 * text itself (it may be a name).
 */
export function createCaseSearchService({ guard }: { guard: Guard }) {
  return {
    search: (ctx: RequestContext, actor: AuthenticatedActor, query: CaseSearchQuery): Promise<Result<CaseSearchResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'case.search', objectType: 'case', check: caseSearch(), readOnly: true }, async ({ trx, grant, note }) => {
        const { page, pageSize } = query;
        const found = await searchCaseSummaries(trx, grant, {
          text: query.q,
          phase: query.phase,
          phenomenon: query.phenomenon,
          sort: query.sort,
          dir: query.dir,
          today: ctx.now.toISOString().slice(0, 10),
          offset: (page - 1) * pageSize,
          limit: pageSize,
        });
        note({
          caseIds: found.rows.map((r) => r.caseId),
          total: found.total,
          totalCapped: found.totalCapped,
          textSearch: Boolean(query.q?.trim()),
          filters: { phase: query.phase ?? null, phenomenon: query.phenomenon ?? null, sort: query.sort, page },
        });
        // The read model stores the closed lists as text; they were validated when written.
        return ok({ items: found.rows as CaseListItem[], total: found.total, totalCapped: found.totalCapped, page, pageSize });
      }),
  };
}

export type CaseSearchService = ReturnType<typeof createCaseSearchService>;
