import { describe, expect, it } from 'vitest';
import { baselineLimit, evaluateAudit, type AuditFact } from './anomaly-evaluation';
import { CURRENT_ANOMALY_RULESET as RULES, withThresholds } from './anomaly-rules';

let seq = 0;
const entry = (over: Partial<AuditFact>): AuditFact => ({ seq: ++seq, occurredAt: '2026-03-03T10:00:00Z', userId: 'u1', operation: 'case.view', status: 'ok', purpose: 'protection.case_handling', subjectId: 'c1', ...over });
const none = new Set<string>();
const rules = (alerts: { ruleId: string }[]) => alerts.map((a) => a.ruleId);

describe('anomaly rules', () => {
  it('a sweep over many persons within the window alerts once that day', () => {
    const reads = Array.from({ length: 30 }, (_, i) => entry({ subjectId: `c${i}`, occurredAt: new Date(Date.parse('2026-03-03T10:00:00Z') + i * 60_000).toISOString() }));
    const { alerts } = evaluateAudit(RULES, {}, reads, none);
    expect(rules(alerts)).toEqual(['person_sweep']);
    expect(alerts[0]).toMatchObject({ observed: 25, threshold: 25, dedupeKey: 'person_sweep:u1:2026-03-03' });
  });

  it('the same reads spread over more than the window do not', () => {
    const reads = Array.from({ length: 30 }, (_, i) => entry({ subjectId: `c${i}`, occurredAt: new Date(Date.parse('2026-03-03T07:00:00Z') + i * 3 * 60_000 * 10).toISOString() }));
    expect(rules(evaluateAudit(RULES, {}, reads, none).alerts)).not.toContain('person_sweep');
  });

  it('reads at night: the twentieth alerts (Amsterdam time)', () => {
    const night = Array.from({ length: 20 }, () => entry({ occurredAt: '2026-03-03T23:30:00Z' }));
    expect(rules(evaluateAudit(RULES, {}, night.slice(0, 19), none).alerts)).toEqual([]);
    expect(rules(evaluateAudit(RULES, {}, night, none).alerts)).toEqual(['odd_hours']);
    // 06:30 UTC is 07:30 in Amsterdam in winter: a working hour.
    expect(rules(evaluateAudit(RULES, {}, Array.from({ length: 25 }, () => entry({ occurredAt: '2026-03-03T06:30:00Z' })), none).alerts)).toEqual([]);
  });

  it('reads outside one’s work: break-glass reads and refused reads, the third of a day alerts', () => {
    const out = [entry({ purpose: 'protection.break_glass' }), entry({ status: 'denied' }), entry({ status: 'denied', subjectId: 'c9' })];
    const { alerts } = evaluateAudit(RULES, {}, out, none);
    expect(alerts).toMatchObject([{ ruleId: 'outside_work', caseIds: ['c9'], observed: 3 }]);
  });

  it('repeated break-glass within the window', () => {
    const grants = ['2026-03-01', '2026-03-03', '2026-03-06'].map((d) => entry({ operation: 'case.break_glass', occurredAt: `${d}T10:00:00Z`, subjectId: null }));
    expect(rules(evaluateAudit(RULES, {}, grants, none).alerts)).toEqual(['repeated_break_glass']);
    const spread = ['2026-03-01', '2026-03-09', '2026-03-17'].map((d) => entry({ operation: 'case.break_glass', occurredAt: `${d}T10:00:00Z`, subjectId: null }));
    expect(rules(evaluateAudit(RULES, {}, spread, none).alerts)).toEqual([]);
  });

  it('far more than one’s own baseline: the history of earlier days sets the limit', () => {
    expect(baselineLimit(RULES, [])).toBe(200);
    expect(baselineLimit(RULES, [100, 100, 100, 100, 100])).toBe(300);
    const state = { u1: { day: '2026-03-02', reads: 100, outside: 0, odd: 0, history: [100, 100, 100, 100], breakGlass: [], recent: {}, raised: [] } };
    const day = Array.from({ length: 301 }, (_, i) => entry({ subjectId: `c${i % 5}` }));
    const { alerts, state: after } = evaluateAudit(RULES, state, day, none);
    expect(alerts).toMatchObject([{ ruleId: 'baseline_exceeded', observed: 301, threshold: 300 }]);
    expect(after.u1!.history).toEqual([100, 100, 100, 100, 100]);
  });

  it('thresholds are configurable and give a derived version', () => {
    const local = withThresholds(RULES, { personSweep: { enabled: true, distinctPersons: 2, windowMinutes: 60 } });
    expect(local.version).toBe(`${RULES.version}+local`);
    const { alerts } = evaluateAudit(local, {}, [entry({ subjectId: 'a' }), entry({ subjectId: 'b' })], none);
    expect(alerts).toMatchObject([{ ruleId: 'person_sweep', ruleVersion: local.version }]);
  });

  it('entries without a user (the system) are not judged; a canary read by a user is, even when refused', () => {
    expect(evaluateAudit(RULES, {}, [entry({ userId: null, subjectId: 'k' })], new Set(['k'])).alerts).toEqual([]);
    expect(evaluateAudit(RULES, {}, [entry({ status: 'denied', subjectId: 'k' })], new Set(['k'])).alerts).toMatchObject([{ ruleId: 'canary_read', dedupeKey: 'canary_read:u1:k' }]);
  });
});
