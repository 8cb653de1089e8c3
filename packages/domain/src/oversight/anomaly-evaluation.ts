import type { AnomalyRuleId, AnomalyRuleSet } from './anomaly-rules';

/** One audit entry as the rules see it: who, when, what, under which purpose, about which case. */
export interface AuditFact {
  seq: number;
  occurredAt: string;
  userId: string | null;
  operation: string;
  status: 'ok' | 'denied' | 'error';
  purpose: string;
  /** The case whose people the entry concerns (the entry's data subject), if any. */
  subjectId: string | null;
}

/** What the rules remember of one user between rounds (bounded: one day, a window, a history). */
export interface UserAnomalyState {
  /** The local day the counters below are of. */
  day: string;
  reads: number;
  outside: number;
  odd: number;
  /** Earlier days' reads, oldest first, at most the rule set's history length. */
  history: number[];
  /** Times of break-glass grants inside the rule's window. */
  breakGlass: string[];
  /** Case → latest read time, inside the sweep window. */
  recent: Record<string, string>;
  /** Day-scoped rules already raised today: one alert per rule, user and day. */
  raised: AnomalyRuleId[];
}

export type AnomalyState = Record<string, UserAnomalyState>;

/** An alert to store. `dedupeKey` makes storing idempotent: one open alert per key. */
export interface AlertDraft {
  ruleId: AnomalyRuleId;
  ruleVersion: string;
  userId: string;
  dedupeKey: string;
  seq: number;
  occurredAt: string;
  caseIds: string[];
  observed: number;
  threshold: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(iso: string, timeZone: string): { day: string; hour: number; weekend: boolean } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', weekday: 'short', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), weekend: p.weekday === 'Sat' || p.weekday === 'Sun' };
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

const fresh = (day: string): UserAnomalyState => ({ day, reads: 0, outside: 0, odd: 0, history: [], breakGlass: [], recent: {}, raised: [] });

/** Moves a user's counters to a later day: the day's reads join the history, with zeros for days without any. */
function rollTo(s: UserAnomalyState, day: string, historyDays: number): UserAnomalyState {
  if (day <= s.day) return s;
  const gap = Math.min(daysBetween(s.day, day) - 1, historyDays);
  const history = [...s.history, s.reads, ...Array<number>(Math.max(0, gap)).fill(0)].slice(-historyDays);
  return { ...s, day, reads: 0, outside: 0, odd: 0, history, raised: [] };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The most reads a user may make today before the baseline rule speaks. */
export function baselineLimit(rules: AnomalyRuleSet, history: readonly number[]): number {
  const { factor, minimumReads, minimumHistoryDays } = rules.baseline;
  return history.length >= minimumHistoryDays ? Math.max(minimumReads, Math.ceil(factor * mean(history))) : minimumReads;
}

/**
 * Runs the rules over a batch of audit entries in log order (pure). Returns the alerts and the new
 * state; the caller stores both in one transaction with the cursor. A read of a canary always
 * yields an alert, whatever the state, purpose or status; day-scoped rules speak once a day.
 */
export function evaluateAudit(
  rules: AnomalyRuleSet,
  state: AnomalyState,
  entries: readonly AuditFact[],
  canaries: ReadonlySet<string>,
  /** The accounts without a login that keep the canaries: they do no real work, so are not judged. */
  keepers: ReadonlySet<string> = new Set(),
): { state: AnomalyState; alerts: AlertDraft[] } {
  const next: AnomalyState = { ...state };
  const alerts: AlertDraft[] = [];
  for (const e of entries) {
    if (!e.userId || keepers.has(e.userId)) continue;
    const local = localParts(e.occurredAt, rules.timeZone);
    const draft = (ruleId: AnomalyRuleId, dedupeKey: string, observed: number, threshold: number, caseIds: string[] = []): AlertDraft => ({
      ruleId, ruleVersion: rules.version, userId: e.userId!, dedupeKey, seq: e.seq, occurredAt: e.occurredAt, caseIds, observed, threshold,
    });
    if (e.subjectId && canaries.has(e.subjectId)) alerts.push(draft('canary_read', `canary_read:${e.userId}:${e.subjectId}`, 1, 1, [e.subjectId]));

    let s = rollTo(next[e.userId] ?? fresh(local.day), local.day, rules.baseline.historyDays);
    s = { ...s, raised: [...s.raised] };
    const raise = (ruleId: AnomalyRuleId, observed: number, threshold: number, caseIds: string[] = []) => {
      if (s.raised.includes(ruleId)) return;
      s.raised.push(ruleId);
      alerts.push(draft(ruleId, `${ruleId}:${e.userId}:${s.day}`, observed, threshold, caseIds));
    };
    const isRead = e.status === 'ok' && e.subjectId !== null;
    const outside = e.subjectId !== null && (e.status === 'denied' || (e.status === 'ok' && rules.outsideWorkPurposes.includes(e.purpose)));

    if (isRead) {
      s.reads += 1;
      const limit = baselineLimit(rules, s.history);
      if (rules.baseline.enabled && s.reads > limit) raise('baseline_exceeded', s.reads, limit);
      const { startHour, endHour, weekends, threshold } = rules.oddHours;
      if (local.hour < startHour || local.hour >= endHour || (weekends && local.weekend)) {
        s.odd += 1;
        if (rules.oddHours.enabled && s.odd >= threshold) raise('odd_hours', s.odd, threshold);
      }
      const since = Date.parse(e.occurredAt) - rules.personSweep.windowMinutes * 60_000;
      const recent = Object.fromEntries(Object.entries(s.recent).filter(([, at]) => Date.parse(at) > since));
      recent[e.subjectId!] = e.occurredAt;
      s.recent = recent;
      const distinct = Object.keys(recent).length;
      if (rules.personSweep.enabled && distinct >= rules.personSweep.distinctPersons) raise('person_sweep', distinct, rules.personSweep.distinctPersons);
    }
    if (outside) {
      s.outside += 1;
      if (rules.outsideWork.enabled && s.outside >= rules.outsideWork.threshold) raise('outside_work', s.outside, rules.outsideWork.threshold, [e.subjectId!]);
    }
    if (e.operation === rules.breakGlassOperation && e.status === 'ok') {
      const since = Date.parse(e.occurredAt) - rules.repeatedBreakGlass.windowDays * DAY_MS;
      s.breakGlass = [...s.breakGlass.filter((at) => Date.parse(at) > since), e.occurredAt];
      if (rules.repeatedBreakGlass.enabled && s.breakGlass.length >= rules.repeatedBreakGlass.threshold) raise('repeated_break_glass', s.breakGlass.length, rules.repeatedBreakGlass.threshold);
    }
    next[e.userId] = s;
  }
  return { state: next, alerts };
}
