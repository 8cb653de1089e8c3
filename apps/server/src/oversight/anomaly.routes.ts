import { AlertIdParams, AnomalyAlertsQuery, CloseAlertRequest, QualityMonitorQuery } from '@hoeder/contracts';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { AnomalyAlertService } from './anomaly-alert.service';
import type { QualityMonitorService } from './quality-monitor.service';

/** Issue 13, ADR 0026: access anomaly alerts and the NCTV's quality monitor. */
export function registerAnomalyRoutes(app: FastifyInstance, deps: { anomalyAlerts: AnomalyAlertService; qualityMonitor: QualityMonitorService; clock: Clock }) {
  const tags = ['oversight'];
  app.get('/api/oversight/alerts', { schema: { tags, summary: 'Access anomaly alerts (the inspectorate and the security officer)', querystring: openApi(AnomalyAlertsQuery) } }, async (request) => {
    const actor = requireActor(request);
    const query = parseWith(AnomalyAlertsQuery, request.query);
    return unwrap(await deps.anomalyAlerts.list(requestContext(request, deps.clock), actor, query));
  });

  app.post(
    '/api/oversight/alerts/:alertId/close',
    { schema: { tags, summary: 'Close an access anomaly alert with the finding (once)', params: openApi(AlertIdParams), body: openApi(CloseAlertRequest) } },
    async (request) => {
      const actor = requireActor(request);
      const { alertId } = parseWith(AlertIdParams, request.params);
      const { finding } = parseWith(CloseAlertRequest, request.body);
      return unwrap(await deps.anomalyAlerts.close(requestContext(request, deps.clock), actor, alertId, finding));
    },
  );

  app.get('/api/quality-monitor', { schema: { tags: ['statistics'], summary: "The NCTV's quality monitor: throughput, overdue work, deviations per quarter; no case, no name", querystring: openApi(QualityMonitorQuery) } }, async (request) => {
    const actor = requireActor(request);
    const query = parseWith(QualityMonitorQuery, request.query);
    return unwrap(await deps.qualityMonitor.figures(requestContext(request, deps.clock), actor, query));
  });
}
