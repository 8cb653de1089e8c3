import { assessment } from '@hoeder/domain';
import type { AssessmentView, VersionComparisonView } from '@hoeder/contracts';
import { dafAssessmentId } from './daf-ids';

type AssessmentState = assessment.AssessmentState;
type DafView = assessment.DafView;

/** Every user id the view can name, so display names load in one query. */
export function userIdsOf(state: AssessmentState | undefined): string[] {
  if (!state) return [];
  const ids = new Set<string>(state.items.map((i) => i.registeredBy));
  for (const v of state.versions) {
    [v.authorId, v.finalisedBy, ...v.challenges.map((c) => c.reviewerId), ...v.returnsToDraft.map((r) => r.by)].forEach((id) => id && ids.add(id));
  }
  state.assumptionTests.forEach((t) => ids.add(t.testedBy));
  return [...ids];
}

/** The reader's view of the DAF record: `redactAssessment` per version; withheld parts are absent. */
export function buildAssessmentView(
  caseId: string,
  caseVersion: number,
  state: AssessmentState | undefined,
  view: DafView,
  names: ReadonlyMap<string, string>,
  now: Date,
  caseEnded = false,
): AssessmentView {
  const versions = visibleVersions(state, view);
  const items = state?.items ?? [];
  const redactedItems = assessment.redactAssessment(versions[0] ?? emptyVersion(), items, view).items;
  const sees = (part: assessment.AssessmentPart) => view.parts.includes(part);
  const finals = versions.filter(isFinalised);
  return {
    caseId,
    version: state?.version ?? 0,
    caseVersion,
    parts: view.parts,
    items: redactedItems,
    versions: versions.flatMap((v) => assessment.redactAssessment(v, items, view).version ?? []),
    ...(sees('assumptions') ? { assumptionTests: state?.assumptionTests ?? [] } : {}),
    reassessment: view.parts.length > 0 ? assessment.reassessmentDue(state, now.toISOString(), { caseEnded }) : { due: false, reasons: [] },
    names: Object.fromEntries(names),
    assessmentIds: Object.fromEntries(finals.map((v) => [v.versionNumber, dafAssessmentId(caseId, v.versionNumber)])),
  };
}

const isFinalised = (v: assessment.AssessmentVersion) => v.status === 'final' || v.status === 'superseded';

/** The versions a reader is shown: the analysts' work in progress only to those whose view includes it. */
export function visibleVersions(state: AssessmentState | undefined, view: DafView): assessment.AssessmentVersion[] {
  const versions = state?.versions ?? [];
  return view.workInProgress ? versions : versions.filter(isFinalised);
}

function emptyVersion(): assessment.AssessmentVersion {
  return {
    versionNumber: 0,
    status: 'draft',
    authorId: '',
    startedAt: '',
    revision: 0,
    content: { template: { templateId: '', version: 0 }, classification: 'unclassified', scenarios: [], assumptions: [], gaps: [], ratings: [], basedOnItemIds: [] },
    challenges: [],
    returnsToDraft: [],
  };
}

/** A comparison holds only what the reader may see of both versions. */
export function redactComparison(c: assessment.VersionComparison, view: DafView): VersionComparisonView {
  const sees = (part: assessment.AssessmentPart) => view.parts.includes(part);
  const graded = new Set(view.gradedItemIds);
  return {
    from: c.from,
    to: c.to,
    template: c.template,
    changes: c.changes,
    items: { added: c.items.added.filter((i) => graded.has(i)), removed: c.items.removed.filter((i) => graded.has(i)) },
    ...(sees('judgement') ? { threatLevel: c.threatLevel, judgement: c.judgement } : {}),
    ...(sees('scenarios') ? { scenarios: c.scenarios } : {}),
    ...(sees('assumptions') ? { assumptions: c.assumptions } : {}),
    ...(sees('gaps') ? { gaps: c.gaps } : {}),
    ...(sees('ratings') ? { ratings: c.ratings } : {}),
    reasons: {
      reasonForChange: c.reasons.reasonForChange,
      ...(sees('challenges') ? { challenges: c.reasons.challenges, responseToDissent: c.reasons.responseToDissent, returnsToDraft: c.reasons.returnsToDraft } : { challenges: [], returnsToDraft: [] }),
    },
  };
}
