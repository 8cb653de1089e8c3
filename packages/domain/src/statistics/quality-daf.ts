import { reassessmentDue, type Incident } from '../assessment/reassessment';
import type { AssessmentState } from '../assessment/assessment-state';
import { quarterOf } from './advisory-figures';

/**
 * The quality monitor's figures from the DAF record and the rosters (issue 13, DOMAIN §8):
 * how often a second analyst dissented, how many re-assessments are overdue on any trigger, and
 * how many posts the published rosters left unstaffed. Pure; the service gathers the inputs.
 */

/** One finalised version of an integrated assessment: when, and whether a second analyst dissented on it. */
export interface FinalisedAssessment {
  finalisedAt: string;
  dissent: boolean;
}

/** What the monitor needs of one DAF record. */
export interface DafQualityFacts {
  /** Due on any trigger of the re-assessment rule (validity, assumptions, new information, incidents). */
  reassessmentDue: boolean;
  assessments: FinalisedAssessment[];
}

/**
 * A version counts as "with dissent" when any challenge recorded on it was a dissent — dissent
 * stays visible even after a revision answered it, and it is the contradiction the monitor follows.
 */
export function dafQualityFacts(state: AssessmentState | undefined, now: string, context: { incidents?: readonly Incident[]; caseEnded?: boolean } = {}): DafQualityFacts {
  if (!state) return { reassessmentDue: false, assessments: [] };
  return {
    reassessmentDue: reassessmentDue(state, now, context).due,
    assessments: state.versions
      .filter((v) => v.finalisedAt !== undefined)
      .map((v) => ({ finalisedAt: v.finalisedAt!, dissent: v.challenges.some((c) => c.verdict === 'dissent') })),
  };
}

export interface DissentFigure {
  quarter: string;
  assessments: number;
  withDissent: number;
}

/** Assessments finalised per quarter, and how many of them carry a dissent. */
export function dissentPerQuarter(assessments: readonly FinalisedAssessment[], quarters: readonly string[]): DissentFigure[] {
  return quarters.map((quarter) => {
    const inQuarter = assessments.filter((a) => quarterOf(a.finalisedAt) === quarter);
    return { quarter, assessments: inQuarter.length, withDissent: inQuarter.filter((a) => a.dissent).length };
  });
}

/** A published roster version's counts (no officer, no case). */
export interface PublishedRoster {
  versionId: string;
  parentVersionId: string | null;
  startDate: string;
  totalPosts: number;
  coveredPosts: number;
}

export interface CapacityFigure {
  quarter: string;
  rosters: number;
  posts: number;
  unstaffed: number;
}

/**
 * Unstaffed posts per quarter of the roster's start, over the rosters in effect: a published
 * replan replaces its published parent for the same period, so the parent is not counted twice.
 */
export function capacityPerQuarter(rosters: readonly PublishedRoster[], quarters: readonly string[]): CapacityFigure[] {
  const replaced = new Set(rosters.flatMap((r) => (r.parentVersionId ? [r.parentVersionId] : [])));
  const inEffect = rosters.filter((r) => !replaced.has(r.versionId));
  return quarters.map((quarter) => {
    const inQuarter = inEffect.filter((r) => quarterOf(r.startDate) === quarter);
    return {
      quarter,
      rosters: inQuarter.length,
      posts: inQuarter.reduce((n, r) => n + r.totalPosts, 0),
      unstaffed: inQuarter.reduce((n, r) => n + Math.max(0, r.totalPosts - r.coveredPosts), 0),
    };
  });
}
