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

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The most reads a user may make today before the baseline rule speaks. */
export function baselineLimit(rules: AnomalyRuleSet, history: readonly number[]): number {
  const { factor, minimumReads, minimumHistoryDays } = rules.baseline;
  return history.length >= minimumHistoryDays ? Math.max(minimumReads, Math.ceil(factor * mean(history))) : minimumReads;
}

/** A user's state while a batch is judged: the sweep window as a Map (cheap to update and prune). */
interface Working extends Omit<UserAnomalyState, 'recent'> {
  recent: Map<string, number>;
}

const toWorking = (s: UserAnomalyState): Working => ({ ...s, history: [...s.history], breakGlass: [...s.breakGlass], raised: [...s.raised], recent: new Map(Object.entries(s.recent).map(([k, v]) => [k, Date.parse(v)])) });
const fromWorking = (w: Working): UserAnomalyState => ({ ...w, recent: Object.fromEntries([...w.recent].map(([k, v]) => [k, new Date(v).toISOString()])) });

function rollWorking(w: Working, day: string, historyDays: number): void {
  if (day <= w.day) return;
  const gap = Math.min(daysBetween(w.day, day) - 1, historyDays);
  w.history = [...w.history, w.reads, ...Array<number>(Math.max(0, gap)).fill(0)].slice(-historyDays);
  Object.assign(w, { day, reads: 0, outside: 0, odd: 0, raised: [] });
}

const prune = (recent: Map<string, number>, since: number) => {
  for (const [k, at] of recent) if (at <= since) recent.delete(k);
};

/**
 * Runs the rules over a batch of audit entries in log order (pure: the given state is not changed).
 * Returns the alerts and the new state; the caller stores both in one transaction with the cursor.
 * A read of a canary always yields an alert, whatever the state, purpose or status; day-scoped
 * rules speak once a day.
 */
export function evaluateAudit(
  rules: AnomalyRuleSet,
  state: AnomalyState,
  entries: readonly AuditFact[],
  canaries: ReadonlySet<string>,
  /** The accounts without a login that keep the canaries: they do no real work, so are not judged. */
  keepers: ReadonlySet<string> = new Set(),
): { state: AnomalyState; alerts: AlertDraft[] } {
  const working = new Map<string, Working>();
  const alerts: AlertDraft[] = [];
  const sweepN = rules.personSweep.distinctPersons;
  const sweepMs = rules.personSweep.windowMinutes * 60_000;
  for (const e of entries) {
    if (!e.userId || keepers.has(e.userId)) continue;
    const userId = e.userId;
    const local = localParts(e.occurredAt, rules.timeZone);
    const at = Date.parse(e.occurredAt);
    const draft = (ruleId: AnomalyRuleId, dedupeKey: string, observed: number, threshold: number, caseIds: string[] = []): AlertDraft => ({
      ruleId, ruleVersion: rules.version, userId, dedupeKey, seq: e.seq, occurredAt: e.occurredAt, caseIds, observed, threshold,
    });
    if (e.subjectId && canaries.has(e.subjectId)) alerts.push(draft('canary_read', `canary_read:${userId}:${e.subjectId}`, 1, 1, [e.subjectId]));

    let w = working.get(userId);
    if (!w) {
      const prior = state[userId];
      w = toWorking(prior ?? fresh(local.day));
      working.set(userId, w);
    }
    rollWorking(w, local.day, rules.baseline.historyDays);
    const s = w;
    const raise = (ruleId: AnomalyRuleId, observed: number, threshold: number, caseIds: string[] = []) => {
      if (s.raised.includes(ruleId)) return;
      s.raised.push(ruleId);
      alerts.push(draft(ruleId, `${ruleId}:${userId}:${s.day}`, observed, threshold, caseIds));
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
      s.recent.delete(e.subjectId!);
      s.recent.set(e.subjectId!, at);
      // The map's size bounds the distinct count from above: prune only when it could reach the threshold.
      if (s.recent.size >= sweepN && (!s.raised.includes('person_sweep') || s.recent.size > 4 * sweepN)) {
        prune(s.recent, at - sweepMs);
        if (rules.personSweep.enabled && s.recent.size >= sweepN) raise('person_sweep', s.recent.size, sweepN);
      }
    }
    if (outside) {
      s.outside += 1;
      if (rules.outsideWork.enabled && s.outside >= rules.outsideWork.threshold) raise('outside_work', s.outside, rules.outsideWork.threshold, [e.subjectId!]);
    }
    if (e.operation === rules.breakGlassOperation && e.status === 'ok') {
      const since = at - rules.repeatedBreakGlass.windowDays * DAY_MS;
      s.breakGlass = [...s.breakGlass.filter((t) => Date.parse(t) > since), e.occurredAt];
      if (rules.repeatedBreakGlass.enabled && s.breakGlass.length >= rules.repeatedBreakGlass.threshold) raise('repeated_break_glass', s.breakGlass.length, rules.repeatedBreakGlass.threshold);
    }
  }
  const next: AnomalyState = { ...state };
  for (const [userId, w] of working) {
    prune(w.recent, Math.max(...w.recent.values(), 0) - sweepMs);
    next[userId] = fromWorking(w);
  }
  return { state: next, alerts };
}
