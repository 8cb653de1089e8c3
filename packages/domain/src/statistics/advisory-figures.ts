import type { CasePhase } from '../cases/case-state';
import { CASE_PHASES } from '../cases/case-state';
import { THREAT_PHENOMENA, TRIAGE_OUTCOMES, type Role, type ThreatPhenomenon, type TriageOutcome } from '../shared/vocabulary';
import { SUPPRESSION_THRESHOLD, suppressSmallCells, type CountTable, type PublishedTable } from './suppression';

/** Who reads the anonymised statistics: the advisory body, and the inspectorate that supervises. */
export const STATISTICS_ROLES: readonly Role[] = ['advisory_member', 'inspector'];
export const mayReadStatistics = (subject: { roles: readonly Role[] }): boolean => subject.roles.some((r) => STATISTICS_ROLES.includes(r));

/** What the figures are made of, per case, without anything that identifies it. */
export interface CaseStatisticsFacts {
  phenomenon: ThreatPhenomenon;
  phase: CasePhase;
  registeredAt: string;
  outcome: TriageOutcome | null;
  triagedAt: string | null;
  assessedAt: string | null;
  approvedAt: string | null;
}

export const THROUGHPUT_STEPS = ['registration_to_triage', 'triage_to_assessment', 'assessment_to_decision'] as const;
export type ThroughputStep = (typeof THROUGHPUT_STEPS)[number];

export interface ThroughputFigure {
  step: ThroughputStep;
  /** null: fewer cases than the threshold, so no figure of this step is published. */
  cases: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface AdvisoryTable extends PublishedTable {
  id: 'phenomenon_by_phase' | 'phenomenon_by_outcome' | 'period_by_phenomenon';
}

export interface AdvisoryFigures {
  threshold: number;
  tables: AdvisoryTable[];
  throughput: ThroughputFigure[];
}

/** The quarter of a date, e.g. "2026-Q1". */
export const quarterOf = (iso: string): string => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

function crossCount<R extends string, C extends string>(facts: readonly CaseStatisticsFacts[], rows: readonly R[], columns: readonly C[], pick: (f: CaseStatisticsFacts) => [R, C] | undefined): CountTable {
  const counts = rows.map(() => columns.map(() => 0));
  for (const f of facts) {
    const at = pick(f);
    if (!at) continue;
    const r = rows.indexOf(at[0]);
    const c = columns.indexOf(at[1]);
    if (r >= 0 && c >= 0) counts[r]![c]! += 1;
  }
  return { rows, columns, counts };
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The value at fraction q of the sorted list (nearest rank), rounded to a tenth of a day. */
export const quantile = (sorted: readonly number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;

function throughput(facts: readonly CaseStatisticsFacts[], threshold: number): ThroughputFigure[] {
  const spans: Record<ThroughputStep, (f: CaseStatisticsFacts) => number | undefined> = {
    registration_to_triage: (f) => (f.triagedAt ? days(f.registeredAt, f.triagedAt) : undefined),
    triage_to_assessment: (f) => (f.triagedAt && f.assessedAt ? days(f.triagedAt, f.assessedAt) : undefined),
    assessment_to_decision: (f) => (f.assessedAt && f.approvedAt ? days(f.assessedAt, f.approvedAt) : undefined),
  };
  return THROUGHPUT_STEPS.map((step) => {
    const values = facts.flatMap((f) => {
      const d = spans[step](f);
      return d === undefined ? [] : [Math.max(0, d)];
    });
    if (values.length < threshold) return { step, cases: null, medianDays: null, p90Days: null };
    const sorted = [...values].sort((a, b) => a - b);
    return { step, cases: values.length, medianDays: quantile(sorted, 0.5), p90Days: quantile(sorted, 0.9) };
  });
}

/**
 * The advisory body's figures (issue 13): counts per phenomenon, phase, triage outcome and
 * quarter of registration, and throughput times — every table with small cells suppressed
 * (`suppressSmallCells`), nothing that names or identifies a case.
 */
export function advisoryFigures(facts: readonly CaseStatisticsFacts[], threshold = SUPPRESSION_THRESHOLD): AdvisoryFigures {
  const quarters = [...new Set(facts.map((f) => quarterOf(f.registeredAt)))].sort();
  const table = (id: AdvisoryTable['id'], t: CountTable): AdvisoryTable => ({ id, ...suppressSmallCells(t, threshold) });
  return {
    threshold,
    tables: [
      table('phenomenon_by_phase', crossCount(facts, THREAT_PHENOMENA, CASE_PHASES, (f) => [f.phenomenon, f.phase])),
      table('phenomenon_by_outcome', crossCount(facts, THREAT_PHENOMENA, TRIAGE_OUTCOMES, (f) => (f.outcome ? [f.phenomenon, f.outcome] : undefined))),
      table('period_by_phenomenon', crossCount(facts, quarters, THREAT_PHENOMENA, (f) => [quarterOf(f.registeredAt), f.phenomenon])),
    ],
    throughput: throughput(facts, threshold),
  };
}
