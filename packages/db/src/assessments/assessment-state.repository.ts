import { assessment } from '@hoeder/domain';
import type { AnyDafGrant, DafWriteGrant } from '../access/grants';
import type { Db } from '../schema';
import { loadAssessmentEvents } from './assessment.repository';

type AssessmentState = assessment.AssessmentState;

/**
 * The shape of `AssessmentState` that snapshots hold. Raise it whenever the state's shape or the
 * projection changes: snapshots of another shape are ignored and rebuilt from the stream.
 */
export const ASSESSMENT_SNAPSHOT_SHAPE = 1;

/** A snapshot is taken once this many events were appended after the last one. */
export const ASSESSMENT_SNAPSHOT_EVERY = 64;

/** The projected DAF record, and the version of the snapshot it started from (0: none). */
export interface LoadedAssessment {
  state: AssessmentState | undefined;
  snapshotVersion: number;
}

/**
 * The DAF record of one case, projected from its latest snapshot plus the events after it, so the
 * cost of a read or a command does not grow with the record's history (issue 10). The snapshot is
 * a cache of the fold, never a source: without one (or with one of another shape) the whole stream
 * is folded. Only with a grant from the guarded layer (ADR 0010).
 */
export async function loadAssessmentState(db: Db, grant: AnyDafGrant): Promise<LoadedAssessment> {
  const row = await db
    .selectFrom('stream_snapshot')
    .select(['version', 'shape', 'state'])
    .where('stream', '=', 'assessment')
    .where('case_id', '=', grant.caseId)
    .executeTakeFirst();
  const snapshot = row && row.shape === ASSESSMENT_SNAPSHOT_SHAPE ? { version: row.version, state: JSON.parse(row.state) as AssessmentState } : undefined;
  const tail = (await loadAssessmentEvents(db, grant, undefined, snapshot?.version ?? 0)).get(grant.caseId) ?? [];
  return { state: assessment.projectAssessment(tail, snapshot?.state), snapshotVersion: snapshot?.version ?? 0 };
}

/**
 * Replaces the snapshot when enough events were appended since the last one; in the writer's
 * transaction, so a snapshot never runs ahead of the stream it folds.
 */
export async function keepAssessmentSnapshot(db: Db, grant: DafWriteGrant, state: AssessmentState, snapshotVersion: number, at: Date): Promise<void> {
  if (state.version - snapshotVersion < ASSESSMENT_SNAPSHOT_EVERY) return;
  const values = { stream: 'assessment' as const, case_id: grant.caseId, version: state.version, shape: ASSESSMENT_SNAPSHOT_SHAPE, state: JSON.stringify(state), taken_at: at };
  await db
    .insertInto('stream_snapshot')
    .values(values)
    .onConflict((oc) => oc.columns(['stream', 'case_id']).doUpdateSet({ version: values.version, shape: values.shape, state: values.state, taken_at: at }))
    .execute();
}
