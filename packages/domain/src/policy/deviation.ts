import { listMeasures, type MeasureDomain, type MeasuresByDomain } from './measures';
import type { PackageProposal } from './propose';
import { policyFail, policyOk, type PolicyResult } from './result';

/** The package the authority actually offers; it may differ from the policy's proposal. */
export interface OfferedPackage {
  measures: MeasuresByDomain;
  careModules: string[];
  reviewPeriodMonths: number;
}

export interface MeasureChange {
  domain: MeasureDomain;
  measure: string;
}

/** What the decision records about the proposal and any deviation from it. */
export interface DeviationRecord {
  policyVersion: string;
  deviates: boolean;
  addedMeasures: MeasureChange[];
  droppedMeasures: MeasureChange[];
  addedCareModules: string[];
  droppedCareModules: string[];
  reviewPeriodMonths: { proposed: number; offered: number } | null;
  /** The authority's written motivation; required whenever `deviates`. */
  motivation: string | null;
}

/**
 * Compares the offer with the proposal. The authority may deviate from the policy only with a
 * written motivation (equal cases are treated equally unless a reason is given and reported).
 */
export function recordDeviation(
  proposal: PackageProposal,
  offered: OfferedPackage,
  motivation: string | null | undefined,
): PolicyResult<DeviationRecord> {
  const diff = diffMeasures(proposal.measures, offered.measures);
  const addedCareModules = offered.careModules.filter((m) => !proposal.careModules.includes(m));
  const droppedCareModules = proposal.careModules.filter((m) => !offered.careModules.includes(m));
  const reviewChanged = offered.reviewPeriodMonths !== proposal.reviewPeriodMonths;
  const deviates =
    diff.added.length + diff.dropped.length + addedCareModules.length + droppedCareModules.length > 0 || reviewChanged;
  const text = motivation?.trim() ?? '';
  if (deviates && text === '') {
    return policyFail(
      'DEVIATION_MOTIVATION_REQUIRED',
      `the offer deviates from the proposal of policy ${proposal.policyVersion}: a written motivation is required`,
    );
  }
  return policyOk({
    policyVersion: proposal.policyVersion,
    deviates,
    addedMeasures: diff.added,
    droppedMeasures: diff.dropped,
    addedCareModules,
    droppedCareModules,
    reviewPeriodMonths: reviewChanged
      ? { proposed: proposal.reviewPeriodMonths, offered: offered.reviewPeriodMonths }
      : null,
    motivation: text === '' ? null : text,
  });
}

/** Measures in `after` but not `before` (added) and the reverse (dropped), per domain. */
export function diffMeasures(
  before: MeasuresByDomain,
  after: MeasuresByDomain,
): { added: MeasureChange[]; dropped: MeasureChange[] } {
  const key = (c: MeasureChange) => `${c.domain}/${c.measure}`;
  const beforeKeys = new Set(listMeasures(before).map(key));
  const afterKeys = new Set(listMeasures(after).map(key));
  return {
    added: listMeasures(after).filter((c) => !beforeKeys.has(key(c))),
    dropped: listMeasures(before).filter((c) => !afterKeys.has(key(c))),
  };
}
