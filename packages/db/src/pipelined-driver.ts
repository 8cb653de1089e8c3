import { createHash } from 'node:crypto';
import type pg from 'pg';
import { PostgresDialect, sql, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type RawBuilder, type TransactionSettings } from 'kysely';

/**
 * Statements that may travel with the transaction's COMMIT instead of waiting for their own round
 * trip (the audit entry that closes a guarded access, ADR 0036). Only honoured inside a
 * transaction on PostgreSQL; everywhere else (PGlite, autocommit) they run as usual.
 */
const AT_COMMIT = new WeakSet<CompiledQuery>();

/** Marks a compiled statement to be sent now and settled together with the COMMIT that follows it. */
export function atCommit<Q extends CompiledQuery>(query: Q): Q {
  AT_COMMIT.add(query);
  return query;
}

/**
 * Statements planned for their parameters on every execution (ADR 0043): searches whose best plan
 * depends on the values (how many persons a name pattern matches, how long a period is). As a
 * named statement PostgreSQL switches to a generic plan after five executions, one that cannot
 * see the pattern, and for the name search hash-joined every case link.
 */
const CUSTOM_PLAN = new WeakSet<CompiledQuery>();

/** Marks a compiled statement to run unnamed, so it is planned for its parameters each time. */
export function customPlan<Q extends CompiledQuery>(query: Q): Q {
  CUSTOM_PLAN.add(query);
  return query;
}

/**
 * A row count for LIMIT or OFFSET written into the statement, not sent as a parameter (ADR 0045).
 * With `LIMIT $n` a generic plan cannot know how many rows are wanted (PostgreSQL assumes a tenth
 * of them), costs every plan as if it read thousands, and so never wins: the statement was planned
 * anew on every execution. Each distinct count is its own statement text; pages are few.
 */
export function literalRows(n: number): RawBuilder<number> {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return sql.lit(n);
}

type Sent = Promise<pg.QueryResult>;

/** A promise whose failure is reported where it is awaited, never as "unhandled". */
const quiet = (p: Sent): Sent => {
  p.catch(() => undefined);
  return p;
};

/**
 * Named (prepared) statements per connection: the server parses and plans a statement text once
 * per connection instead of on every execution. Bounded, because kysely's texts vary with the
 * length of IN lists: the first `MAX` distinct texts are kept, others run unnamed as before.
 */
class PreparedStatements {
  static readonly MAX = 300;
  readonly #names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined || this.#names.size >= PreparedStatements.MAX) return known || undefined;
    const name = `h${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.#names.set(text, name);
    return name;
  }

  /** A table changed under a prepared statement (a migration while running): run that text unnamed from now on. */
  forget(text: string): void {
    this.#names.set(text, '');
  }
}

/** "cached plan must not change result type": the statement's tables changed since it was prepared. */
const CACHED_PLAN_CHANGED = '0A000';

interface Queued {
  text: string;
  values: readonly unknown[];
}

/**
 * One pooled pg client in pipeline mode. `BEGIN` is not sent on its own: it goes out in the same
 * write as the transaction's first statement. Statements marked `atCommit` wait and go out in the
 * same write as the COMMIT (or the next statement), so "audit entry, then commit" is one round
 * trip. Every statement still answers in order, and a failure of any of them fails the statement
 * (or the COMMIT) that settles it, so the transaction is rolled back and the request fails:
 * nothing is served whose audit entry did not commit.
 */
class PipelinedConnection implements DatabaseConnection {
  #queued: Queued[] = [];
  #inTransaction = false;
  /** The BEGIN has gone out. */
  #opened = false;
  #unsettled: Sent[] = [];

  readonly #statements = new PreparedStatements();

  constructor(readonly client: pg.PoolClient) {}

  begin(settings: TransactionSettings): void {
    this.#queued = [{ text: settings.isolationLevel ? `start transaction isolation level ${settings.isolationLevel}` : 'begin', values: [] }];
    this.#inTransaction = true;
  }

  async end(statement: 'commit' | 'rollback'): Promise<void> {
    try {
      // A rollback drops the entries still waiting for the commit: they never reach the server.
      if (statement === 'rollback') this.#queued = this.#queued.slice(0, this.#opened ? 0 : 1);
      // Only the BEGIN waits: nothing ran, no transaction was opened, none to end.
      if (!this.#opened && this.#queued.length <= 1) return;
      await this.#settle(this.#submit(statement));
    } finally {
      this.#inTransaction = false;
      this.#opened = false;
      this.#queued = [];
      this.#unsettled = [];
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#inTransaction && AT_COMMIT.has(query)) {
      this.#queued.push({ text: query.sql, values: query.parameters });
      return { rows: [] };
    }
    const result = await this.#settle(this.#submit(query.sql, query.parameters, CUSTOM_PLAN.has(query)));
    const rows = (result!.rows ?? []) as R[];
    if (result!.command === 'INSERT' || result!.command === 'UPDATE' || result!.command === 'DELETE' || result!.command === 'MERGE') {
      return { rows, numAffectedRows: BigInt(result!.rowCount ?? 0) };
    }
    return { rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used on this connection');
  }

  /** Writes what waits (BEGIN, entries for the commit) and the statement in one go: pipeline mode sends without waiting. */
  #submit(text: string, values: readonly unknown[] = [], unnamed = false): Sent {
    const stream = (this.client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
    stream?.cork?.();
    try {
      if (this.#inTransaction) this.#opened = true;
      for (const q of this.#queued.splice(0)) this.#unsettled.push(quiet(this.#send(q.text, q.values)));
      return this.#send(text, values, unnamed);
    } finally {
      stream?.uncork?.();
    }
  }

  #send(text: string, values: readonly unknown[], unnamed = false): Sent {
    if (values.length === 0) return this.client.query(text);
    const name = unnamed ? undefined : this.#statements.nameOf(text);
    if (!name) return this.client.query(text, [...values]);
    const sent = this.client.query({ name, text, values: [...values] });
    sent.catch((error: { code?: string }) => error?.code === CACHED_PLAN_CHANGED && this.#statements.forget(text));
    return sent;
  }

  /** Awaits what is in flight, in order, then the last statement; the first failure is thrown once all have answered. */
  async #settle(last: Sent | null): Promise<pg.QueryResult | undefined> {
    const all = [...this.#unsettled.splice(0), ...(last ? [last] : [])];
    const outcomes = await Promise.allSettled(all);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return last ? (outcomes.at(-1) as PromiseFulfilledResult<pg.QueryResult>).value : undefined;
  }
}

class PipelinedDriver implements Driver {
  readonly #connections = new WeakMap<pg.PoolClient, PipelinedConnection>();

  constructor(readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client);
      this.#connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    (connection as PipelinedConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipelinedConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipelinedConnection).end('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PipelinedConnection).client.release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** Kysely's PostgreSQL dialect on a pool whose clients run in pipeline mode (`pipelinedPool`). */
export class PipelinedPostgresDialect extends PostgresDialect {
  constructor(readonly pool: pg.Pool) {
    super({ pool });
  }

  override createDriver(): Driver {
    return new PipelinedDriver(this.pool);
  }
}
