import { assessment, dafQualityFacts, learning, ok, qualityFigures, readableIncidentTriggers, type QualityFacts, type Result } from '@hoeder/domain';
import type { QualityMonitorQuery, QualityMonitorResponse } from '@hoeder/contracts';
import { loadAssessmentEvents, loadIncidentTriggers, objectionsPerQuarter, publishedRosterCounts, qualityFacts } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { qualityPopulation } from '../platform/guard/anomaly-check';
import type { Guard } from '../platform/guard/guard';

/** The NCTV's quality monitor (issue 13, DOMAIN §8): figures per quarter, never a case or a name. */
export function createQualityMonitorService({ guard }: { guard: Guard }) {
  return {
    figures: (ctx: RequestContext, actor: AuthenticatedActor, query: QualityMonitorQuery): Promise<Result<QualityMonitorResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'quality.read', objectType: 'statistics', check: qualityPopulation() }, async ({ trx, grant, note }) => {
        const now = ctx.now.toISOString();
        const today = now.slice(0, 10);
        const cases = await qualityFacts(trx, grant.cases);
        // Re-assessment on every trigger of the domain's rule (validity, assumptions, new
        // information, incidents the reader is cleared for), and dissent, from the DAF records.
        const streams = await loadAssessmentEvents(trx, grant.cases);
        const triggers = readableIncidentTriggers(actor, await loadIncidentTriggers(trx, grant.cases));
        const facts: QualityFacts[] = cases.map(({ caseId, ...f }) => ({
          ...f,
          ...dafQualityFacts(assessment.projectAssessment(streams.get(caseId) ?? []), now, {
            incidents: learning.reassessmentIncidents(triggers.filter((t) => t.caseId === caseId)),
            caseEnded: f.phase === 'ended',
          }),
        }));
        const rosters = await publishedRosterCounts(trx, grant.rosters);
        const objections = await objectionsPerQuarter(trx, grant.cases.caseIds);
        note({ casesCounted: facts.length, rostersCounted: rosters.length });
        const figures = qualityFigures(facts, today, query.quarters, rosters);
        return ok({ generatedAt: now, ...figures, objections: objections && objections.filter((o) => figures.quarters.includes(o.quarter)) });
      }),
  };
}

export type QualityMonitorService = ReturnType<typeof createQualityMonitorService>;
