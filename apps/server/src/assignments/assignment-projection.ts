import { randomUUID } from 'node:crypto';
import { assignmentIntent, planAssignmentChange, type AssignmentVersion, type CaseState } from '@hoeder/domain';
import { appendAssignmentVersion, latestAssignmentVersion, type CaseWriteGrant, type Db } from '@hoeder/db';

/**
 * Issues, re-issues or withdraws the case's security assignment (ADR 0016). Runs in the case
 * command's transaction, right after the case's own read model, so an approved decision and its
 * assignment are stored together or not at all. What changes is decided by the pure
 * `planAssignmentChange`: the same decision never issues twice, and a lost race on the version
 * rolls the whole command back.
 */
export async function projectAssignment(trx: Db, grant: CaseWriteGrant, state: CaseState, at: Date): Promise<AssignmentVersion | undefined> {
  const stored = await latestAssignmentVersion(trx, grant);
  const change = planAssignmentChange(stored?.latest, assignmentIntent(state));
  if (!change) return undefined;
  const base = { version: (stored?.latest.version ?? 0) + 1, issuedAt: at.toISOString(), sourceCaseVersion: state.version };
  const version: AssignmentVersion = change.kind === 'issued' ? { ...base, kind: 'issued', content: change.content, diff: change.diff } : { ...base, kind: 'withdrawn', reason: change.reason };
  await appendAssignmentVersion(trx, grant, stored?.assignmentId ?? randomUUID(), version);
  return version;
}
