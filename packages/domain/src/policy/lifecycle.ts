import { fail, ok, type Result } from '../shared/result';

/**
 * The lifecycle of a package-policy version (ADR 0103, 0010) as data: a draft is edited and
 * submitted; a second functional administrator publishes it or returns it to draft. A published
 * version never changes.
 */
export const POLICY_STATUSES = ['draft', 'submitted', 'published'] as const;
export type PolicyVersionStatus = (typeof POLICY_STATUSES)[number];

export type PolicyTransition = 'submit' | 'publish' | 'return';

/** What the history records for a step. */
export type PolicyHistoryAction = 'shipped' | 'created' | 'saved' | 'submitted' | 'published' | 'returned';

export const POLICY_TRANSITIONS: Record<PolicyTransition, { from: PolicyVersionStatus; to: PolicyVersionStatus; action: PolicyHistoryAction; fourEyes: boolean }> = {
  submit: { from: 'draft', to: 'submitted', action: 'submitted', fourEyes: false },
  publish: { from: 'submitted', to: 'published', action: 'published', fourEyes: true },
  return: { from: 'submitted', to: 'draft', action: 'returned', fourEyes: true },
};

/** The history actions that make an administrator a writer of the version (four eyes). */
const WRITING_ACTIONS: readonly PolicyHistoryAction[] = ['created', 'saved', 'submitted'];

interface VersionState {
  version: string;
  status: PolicyVersionStatus;
  revision: number;
}

/** The revision guard: a write based on an older revision is a conflict, never an overwrite. */
export function checkRevision(row: VersionState, expectedRevision: number): Result<true> {
  return row.revision === expectedRevision ? ok(true) : fail('VERSION_CONFLICT', 'the version was changed by someone else; reload and try again', { currentRevision: row.revision });
}

/** Only a draft can be edited. */
export function checkEditable(row: VersionState): Result<true> {
  return row.status === 'draft' ? ok(true) : fail('INVALID_TRANSITION', `version ${row.version} is ${row.status}; only a draft can be edited`);
}

/** Whether a transition may start from the version's status, at the revision the client saw. */
export function checkTransition(row: VersionState, transition: PolicyTransition, expectedRevision: number): Result<(typeof POLICY_TRANSITIONS)[PolicyTransition]> {
  const step = POLICY_TRANSITIONS[transition];
  if (row.status !== step.from) return fail('INVALID_TRANSITION', `version ${row.version} is ${row.status}, not ${step.from}`);
  const revision = checkRevision(row, expectedRevision);
  return revision.ok ? ok(step) : revision;
}

/** Everyone who wrote or submitted a version: the author, the submitter and every writer in its history. */
export function policyWriters(row: { authorId: string | null; submittedBy: string | null }, history: readonly { action: string; actorId: string | null }[]): Set<string> {
  const writers = history.filter((h) => (WRITING_ACTIONS as readonly string[]).includes(h.action)).map((h) => h.actorId);
  return new Set([row.authorId, row.submittedBy, ...writers].filter((id): id is string => id !== null));
}

/** The four-eyes rule: nobody who wrote or submitted a version decides on it. */
export function checkFourEyes(writers: ReadonlySet<string>, actorId: string): Result<true> {
  return writers.has(actorId) ? fail('FOUR_EYES_VIOLATION', 'a second functional administrator, who did not write or submit this version, must decide on it') : ok(true);
}

/** A version takes effect today or later (never retroactively), on a day no other published version claims. */
export function checkPublishable(row: { effectiveFrom: string }, today: string, published: readonly { version: string; effectiveFrom: string }[]): Result<true> {
  if (row.effectiveFrom < today) return fail('RULE_VIOLATION', `effective date ${row.effectiveFrom} lies in the past; decisions already taken must keep their policy`);
  const clash = published.find((v) => v.effectiveFrom === row.effectiveFrom);
  return clash ? fail('RULE_VIOLATION', `version ${clash.version} already takes effect on ${row.effectiveFrom}`) : ok(true);
}
