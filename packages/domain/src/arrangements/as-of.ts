import type { ArrangementStatus } from './lifecycle';

/** What an arrangement row and its steps need to be replayed to a past moment. */
export interface ArrangementSnapshot {
  createdAt: string;
  status: ArrangementStatus;
  followUpOn: string | null;
  owner: string | null;
  version: number;
}

export interface ArrangementStepRecord {
  version: number;
  toStatus: string;
  followUpOn: string | null;
  /** The owner after the step; null where the step did not record one (before migration 0022). */
  owner: string | null;
  occurredAt: string;
}

const known = (at: string, asOf: Date) => Date.parse(at) <= asOf.getTime();

/**
 * An arrangement as it stood at `asOf` (issue 12, ADR 0031): undefined when it was not yet
 * recorded; else its status, follow-up date and version from the last step taken by then. Every
 * step is an event, so the status is exact; the owner is the one the last step recorded, falling
 * back to the current owner for steps from before owners were recorded on steps.
 */
export function arrangementAsOf<R extends ArrangementSnapshot>(row: R, steps: readonly ArrangementStepRecord[], asOf: Date): R | undefined {
  if (!known(row.createdAt, asOf)) return undefined;
  const taken = steps.filter((s) => known(s.occurredAt, asOf)).sort((a, b) => a.version - b.version);
  const last = taken.at(-1);
  if (!last) return row;
  const owner = [...taken].reverse().find((s) => s.owner !== null)?.owner ?? row.owner;
  return { ...row, status: last.toStatus as ArrangementStatus, followUpOn: last.followUpOn, version: last.version, owner };
}
