import { describe, expect, it } from 'vitest';
import type { QualityMonitorResponse } from '@hoeder/contracts';
import nl from '../../i18n/nl.json';
import { qualityTables, tableCsv } from './quality-tables';

/** The Dutch texts as the app resolves them: a dotted key, {{name}} filled in. */
const tx = (key: string, options: Record<string, unknown> = {}): string => {
  const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], nl);
  if (typeof text !== 'string') throw new Error(`no text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
};

const DATA: QualityMonitorResponse = {
  generatedAt: '2026-04-15T09:00:00.000Z',
  quarters: ['2026-Q1', '2026-Q2'],
  throughput: [
    { step: 'registration_to_triage', quarter: '2026-Q1', cases: 3, medianDays: 2.5, p90Days: 6 },
    { step: 'registration_to_triage', quarter: '2026-Q2', cases: 0, medianDays: null, p90Days: null },
    { step: 'triage_to_assessment', quarter: '2026-Q1', cases: 2, medianDays: 10, p90Days: 14 },
    { step: 'triage_to_assessment', quarter: '2026-Q2', cases: 1, medianDays: 4, p90Days: 4 },
    { step: 'assessment_to_decision', quarter: '2026-Q1', cases: 0, medianDays: null, p90Days: null },
    { step: 'assessment_to_decision', quarter: '2026-Q2', cases: 0, medianDays: null, p90Days: null },
  ],
  overdue: { reviews: 0, reassessments: 1, activeCases: 4 },
  deviations: [
    { quarter: '2026-Q1', decisions: 4, deviating: 1 },
    { quarter: '2026-Q2', decisions: 0, deviating: 0 },
  ],
  dissent: [
    { quarter: '2026-Q1', assessments: 2, withDissent: 1 },
    { quarter: '2026-Q2', assessments: 3, withDissent: 1 },
  ],
  capacity: [
    { quarter: '2026-Q1', rosters: 1, posts: 100, unstaffed: 5 },
    { quarter: '2026-Q2', rosters: 0, posts: 0, unstaffed: 0 },
  ],
  objections: null,
};

const csvOf = (id: string) => tableCsv(qualityTables(DATA, tx).find((t) => t.id === id)!);

describe('the quality monitor as CSV, one file per table', () => {
  it('has a table per figure; objections only once that part has landed', () => {
    expect(qualityTables(DATA, tx).map((t) => t.id)).toEqual(['overdue', 'throughput', 'deviations', 'dissent', 'capacity']);
    expect(qualityTables({ ...DATA, objections: [{ quarter: '2026-Q1', count: 2 }] }, tx).map((t) => t.id)).toContain('objections');
  });

  it('writes the dissent figures with Dutch headers and quarters, and the share in whole percent', () => {
    expect(csvOf('dissent')).toBe(
      'Kwartaal,Vastgestelde inschattingen,Met afwijkend oordeel,Aandeel met afwijkend oordeel (%)\r\nK1 2026,2,1,50\r\nK2 2026,3,1,33\r\n',
    );
  });

  it('writes the unstaffed posts, and "x" where there is nothing to divide by', () => {
    expect(csvOf('capacity')).toBe('Kwartaal,Roosters,Posten,Onbemand,Aandeel onbemand (%)\r\nK1 2026,1,100,5,5\r\nK2 2026,0,0,0,x\r\n');
  });

  it('writes overdue work and throughput with a missing median as "x"', () => {
    expect(csvOf('overdue')).toBe('Cijfer,Aantal\r\nEvaluaties over de datum,0\r\nHerbeoordelingen over de datum,1\r\nLopende casussen,4\r\n');
    const throughput = csvOf('throughput').split('\r\n');
    expect(throughput[0]).toBe('Stap,Kwartaal,Aantal,Mediaan (dagen),90e percentiel (dagen)');
    expect(throughput[1]).toBe('Aanmelding tot triage,K1 2026,3,2.5,6');
    expect(throughput[2]).toBe('Aanmelding tot triage,K2 2026,0,x,x');
    expect(csvOf('deviations')).toBe('Kwartaal,Voorstellen,Afwijkend,Aandeel afwijkend (%)\r\nK1 2026,4,1,25\r\nK2 2026,0,0,x\r\n');
  });

  it('holds no identifier: only labels and figures', () => {
    for (const table of qualityTables(DATA, tx)) expect(tableCsv(table)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|HOE-/);
  });
});
