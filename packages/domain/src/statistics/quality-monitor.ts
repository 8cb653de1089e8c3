import type { CasePhase } from '../cases/case-state';
import type { Role } from '../shared/vocabulary';
import { quantile, quarterOf, THROUGHPUT_STEPS, type ThroughputStep } from './advisory-figures';
import { capacityPerQuarter, dissentPerQuarter, type CapacityFigure, type DissentFigure, type FinalisedAssessment, type PublishedRoster } from './quality-daf';

/**
 * The NCTV's quality monitor (DOMAIN §8, issue 13): how long each step takes, what is overdue,
 * how often decisions deviate from the package policy — per quarter, for the NCTV's management.
 * Figures only: no case, no name.
 */
export const QUALITY_MONITOR_ROLES: readonly Role[] = ['decision_maker', 'inspector'];
export const mayReadQualityMonitor = (subject: { roles: readonly Role[] }): boolean => subject.roles.some((r) => QUALITY_MONITOR_ROLES.includes(r));

export interface QualityFacts {
  phase: CasePhase;
  registeredAt: string;
  triagedAt: string | null;
  assessedAt: string | null;
  approvedAt: string | null;
  reviewDate: string | null;
  /** On any trigger of the domain's re-assessment rule (`dafQualityFacts`), not validity alone. */
  reassessmentDue: boolean;
  /** The DAF record's finalised versions, with or without dissent. */
  assessments: FinalisedAssessment[];
  /** When a decision was approved and whether it deviated from the policy's proposal. */
  decisions: { at: string; deviating: boolean }[];
}

export interface QualityFigures {
  quarters: string[];
  throughput: { step: ThroughputStep; quarter: string; cases: number; medianDays: number | null; p90Days: number | null }[];
  overdue: { reviews: number; reassessments: number; activeCases: number };
  deviations: { quarter: string; decisions: number; deviating: number }[];
  dissent: DissentFigure[];
  capacity: CapacityFigure[];
}

const days = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The last `count` quarters up to and including today's, oldest first. */
export function lastQuarters(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return Array.from({ length: count }, (_, i) => {
    const n = year * 4 + q - (count - 1 - i);
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}

const SPANS: Record<ThroughputStep, (f: QualityFacts) => [string, string] | undefined> = {
  registration_to_triage: (f) => (f.triagedAt ? [f.registeredAt, f.triagedAt] : undefined),
  triage_to_assessment: (f) => (f.triagedAt && f.assessedAt ? [f.triagedAt, f.assessedAt] : undefined),
  assessment_to_decision: (f) => (f.assessedAt && f.approvedAt ? [f.assessedAt, f.approvedAt] : undefined),
};

/**
 * Throughput per step in the quarter the step ended; overdue counts as of today; deviation and
 * dissent rates per quarter; unstaffed posts per quarter of the published rosters.
 */
export function qualityFigures(facts: readonly QualityFacts[], today: string, quarterCount: number, rosters: readonly PublishedRoster[] = []): QualityFigures {
  const quarters = lastQuarters(today, quarterCount);
  const throughput = THROUGHPUT_STEPS.flatMap((step) =>
    quarters.map((quarter) => {
      const values = facts.flatMap((f) => {
        const span = SPANS[step](f);
        return span && quarterOf(span[1]) === quarter ? [days(span[0], span[1])] : [];
      });
      const sorted = [...values].sort((a, b) => a - b);
      return { step, quarter, cases: values.length, medianDays: values.length ? quantile(sorted, 0.5) : null, p90Days: values.length ? quantile(sorted, 0.9) : null };
    }),
  );
  const active = facts.filter((f) => f.phase !== 'ended');
  const decisions = facts.flatMap((f) => f.decisions);
  return {
    quarters,
    throughput,
    overdue: { reviews: active.filter((f) => f.reviewDate !== null && f.reviewDate < today).length, reassessments: active.filter((f) => f.reassessmentDue).length, activeCases: active.length },
    deviations: quarters.map((quarter) => {
      const inQuarter = decisions.filter((d) => quarterOf(d.at) === quarter);
      return { quarter, decisions: inQuarter.length, deviating: inQuarter.filter((d) => d.deviating).length };
    }),
    dissent: dissentPerQuarter(facts.flatMap((f) => f.assessments), quarters),
    capacity: capacityPerQuarter(rosters, quarters),
  };
}
