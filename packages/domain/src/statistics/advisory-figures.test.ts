import { describe, expect, it } from 'vitest';
import { advisoryFigures, quarterOf, type CaseStatisticsFacts } from './advisory-figures';

const fact = (i: number, over: Partial<CaseStatisticsFacts> = {}): CaseStatisticsFacts => ({
  phenomenon: 'organised_crime',
  phase: 'measures_active',
  registeredAt: `2026-0${1 + (i % 2)}-10T09:00:00.000Z`,
  outcome: 'national',
  triagedAt: `2026-0${1 + (i % 2)}-${String(11 + i).padStart(2, '0')}T09:00:00.000Z`,
  assessedAt: null,
  approvedAt: null,
  ...over,
});

describe('advisory figures', () => {
  it('publishes large cells, suppresses small ones and what would give them away', () => {
    const facts = [...Array.from({ length: 12 }, (_, i) => fact(i)), ...Array.from({ length: 3 }, (_, i) => fact(i, { phenomenon: 'terrorism' }))];
    const byPhase = advisoryFigures(facts).tables.find((t) => t.id === 'phenomenon_by_phase')!;
    const row = (p: string) => byPhase.rows.indexOf(p);
    const col = byPhase.columns.indexOf('measures_active');
    expect(byPhase.cells[row('terrorism')]![col]).toBeNull();
    expect(byPhase.cells[row('organised_crime')]![col]).toBe(12);
    expect(byPhase.rowTotals[row('organised_crime')]).toBe(12);
    // 15 − 12 = 3 is shared by the hidden cells of the column (terrorism and the empty rows),
    // so no single cell can be derived (the property test checks this for any table).
    expect(byPhase.columnTotals[col]).toBe(15);
    expect(byPhase.cells.filter((r) => r[col] === null).length).toBeGreaterThan(1);
  });

  it('throughput: median and 90th percentile in days, only from 5 cases on', () => {
    const facts = Array.from({ length: 5 }, (_, i) => fact(0, { triagedAt: `2026-01-${String(11 + i).padStart(2, '0')}T09:00:00.000Z` }));
    const [triage] = advisoryFigures(facts).throughput;
    expect(triage).toEqual({ step: 'registration_to_triage', cases: 5, medianDays: 3, p90Days: 5 });
    expect(advisoryFigures(facts.slice(0, 4)).throughput[0]).toEqual({ step: 'registration_to_triage', cases: null, medianDays: null, p90Days: null });
  });

  it('quarters', () => {
    expect(quarterOf('2026-03-31T23:00:00.000Z')).toBe('2026-Q1');
    expect(quarterOf('2026-10-01T00:00:00.000Z')).toBe('2026-Q4');
  });
});
