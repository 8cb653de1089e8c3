import type { AssessmentState, AssessmentVersion } from './assessment-state';
import { currentFinal, openVersion } from './assessment-state';

/** Something that happened to the protected person, reported outside the DAF record (e.g. by the LCC). */
export interface Incident {
  incidentId: string;
  occurredAt: string;
  description: string;
}

/** What the DAF record cannot know itself; the caller gathers it from the case. */
export interface ReassessmentContext {
  incidents?: readonly Incident[] | undefined;
  /** The case has ended: nothing is protected any more, so nothing is due (issue 13). */
  caseEnded?: boolean | undefined;
}

/** Why a re-assessment (herijking) is due; each reason names the thing that triggered it. */
export type ReassessmentReason =
  | { code: 'validity_expired'; validUntil: string }
  | { code: 'assumption_retest_due'; assumptionId: string; retestOn: string }
  | { code: 'assumption_falsified'; assumptionId: string; note: string }
  | { code: 'assumption_triggered'; assumptionId: string; trigger: string | undefined; note: string }
  | { code: 'new_information'; itemId: string; registeredAt: string }
  | { code: 'item_validity_expired'; itemId: string; validUntil: string }
  | { code: 'incident'; incidentId: string; occurredAt: string };

export interface ReassessmentStatus {
  due: boolean;
  reasons: ReassessmentReason[];
  /** The final version the reasons apply to. */
  versionNumber?: number | undefined;
  /** A new version being drafted already; the case shows both. */
  newVersionInProgress?: number | undefined;
}

const after = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * Assumption reasons for the version in effect. The latest test wins: a test that holds moves the
 * re-test date; falsified or triggered stays. A re-test is due ON its date (today >= retestOn).
 */
function assumptionReasons(state: AssessmentState, final: AssessmentVersion, today: string): ReassessmentReason[] {
  return final.content.assumptions.flatMap((a): ReassessmentReason[] => {
    const tests = state.assumptionTests.filter((t) => t.versionNumber === final.versionNumber && t.assumptionId === a.assumptionId);
    const last = tests.at(-1);
    if (last?.outcome === 'falsified') return [{ code: 'assumption_falsified', assumptionId: a.assumptionId, note: last.note }];
    if (last?.outcome === 'triggered') return [{ code: 'assumption_triggered', assumptionId: a.assumptionId, trigger: a.trigger, note: last.note }];
    const retestOn = last?.nextRetestOn ?? a.retestOn;
    return retestOn !== undefined && today >= retestOn ? [{ code: 'assumption_retest_due', assumptionId: a.assumptionId, retestOn }] : [];
  });
}

/**
 * Whether the version in effect needs re-assessment at `now`, and every reason why: validity
 * expired (valid THROUGH `validUntil`), an assumption due for re-test, falsified or triggered,
 * information registered after finalisation, an item the version rests on that is no longer valid,
 * or an incident after finalisation. An ended case is never due. Time is injected.
 */
export function reassessmentDue(state: AssessmentState | undefined, now: string, context: ReassessmentContext = {}): ReassessmentStatus {
  const final = state && currentFinal(state);
  if (!state || !final?.finalisedAt || !final.validUntil || context.caseEnded) return { due: false, reasons: [] };
  const today = now.slice(0, 10);
  const finalisedAt = final.finalisedAt;
  const basedOn = new Set(final.content.basedOnItemIds);
  const reasons: ReassessmentReason[] = [
    ...(today > final.validUntil ? [{ code: 'validity_expired' as const, validUntil: final.validUntil }] : []),
    ...assumptionReasons(state, final, today),
    ...state.items
      .filter((i) => after(i.registeredAt, finalisedAt) && !after(i.registeredAt, now))
      .map((i) => ({ code: 'new_information' as const, itemId: i.itemId, registeredAt: i.registeredAt })),
    ...state.items
      .filter((i) => basedOn.has(i.itemId) && i.validUntil !== undefined && today > i.validUntil)
      .map((i) => ({ code: 'item_validity_expired' as const, itemId: i.itemId, validUntil: i.validUntil! })),
    ...(context.incidents ?? [])
      .filter((i) => after(i.occurredAt, finalisedAt) && !after(i.occurredAt, now))
      .map((i) => ({ code: 'incident' as const, incidentId: i.incidentId, occurredAt: i.occurredAt })),
  ];
  return { due: reasons.length > 0, reasons, versionNumber: final.versionNumber, newVersionInProgress: openVersion(state)?.versionNumber };
}
