import { randomUUID } from 'node:crypto';
import { evaluateAudit, type AnomalyRuleSet, type AnomalyState } from '@hoeder/domain';
import { listCanaryCaseIds, listCanaryKeepers, lockAnomalyCursor, saveAnomalyCursor, sealedAuditFacts, storeAlerts, type Db } from '@hoeder/db';
import type { AuditService } from '../audit/audit.service';

export interface EvaluationResult {
  entries: number;
  alerts: number;
  nextLeaf: number;
}

/**
 * Runs the anomaly rules (ADR 0026) over the sealed audit log from the cursor on, in the caller's
 * transaction: the cursor row is locked, so two evaluators never judge the same entries twice, and
 * the alerts, their own audit entries and the advanced cursor commit together or not at all.
 * The sealed order (leaf index) is the commit order: entries are judged once, none is skipped.
 */
export function createAnomalyDetector({ audit, rules, batch = 2000, maxBatches = 50 }: { audit: AuditService; rules: AnomalyRuleSet; batch?: number; maxBatches?: number }) {
  return {
    rules,
    async evaluateIn(trx: Db, now: Date): Promise<EvaluationResult> {
      const cursor = await lockAnomalyCursor(trx, rules.version, now);
      const canaries = new Set(await listCanaryCaseIds(trx));
      const keepers = new Set(await listCanaryKeepers(trx));
      let state = cursor.state as AnomalyState;
      let nextLeaf = cursor.nextLeaf;
      const result: EvaluationResult = { entries: 0, alerts: 0, nextLeaf };
      for (let i = 0; i < maxBatches; i++) {
        const page = await sealedAuditFacts(trx, nextLeaf, batch);
        if (page.facts.length === 0) break;
        const round = evaluateAudit(rules, state, page.facts, canaries, keepers);
        state = round.state;
        nextLeaf = page.nextLeaf;
        result.entries += page.facts.length;
        const raised = await storeAlerts(trx, round.alerts, now, randomUUID);
        result.alerts += raised.length;
        // Alerts are audited too: by the system, naming the rule and the user, never content.
        if (raised.length > 0) {
          await audit.recordMany(trx, { traceId: `anomaly-${randomUUID()}`, now }, null, raised.map((a) => ({
            operation: 'anomaly.alert_raised', status: 'ok' as const, processingActivity: 'oversight.anomaly_detection', objectType: 'anomaly_alert', objectId: a.alertId, details: { ruleId: a.ruleId, userId: a.userId },
          })));
        }
        if (page.facts.length < batch) break;
      }
      await saveAnomalyCursor(trx, { nextLeaf, ruleVersion: rules.version, state }, now);
      result.nextLeaf = nextLeaf;
      return result;
    },
  };
}

export type AnomalyDetector = ReturnType<typeof createAnomalyDetector>;
