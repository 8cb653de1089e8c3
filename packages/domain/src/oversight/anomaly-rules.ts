import type { Role } from '../shared/vocabulary';

/**
 * Access anomaly detection (issue 13, ADR 0026): the rules over the audit stream as versioned data.
 * A new version is a new entry; an alert names the version it was raised under, so a changed
 * threshold never rewrites what an earlier alert meant. Deployments may override thresholds
 * (`withThresholds`), which yields a derived version (`<version>+local`).
 */
export const ANOMALY_RULE_IDS = ['canary_read', 'baseline_exceeded', 'outside_work', 'odd_hours', 'repeated_break_glass', 'person_sweep'] as const;
export type AnomalyRuleId = (typeof ANOMALY_RULE_IDS)[number];

export interface AnomalyRuleSet {
  version: string;
  /** The working day is judged in this zone (the Netherlands). */
  timeZone: string;
  /** Purposes under which a read has a basis in one's own work (membership, assignment, oversight). */
  workPurposes: readonly string[];
  /** Purposes that are by definition outside one's own work. */
  outsideWorkPurposes: readonly string[];
  /** The operation that records a break-glass grant. */
  breakGlassOperation: string;
  baseline: { enabled: boolean; factor: number; minimumReads: number; historyDays: number; minimumHistoryDays: number };
  outsideWork: { enabled: boolean; threshold: number };
  oddHours: { enabled: boolean; startHour: number; endHour: number; weekends: boolean; threshold: number };
  repeatedBreakGlass: { enabled: boolean; threshold: number; windowDays: number };
  personSweep: { enabled: boolean; distinctPersons: number; windowMinutes: number };
}

export const ANOMALY_RULESETS: readonly AnomalyRuleSet[] = [
  {
    version: '2026.1',
    timeZone: 'Europe/Amsterdam',
    workPurposes: ['protection.case_handling', 'protection.execution', 'protection.execution_planning', 'oversight.inspection'],
    outsideWorkPurposes: ['protection.break_glass'],
    breakGlassOperation: 'case.break_glass',
    // More than three times one's own average day, and at least 200 reads: a bad day is not an alert.
    baseline: { enabled: true, factor: 3, minimumReads: 200, historyDays: 28, minimumHistoryDays: 5 },
    // Reads under break-glass and refused reads of cases: each day, the third is an alert.
    outsideWork: { enabled: true, threshold: 3 },
    // 07:00–20:00 on weekdays is the working day; twenty reads outside it in one day is an alert.
    oddHours: { enabled: true, startHour: 7, endHour: 20, weekends: true, threshold: 20 },
    repeatedBreakGlass: { enabled: true, threshold: 3, windowDays: 7 },
    personSweep: { enabled: true, distinctPersons: 25, windowMinutes: 60 },
  },
];

export const CURRENT_ANOMALY_RULESET: AnomalyRuleSet = ANOMALY_RULESETS[ANOMALY_RULESETS.length - 1]!;

/** Thresholds a deployment may change; the canary rule has none (any read alerts). */
export type AnomalyThresholds = Partial<Pick<AnomalyRuleSet, 'baseline' | 'outsideWork' | 'oddHours' | 'repeatedBreakGlass' | 'personSweep'>>;

export function withThresholds(base: AnomalyRuleSet, overrides: AnomalyThresholds): AnomalyRuleSet {
  if (Object.keys(overrides).length === 0) return base;
  return {
    ...base,
    version: `${base.version}+local`,
    baseline: { ...base.baseline, ...overrides.baseline },
    outsideWork: { ...base.outsideWork, ...overrides.outsideWork },
    oddHours: { ...base.oddHours, ...overrides.oddHours },
    repeatedBreakGlass: { ...base.repeatedBreakGlass, ...overrides.repeatedBreakGlass },
    personSweep: { ...base.personSweep, ...overrides.personSweep },
  };
}

/** Who receives and closes alerts: the inspectorate and the NCTV's security officer. */
export const ANOMALY_ALERT_ROLES: readonly Role[] = ['inspector', 'security_officer'];
export const mayHandleAnomalyAlerts = (subject: { roles: readonly Role[] }): boolean => subject.roles.some((r) => ANOMALY_ALERT_ROLES.includes(r));

/** The least a closing finding must say. */
export const ANOMALY_FINDING_MIN = 10;
