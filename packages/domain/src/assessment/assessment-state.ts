import type { ExpectedThreatDuration } from './expected-duration';
import type { AssessmentContent, ChallengeReview } from './assessment-content';
import type { AssessmentEventBody, AssumptionTestOutcome, RecordedAssessmentEvent } from './assessment-events';
import type { InformationItem } from './information';

export const VERSION_STATUSES = ['draft', 'in_challenge', 'final', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type RegisteredItem = InformationItem & { registeredBy: string; registeredAt: string };

/** One version of the integrated assessment. Once final, only `status` and `superseded*` change. */
export interface AssessmentVersion {
  versionNumber: number;
  status: VersionStatus;
  authorId: string;
  startedAt: string;
  basedOnVersion?: number | undefined;
  reasonForChange?: string | undefined;
  /** Incremented by every revision; a challenge applies to one revision. */
  revision: number;
  content: AssessmentContent;
  /** Every challenge ever recorded on this version, dissent included: it stays visible. */
  challenges: ChallengeReview[];
  returnsToDraft: { reason: string; by: string; at: string }[];
  finalisedBy?: string | undefined;
  finalisedAt?: string | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  /** Issue 12 item 2; absent on versions finalised before the field existed. */
  expectedDuration?: ExpectedThreatDuration | undefined;
  responseToDissent?: string | undefined;
  supersededAt?: string | undefined;
  supersededBy?: number | undefined;
}

export interface AssumptionTest {
  versionNumber: number;
  assumptionId: string;
  outcome: AssumptionTestOutcome;
  note: string;
  nextRetestOn?: string | undefined;
  testedBy: string;
  testedAt: string;
}

/** The DAF record of a case as projected from its events. */
export interface AssessmentState {
  caseId: string;
  version: number;
  items: RegisteredItem[];
  versions: AssessmentVersion[];
  assumptionTests: AssumptionTest[];
  updatedAt: string;
}

export const openVersion = (s: AssessmentState): AssessmentVersion | undefined =>
  s.versions.find((v) => v.status === 'draft' || v.status === 'in_challenge');

/** The version in effect: the latest final one (at most one is final, earlier ones are superseded). */
export const currentFinal = (s: AssessmentState): AssessmentVersion | undefined => s.versions.find((v) => v.status === 'final');

const withVersion = (s: AssessmentState, n: number, change: (v: AssessmentVersion) => AssessmentVersion): AssessmentState => ({
  ...s,
  versions: s.versions.map((v) => (v.versionNumber === n ? change(v) : v)),
});

function finalise(s: AssessmentState, body: Extract<AssessmentEventBody, { type: 'AssessmentFinalised' }>, e: RecordedAssessmentEvent): AssessmentState {
  const versions = s.versions.map((v): AssessmentVersion => {
    if (v.status === 'final') return { ...v, status: 'superseded', supersededAt: e.occurredAt, supersededBy: body.versionNumber };
    if (v.versionNumber !== body.versionNumber) return v;
    const { validFrom, validUntil, expectedDuration, responseToDissent } = body;
    return { ...v, status: 'final', finalisedBy: e.actorId, finalisedAt: e.occurredAt, validFrom, validUntil, ...(expectedDuration ? { expectedDuration } : {}), responseToDissent };
  });
  return { ...s, versions };
}

function apply(s: AssessmentState, e: RecordedAssessmentEvent): AssessmentState {
  const body = e.body;
  switch (body.type) {
    case 'ItemRegistered':
      return { ...s, items: [...s.items, { ...body.item, registeredBy: e.actorId, registeredAt: e.occurredAt }] };
    case 'DraftStarted': {
      const { versionNumber, basedOnVersion, reasonForChange, content } = body;
      const draft: AssessmentVersion = {
        versionNumber,
        status: 'draft',
        authorId: e.actorId,
        startedAt: e.occurredAt,
        basedOnVersion,
        reasonForChange,
        revision: 1,
        content,
        challenges: [],
        returnsToDraft: [],
      };
      return { ...s, versions: [...s.versions, draft] };
    }
    case 'DraftRevised':
      return withVersion(s, body.versionNumber, (v) => ({ ...v, revision: body.revision, content: body.content }));
    case 'SubmittedForChallenge':
      return withVersion(s, body.versionNumber, (v) => ({ ...v, status: 'in_challenge' }));
    case 'ChallengeRecorded': {
      const { revision, verdict, reasons } = body;
      const review: ChallengeReview = { reviewerId: e.actorId, revision, verdict, reasons, recordedAt: e.occurredAt };
      return withVersion(s, body.versionNumber, (v) => ({ ...v, challenges: [...v.challenges, review] }));
    }
    case 'ReturnedToDraft': {
      const entry = { reason: body.reason, by: e.actorId, at: e.occurredAt };
      return withVersion(s, body.versionNumber, (v) => ({ ...v, status: 'draft', returnsToDraft: [...v.returnsToDraft, entry] }));
    }
    case 'AssessmentFinalised':
      return finalise(s, body, e);
    case 'AssumptionTested': {
      const { type: _t, ...test } = body;
      return { ...s, assumptionTests: [...s.assumptionTests, { ...test, testedBy: e.actorId, testedAt: e.occurredAt }] };
    }
  }
}

const registeredItem = (e: RecordedAssessmentEvent) =>
  e.body.type === 'ItemRegistered' ? { ...e.body.item, registeredBy: e.actorId, registeredAt: e.occurredAt } : undefined;

/**
 * Left fold of the stream, optionally continuing from a snapshot of the state at an earlier
 * version; `undefined` when the case has no DAF record yet. A run of registered items is appended
 * in one step, so a record of thousands of items folds in linear time.
 */
export function projectAssessment(events: readonly RecordedAssessmentEvent[], from?: AssessmentState): AssessmentState | undefined {
  let state = from;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const base = state ?? emptyAssessment(event.caseId);
    if (event.body.type !== 'ItemRegistered') {
      state = { ...apply(base, event), version: event.version, updatedAt: event.occurredAt };
      continue;
    }
    const run = [...base.items];
    let last = event;
    for (; i < events.length && events[i]!.body.type === 'ItemRegistered'; i++) {
      last = events[i]!;
      run.push(registeredItem(last)!);
    }
    i--;
    state = { ...base, items: run, version: last.version, updatedAt: last.occurredAt };
  }
  return state;
}

/** The DAF record as it stood at a past moment: only events that had happened by then. */
export function projectAssessmentAsOf(events: readonly RecordedAssessmentEvent[], asOf: string): AssessmentState | undefined {
  const cutoff = Date.parse(asOf);
  return projectAssessment(events.filter((e) => Date.parse(e.occurredAt) <= cutoff));
}

export const emptyAssessment = (caseId: string): AssessmentState => ({ caseId, version: 0, items: [], versions: [], assumptionTests: [], updatedAt: '' });
