import type { NewStreamEvent } from '@hoeder/db';
import { fail, ok, type DomainError, type Result } from '@hoeder/domain';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../actor';

/**
 * How one event stream is read, projected and written (the case stream, the DAF stream). The
 * repositories behind `load`, `append` and `save` take the grant the guarded layer handed out.
 */
export interface StreamAdapter<S, B extends { type: string }, R> {
  /** The name in conflict messages: "the case was changed by someone else". */
  name: string;
  /** The stream's current state: a fold of the whole stream, or of a snapshot and its tail. */
  load(): Promise<S | undefined>;
  /** The state after the recorded events that follow `state`. */
  evolve(state: S | undefined, events: readonly R[]): S | undefined;
  version(state: S | undefined): number;
  /** The recorded form of an event about to be appended as `version`. */
  recorded(event: NewStreamEvent<B>, version: number): R;
  append(expectedVersion: number, events: readonly NewStreamEvent<B>[]): Promise<number>;
  /** Writes the read model of the new state (and any snapshot), in the same transaction. */
  save(next: S): Promise<void>;
}

export interface StreamCommand<S, B extends { type: string }, R> {
  stream: StreamAdapter<S, B, R>;
  /** The version the client based its command on; `current` for a system step (the DAF bridge). */
  expectedVersion: number | 'current';
  decide(state: S | undefined): Result<B[]> | Promise<Result<B[]>>;
}

/** A decided command, not yet written: the state it leads to, and the write. */
export interface Prepared<S> {
  before: S | undefined;
  state: S;
  version: number;
  commit(): Promise<number>;
}

/** The failure of a stale write; `currentVersion` lets the client reload. A lost race has none. */
export const versionConflict = (name: string, currentVersion?: number): DomainError => ({
  code: 'VERSION_CONFLICT',
  message: `the ${name} was changed by someone else; reload and try again`,
  ...(currentVersion === undefined ? {} : { details: { currentVersion } }),
});

/**
 * The one stream pipeline (ADR 0005, 0010): load, version check, decide, then, on `commit`, append
 * and project. Deciding writes nothing, so a caller that runs two commands (the DAF bridge) decides
 * both before it commits either, and a refusal leaves every stream as it was. The unique
 * (case_id, version) constraint decides a race at append; `withAccess` turns that into a 409.
 */
export async function prepareStreamCommand<S, B extends { type: string }, R>(
  ctx: RequestContext,
  actor: AuthenticatedActor,
  { stream, expectedVersion: expected, decide }: StreamCommand<S, B, R>,
): Promise<Result<Prepared<S>>> {
  const before = await stream.load();
  const current = stream.version(before);
  const expectedVersion = expected === 'current' ? current : expected;
  if (current !== expectedVersion) {
    const conflict = versionConflict(stream.name, current);
    return fail(conflict.code, conflict.message, conflict.details);
  }
  const decided = await decide(before);
  if (!decided.ok) return decided;
  const fresh = decided.value.map((body) => ({ body, actorId: actor.userId, actorRole: actingRole(actor), occurredAt: ctx.now, traceId: ctx.traceId }));
  const state = stream.evolve(before, fresh.map((e, i) => stream.recorded(e, expectedVersion + i + 1)));
  if (!state) return fail('INVALID_TRANSITION', `the ${stream.name} has no state after this command`);
  const commit = async () => {
    const version = await stream.append(expectedVersion, fresh);
    await stream.save(state);
    return version;
  };
  return ok({ before, state, version: expectedVersion + fresh.length, commit });
}

/** Decide and commit one command on one stream. */
export async function runStreamCommand<S, B extends { type: string }, R>(
  ctx: RequestContext,
  actor: AuthenticatedActor,
  command: StreamCommand<S, B, R>,
): Promise<Result<{ version: number; state: S }>> {
  const prepared = await prepareStreamCommand(ctx, actor, command);
  if (!prepared.ok) return prepared;
  return ok({ version: await prepared.value.commit(), state: prepared.value.state });
}
