import type { QualityMonitorResponse } from '@hoeder/contracts';
import { figure, toCsv } from './csv';

/** A figure: a number (null when there is none, e.g. a median of no cases) or a label. */
export type Cell = string | number | null;

/** One table of the quality monitor, as shown on the screen and as its CSV: the same rows. */
export interface FigureTable {
  id: 'overdue' | 'throughput' | 'deviations' | 'dissent' | 'capacity' | 'objections';
  /** The section's heading; the table's caption when absent. */
  title?: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const STEPS = ['registration_to_triage', 'triage_to_assessment', 'assessment_to_decision'] as const;

/** A share in whole percent; none when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((100 * part) / whole) : null);

/** "2026-Q1" as the reader's language writes a quarter ("K1 2026" in Dutch). */
export const quarterLabel = (tx: Translate, quarter: string): string => tx('quality.quarter', { year: quarter.slice(0, 4), q: quarter.slice(-1) });

/**
 * The quality monitor's tables from its figures (issue 13). Figures only, never a case or a name:
 * the response holds none. The monitor is not a publication (only the NCTV and the inspectorate
 * read it), so no cell is suppressed here; a figure the server leaves out (null) is written "x".
 */
export function qualityTables(data: QualityMonitorResponse, tx: Translate): FigureTable[] {
  const col = (k: string) => tx(`quality.columns.${k}`);
  const q = (quarter: string) => quarterLabel(tx, quarter);
  const tables: FigureTable[] = [
    {
      id: 'overdue',
      caption: tx('quality.overdue'),
      columns: [col('figure'), col('cases')],
      rows: (['reviews', 'reassessments', 'activeCases'] as const).map((k) => [tx(`quality.overdueItems.${k}`), data.overdue[k]]),
    },
    {
      id: 'throughput',
      title: tx('quality.throughput'),
      caption: tx('quality.throughputTable'),
      columns: [col('step'), col('quarter'), col('cases'), col('median'), col('p90')],
      rows: STEPS.flatMap((step) => data.throughput.filter((f) => f.step === step).map((f) => [tx(`statistics.steps.${f.step}`), q(f.quarter), f.cases, f.medianDays, f.p90Days])),
    },
    {
      id: 'deviations',
      caption: tx('quality.deviations'),
      columns: [col('quarter'), col('decisions'), col('deviating'), col('rate')],
      rows: data.deviations.map((d) => [q(d.quarter), d.decisions, d.deviating, percent(d.deviating, d.decisions)]),
    },
    {
      id: 'dissent',
      caption: tx('quality.dissent'),
      columns: [col('quarter'), col('assessments'), col('withDissent'), col('dissentRate')],
      rows: data.dissent.map((d) => [q(d.quarter), d.assessments, d.withDissent, percent(d.withDissent, d.assessments)]),
    },
    {
      id: 'capacity',
      caption: tx('quality.capacity'),
      columns: [col('quarter'), col('rosters'), col('posts'), col('unstaffed'), col('unstaffedRate')],
      rows: data.capacity.map((c) => [q(c.quarter), c.rosters, c.posts, c.unstaffed, percent(c.unstaffed, c.posts)]),
    },
  ];
  if (data.objections) tables.push({ id: 'objections', caption: tx('quality.objections'), columns: [col('quarter'), col('objections')], rows: data.objections.map((o) => [q(o.quarter), o.count]) });
  return tables;
}

/** One table as CSV: its caption's columns and rows; numbers plain, a missing figure "x". */
export const tableCsv = (table: FigureTable): string => toCsv([table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : figure(c))))]);
