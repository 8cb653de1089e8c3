import { ok, qualityFigures, type Result } from '@hoeder/domain';
import type { QualityMonitorQuery, QualityMonitorResponse } from '@hoeder/contracts';
import { objectionsPerQuarter, qualityFacts } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { qualityPopulation } from '../platform/guard/anomaly-check';
import type { Guard } from '../platform/guard/guard';

/** The NCTV's quality monitor (issue 13, DOMAIN §8): figures per quarter, never a case or a name. */
export function createQualityMonitorService({ guard }: { guard: Guard }) {
  return {
    figures: (ctx: RequestContext, actor: AuthenticatedActor, query: QualityMonitorQuery): Promise<Result<QualityMonitorResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'quality.read', objectType: 'statistics', check: qualityPopulation() }, async ({ trx, grant, note }) => {
        const today = ctx.now.toISOString().slice(0, 10);
        const facts = await qualityFacts(trx, grant.cases, today);
        const objections = await objectionsPerQuarter(trx, grant.cases.caseIds);
        note({ casesCounted: facts.length });
        const figures = qualityFigures(facts, today, query.quarters);
        return ok({ generatedAt: ctx.now.toISOString(), ...figures, objections: objections && objections.filter((o) => figures.quarters.includes(o.quarter)) });
      }),
  };
}

export type QualityMonitorService = ReturnType<typeof createQualityMonitorService>;
