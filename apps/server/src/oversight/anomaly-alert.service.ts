import { CURRENT_ANOMALY_RULESET, fail, ok, type AnomalyRuleSet, type Result } from '@hoeder/domain';
import type { AnomalyAlertsQuery, AnomalyAlertsResponse, AnomalyAlertView, WorkItem } from '@hoeder/contracts';
import { closeAlert, getAlert, listAlerts, type AlertRow } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { anomalyAlerts } from '../platform/guard/anomaly-check';
import type { Guard } from '../platform/guard/guard';
import type { WorkQueueSource } from '../work/work-queue.service';

const view = (a: AlertRow): AnomalyAlertView => ({
  ...a,
  ruleId: a.ruleId as AnomalyAlertView['ruleId'],
  occurredAt: a.occurredAt.toISOString(),
  raisedAt: a.raisedAt.toISOString(),
  closedAt: a.closedAt?.toISOString() ?? null,
});

/** The queue id of open alerts in "Voor mij" (and its notifications). */
export const ALERT_QUEUE = 'anomaly_alerts';

/**
 * "Voor mij" for the inspectorate and the security officer: the open alerts. The item's `caseId`
 * carries the alert id (the notification table's key), `reference` the rule; no case is named.
 */
export const anomalyAlertSource: WorkQueueSource = {
  id: ALERT_QUEUE,
  roles: ['inspector', 'security_officer'],
  access: { objectType: 'anomaly_alert', check: anomalyAlerts },
  collect: async ({ trx }): Promise<WorkItem[]> =>
    (await listAlerts(trx, { status: 'open', limit: 200 })).map((a) => ({ queueId: ALERT_QUEUE, caseId: a.alertId, reference: a.ruleId, phase: null, dueOn: null, updatedAt: a.raisedAt.toISOString() })),
};

/** Access anomaly alerts (issue 13, ADR 0026): listed and closed with a finding, each act audited. */
export function createAnomalyAlertService({ guard, rules = CURRENT_ANOMALY_RULESET }: { guard: Guard; rules?: AnomalyRuleSet }) {
  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor, query: AnomalyAlertsQuery): Promise<Result<AnomalyAlertsResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'anomaly.alert_list', objectType: 'anomaly_alert', check: anomalyAlerts }, async ({ trx, note }) => {
        const items = (await listAlerts(trx, query)).map(view);
        note({ alertIds: items.map((a) => a.alertId) });
        return ok({ ruleVersion: rules.version, items });
      }),

    close: (ctx: RequestContext, actor: AuthenticatedActor, alertId: string, finding: string): Promise<Result<AnomalyAlertView>> =>
      guard.withAccess(ctx, actor, { operation: 'anomaly.alert_close', objectType: 'anomaly_alert', objectId: alertId, check: anomalyAlerts }, async ({ trx, note }) => {
        const alert = await getAlert(trx, alertId);
        if (!alert) return fail('NOT_FOUND', 'alert not found');
        note({ ruleId: alert.ruleId, userId: alert.userId });
        if (alert.closedAt || !(await closeAlert(trx, alertId, actor.userId, ctx.now, finding))) return fail('INVALID_TRANSITION', 'this alert was closed already');
        return ok(view((await getAlert(trx, alertId))!));
      }),
  };
}

export type AnomalyAlertService = ReturnType<typeof createAnomalyAlertService>;
