import { describe, expect, it } from 'vitest';
import { AUDIT_MIX } from './seed-audit';
import { goalsTable, resultsMarkdown, routeMet, type ScaleResult, type ScaleRow } from './table';

const row = (over: Partial<ScaleRow> = {}): ScaleRow => ({
  id: 'overview', label: 'Overview', user: 'besluit', path: '/api/cases/search', connections: 20, reqPerSec: 200, p50Ms: 40, p95Ms: 90, p99Ms: 120, ok: 2000, errors: 0, goalMs: 100, load: '1.00, 1.00, 1.00', ...over,
});

const result = (rows: ScaleRow[], perSecond = 5000): ScaleResult => ({
  command: 'npm run bench:scale', date: '2026-11-30T20:00:00.000Z', commit: 'abc1234', node: 'v22.23.3', loadAtStart: '1.00, 1.00, 1.00',
  seed: { cases: 10000, templateCases: 80, caseSeconds: 40, auditEntries: 1000000, auditInsertSeconds: 30, auditSealSeconds: 100, checkpoints: 50, visibleToDecisionMaker: 9000 },
  rows,
  anomaly: { entries: 200000, seconds: 200000 / perSecond, perSecond, alerts: 3, load: '1.00, 1.00, 1.00', goal: 1000 },
  proof: null,
  notes: [],
});

describe('scale benchmark table', () => {
  it('a route meets its goal only with p95 within it and no errors', () => {
    expect(routeMet(row())).toBe(true);
    expect(routeMet(row({ p95Ms: 100.5 }))).toBe(false);
    expect(routeMet(row({ errors: 1 }))).toBe(false);
    expect(routeMet(row({ ok: 0, p95Ms: Number.NaN }))).toBe(false);
  });

  it('names every goal with its target and says met or not', () => {
    const table = goalsTable(result([row(), row({ label: 'Audit', goalMs: 200, p95Ms: 250 })], 900));
    expect(table).toContain('| Overview (besluit) | 90 ms | ≤ 100 ms | yes |');
    expect(table).toContain('| Audit (besluit) | 250 ms | ≤ 200 ms | **no** |');
    expect(table).toMatch(/900 \/s \| ≥ 1000 \/s \| \*\*no\*\*/);
  });

  it('writes commit, Node version and load next to the figures, ids masked in paths', () => {
    const md = resultsMarkdown(result([row({ path: '/api/audit/entries?caseId=0b7c1e52-1111-4222-8333-444455556666' })]));
    expect(md).toContain('abc1234');
    expect(md).toContain('v22.23.3');
    expect(md).toContain('1.00, 1.00, 1.00');
    expect(md).toContain('caseId=:id');
  });

  it('the audit mix is mostly reads, and its weights are positive', () => {
    const total = AUDIT_MIX.reduce((s, m) => s + m.weight, 0);
    const reads = AUDIT_MIX.filter((m) => !m.operation.includes('command')).reduce((s, m) => s + m.weight, 0);
    expect(AUDIT_MIX.every((m) => m.weight > 0)).toBe(true);
    expect(reads / total).toBeGreaterThan(0.8);
  });
});
