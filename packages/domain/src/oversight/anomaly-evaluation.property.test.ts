import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAudit, type AnomalyState, type AuditFact } from './anomaly-evaluation';
import { CURRENT_ANOMALY_RULESET as RULES } from './anomaly-rules';

const USERS = ['u1', 'u2', 'u3'];
const uuid = fc.uuid();
const status = fc.constantFrom<AuditFact['status']>('ok', 'denied', 'error');
const purpose = fc.constantFrom('protection.case_handling', 'protection.break_glass', 'oversight.inspection', 'protection.execution', 'work.queues');
const anyTime = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((t) => new Date(t).toISOString());

const anyEntry = (subjects: fc.Arbitrary<string | null>) =>
  fc.record({
    seq: fc.nat(),
    occurredAt: anyTime,
    userId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    operation: fc.constantFrom('case.view', 'case.timeline', 'case.break_glass', 'assessment.view'),
    status,
    purpose,
    subjectId: subjects,
  });

/** Any prior state the rules could have left: counters high or low, history, windows. */
const anyState: fc.Arbitrary<AnomalyState> = fc.dictionary(
  fc.constantFrom(...USERS),
  fc.record({
    day: fc.constantFrom('2026-03-02', '2027-06-15'),
    reads: fc.nat(1000),
    outside: fc.nat(10),
    odd: fc.nat(50),
    history: fc.array(fc.nat(500), { maxLength: 28 }),
    breakGlass: fc.array(anyTime, { maxLength: 5 }),
    recent: fc.dictionary(fc.uuid(), anyTime, { maxKeys: 5 }),
    raised: fc.subarray(['baseline_exceeded', 'outside_work', 'odd_hours', 'repeated_break_glass', 'person_sweep'] as const),
  }),
);

describe('anomaly rules (properties)', () => {
  it('a read of a canary always raises an alert naming the reader and the canary, whatever came before', () => {
    fc.assert(
      fc.property(anyState, fc.uniqueArray(uuid, { minLength: 1, maxLength: 3 }), fc.array(anyEntry(fc.option(uuid, { nil: null })), { maxLength: 30 }), fc.nat(), fc.constantFrom(...USERS), status, purpose, anyTime, (state, canaries, noise, at, userId, st, pu, occurredAt) => {
        const canary = canaries[at % canaries.length]!;
        const read: AuditFact = { seq: 10_000_000, occurredAt, userId, operation: 'case.view', status: st, purpose: pu, subjectId: canary };
        const entries: AuditFact[] = [...noise];
        entries.splice(at % (entries.length + 1), 0, read);
        const { alerts } = evaluateAudit(RULES, state, entries, new Set(canaries));
        expect(alerts.some((a) => a.ruleId === 'canary_read' && a.userId === userId && a.caseIds.includes(canary) && a.seq === read.seq)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // Ordinary work: one's own few cases, under the work purpose, on weekdays between 08:00 and 18:00
  // in the Netherlands, at most the baseline's minimum a day, whatever the order and the batching.
  const weekdayOfficeHour = fc
    .record({ day: fc.integer({ min: 0, max: 60 }), minute: fc.integer({ min: 8 * 60, max: 17 * 60 + 59 }) })
    .map(({ day, minute }) => {
      // 2026-02-02 is a Monday; winter time (UTC+1): subtract one hour for UTC.
      const monday = Date.parse('2026-02-02T00:00:00Z') + Math.floor(day / 5) * 7 * 86_400_000 + (day % 5) * 86_400_000;
      return new Date(monday + (minute - 60) * 60_000).toISOString();
    });
  it('ordinary work on one’s own cases never raises an alert', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ userId: fc.constantFrom(...USERS), occurredAt: weekdayOfficeHour.filter((t) => t < '2026-03-28'), own: fc.integer({ min: 0, max: 9 }) }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (work, batch) => {
          const sorted = [...work].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
          const entries: AuditFact[] = sorted.map((w, i) => ({ seq: i + 1, occurredAt: w.occurredAt, userId: w.userId, operation: 'case.view', status: 'ok', purpose: 'protection.case_handling', subjectId: `case-${w.userId}-${w.own}` }));
          const canaries = new Set(['canary-1', 'canary-2']);
          let state: AnomalyState = {};
          for (let i = 0; i < entries.length; i += batch) {
            const round = evaluateAudit(RULES, state, entries.slice(i, i + batch), canaries);
            expect(round.alerts).toEqual([]);
            state = round.state;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
