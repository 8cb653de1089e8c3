import type { CaseState } from '../cases/case-state';
import { decisionMeasures } from '../cases/decision-policy';
import { ACTIVITY_DOMAINS, type ActivityDomain } from '../policy/measures';
import type { ResistanceLevel } from '../shared/vocabulary';

/**
 * The security assignment (beveiligingsopdracht, DOMAIN §6): what an approved decision asks the
 * LCC to organise. It is derived from the case, never typed in: the approved package's measures
 * per activity domain, its resistance level, the care modules execution must know about, the
 * validity (the threat assessment the decision rests on) and the review date.
 */
export interface AssignmentContent {
  decisionId: string;
  resistanceLevel: ResistanceLevel;
  measures: Record<ActivityDomain, string[]>;
  careModules: string[];
  /** The approval date: the package is in effect from then. */
  validFrom: string;
  /** The end of the validity of the threat assessment the decision rests on; null when unknown. */
  validUntil: string | null;
  reviewDate: string;
}

/** Why an assignment is withdrawn: the case ended, or a decision ended the executing measures. */
export const WITHDRAWAL_REASONS = ['case_ended', 'package_ended'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/**
 * Care modules the executing units must know about: caregivers come to the person's home and
 * workplace, so posts must expect and admit them. Other modules (peer support) stay with care.
 */
export const CARE_MODULES_FOR_EXECUTION: readonly string[] = ['care_person', 'care_partner', 'care_children'];

/** What the case asks for now: an assignment with this content, or none (and why). */
export type AssignmentIntent = { kind: 'active'; content: AssignmentContent } | { kind: 'none'; reason: WithdrawalReason | 'no_package' };

const emptyMeasures = (): Record<ActivityDomain, string[]> => ({ home: [], work: [], transport: [], private: [] });

/** The assignment the case's approved package asks for (pure: the case state is the only input). */
export function assignmentIntent(state: CaseState): AssignmentIntent {
  if (state.phase === 'ended') return { kind: 'none', reason: 'case_ended' };
  const decision = state.activeDecision;
  if (!decision?.approvedAt) return { kind: 'none', reason: 'no_package' };
  const measures = emptyMeasures();
  const careModules: string[] = [];
  for (const m of decisionMeasures(decision)) {
    if (m.domain === 'care') {
      if (CARE_MODULES_FOR_EXECUTION.includes(m.measure)) careModules.push(m.measure);
    } else if ((ACTIVITY_DOMAINS as readonly string[]).includes(m.domain)) {
      measures[m.domain as ActivityDomain].push(m.measure);
    }
  }
  if (ACTIVITY_DOMAINS.every((d) => measures[d].length === 0)) return { kind: 'none', reason: 'package_ended' };
  const basis = state.assessments.find((a) => a.assessmentId === decision.basedOnAssessmentId);
  return {
    kind: 'active',
    content: {
      decisionId: decision.decisionId,
      resistanceLevel: decision.resistanceLevel,
      measures,
      careModules,
      validFrom: decision.approvedAt.slice(0, 10),
      validUntil: basis?.validUntil.slice(0, 10) ?? null,
      reviewDate: decision.reviewDate,
    },
  };
}

/** What changed from one issued version to the next: the LCC sees this, not two documents. */
export interface AssignmentDiff {
  /** True for the first version (or the first after a withdrawal): everything is new. */
  first: boolean;
  resistanceLevel: { from: ResistanceLevel; to: ResistanceLevel } | null;
  measures: { domain: ActivityDomain; added: string[]; removed: string[] }[];
  careModules: { added: string[]; removed: string[] };
  validUntil: { from: string | null; to: string | null } | null;
  reviewDate: { from: string; to: string } | null;
}

const added = (before: readonly string[], after: readonly string[]) => after.filter((x) => !before.includes(x));

/** The difference between two versions' content; `before` undefined means a first version. */
export function diffAssignment(before: AssignmentContent | undefined, after: AssignmentContent): AssignmentDiff {
  const prior = before ?? { ...after, measures: emptyMeasures(), careModules: [] };
  return {
    first: before === undefined,
    resistanceLevel: before && before.resistanceLevel !== after.resistanceLevel ? { from: before.resistanceLevel, to: after.resistanceLevel } : null,
    measures: ACTIVITY_DOMAINS.map((domain) => ({ domain, added: added(prior.measures[domain], after.measures[domain]), removed: added(after.measures[domain], prior.measures[domain]) })).filter(
      (m) => m.added.length + m.removed.length > 0,
    ),
    careModules: { added: added(prior.careModules, after.careModules), removed: added(after.careModules, prior.careModules) },
    validUntil: before && before.validUntil !== after.validUntil ? { from: before.validUntil, to: after.validUntil } : null,
    reviewDate: before && before.reviewDate !== after.reviewDate ? { from: before.reviewDate, to: after.reviewDate } : null,
  };
}

/** A stored version: issued with content and its diff, or a withdrawal with its reason. */
export type AssignmentVersion =
  | { version: number; kind: 'issued'; content: AssignmentContent; diff: AssignmentDiff; issuedAt: string; sourceCaseVersion: number }
  | { version: number; kind: 'withdrawn'; reason: WithdrawalReason; issuedAt: string; sourceCaseVersion: number };

/** The next version a case asks for, given the latest stored one; null when nothing changes. */
export type AssignmentChange = { kind: 'issued'; content: AssignmentContent; diff: AssignmentDiff } | { kind: 'withdrawn'; reason: WithdrawalReason };

/**
 * Compares what the case asks for with the latest version. The same decision never issues a
 * second version (a replayed projection is a no-op); a new approved decision issues a new version
 * with its diff; an ended case or a package without executing measures withdraws a live one.
 */
export function planAssignmentChange(latest: AssignmentVersion | undefined, intent: AssignmentIntent): AssignmentChange | null {
  const live = latest?.kind === 'issued' ? latest : undefined;
  if (intent.kind === 'active') {
    if (live && live.content.decisionId === intent.content.decisionId) return null;
    return { kind: 'issued', content: intent.content, diff: diffAssignment(live?.content, intent.content) };
  }
  if (!live || intent.reason === 'no_package') return null;
  return { kind: 'withdrawn', reason: intent.reason };
}
