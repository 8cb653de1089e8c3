import { advisoryFigures, ok, type Result } from '@hoeder/domain';
import type { StatisticsResponse } from '@hoeder/contracts';
import { statisticsFacts } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { statisticsPopulation } from '../platform/guard/statistics-check';

/** Anonymised figures for the advisory body (issue 13): counted, suppressed, never a case. */
export function createStatisticsService({ guard }: { guard: Guard }) {
  return {
    figures: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<StatisticsResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'statistics.read', objectType: 'statistics', check: statisticsPopulation() }, async ({ trx, grant, note }) => {
        const facts = await statisticsFacts(trx, grant.cases);
        // The entry records how many cases were counted, not which.
        note({ casesCounted: facts.length });
        return ok({ generatedAt: ctx.now.toISOString(), ...advisoryFigures(facts) });
      }),
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
