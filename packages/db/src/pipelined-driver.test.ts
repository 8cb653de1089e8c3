import { CompiledQuery, Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCommit, customPlan, PipelinedPostgresDialect } from './pipelined-driver';
import type { Database } from './schema';
import { createSeparatedDatabase } from './testing';

// The pipelined connection (ADR 0036) on a real PostgreSQL: TEST_PG_ADMIN_URL, as the other PG tests.
const adminUrl = process.env.TEST_PG_ADMIN_URL;
const NAME = `hoeder_pipeline_${process.pid}`;

let db: Kysely<Database>;
let pool: pg.Pool;
/** Socket writes (one per TCP send) of all connections: the round trips the client starts. */
let writes = 0;

const countWrites = (client: pg.PoolClient) => {
  const socket = (client as unknown as { connection: { stream: { _write: (...a: unknown[]) => unknown; _writev?: (...a: unknown[]) => unknown } } }).connection.stream;
  const write = socket._write.bind(socket);
  socket._write = (...a) => ((writes += 1), write(...a));
  if (socket._writev) {
    const writev = socket._writev.bind(socket);
    socket._writev = (...a) => ((writes += 1), writev(...a));
  }
};

beforeAll(async () => {
  if (!adminUrl) return;
  const urls = await createSeparatedDatabase(adminUrl, NAME);
  pool = new pg.Pool({ connectionString: urls.app, max: 1, pipeline: true });
  pool.on('connect', countWrites);
  db = new Kysely<Database>({ dialect: new PipelinedPostgresDialect(pool) });
  await sql`SELECT 1`.execute(db);
});

afterAll(async () => {
  if (!adminUrl) return;
  await db.destroy();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
});

const entry = (operation: string) =>
  db.insertInto('audit_entry').values({
    occurred_at: new Date().toISOString(),
    trace_id: 't',
    operation,
    status: 'ok',
    processing_activity: 'test',
    object_type: 'x',
    details: '{}',
  });
const count = async (operation: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_entry WHERE operation = ${operation}`.execute(db)).rows[0]!.n);

describe.skipIf(!adminUrl)('pipelined PostgreSQL connection', () => {
  it('sends BEGIN with the first statement and the closing entry with the COMMIT: two writes for a read and its entry', async () => {
    const before = writes;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await trx.executeQuery(atCommit(entry('pipelined.ok').compile()));
    });
    expect(writes - before).toBe(2);
    expect(await count('pipelined.ok')).toBe(1);
  });

  it('commits nothing when the closing entry fails: the COMMIT fails with the entry error', async () => {
    const failing = db.insertInto('audit_entry').values({ occurred_at: 'not a time', trace_id: 't', operation: 'x', status: 'ok', processing_activity: 't', object_type: 'x', details: '{}' });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.executeQuery(entry('pipelined.rolled-back').compile());
        await trx.executeQuery(atCommit(failing.compile()));
      }),
    ).rejects.toThrow(/time/);
    expect(await count('pipelined.rolled-back')).toBe(0);
  });

  it('fails the first statement when it fails, and rolls the transaction back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SELECT 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    // The connection is clean again: a later transaction commits.
    await db.transaction().execute((trx) => trx.executeQuery(atCommit(entry('pipelined.after').compile())));
    expect(await count('pipelined.after')).toBe(1);
  });

  it('commits a closing entry that is the transaction\'s only statement (BEGIN, entry and COMMIT in one write)', async () => {
    const before = writes;
    await db.transaction().execute((trx) => trx.executeQuery(atCommit(entry('pipelined.only').compile())));
    expect(writes - before).toBe(1);
    expect(await count('pipelined.only')).toBe(1);
  });

  it('drops a closing entry when the transaction rolls back before its commit', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SELECT 1`.execute(trx);
        await trx.executeQuery(atCommit(entry('pipelined.dropped').compile()));
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await count('pipelined.dropped')).toBe(0);
  });

  it('prepares a statement with parameters once per connection', async () => {
    const text = 'SELECT count(*) AS n FROM audit_entry WHERE operation = $1';
    await db.executeQuery(CompiledQuery.raw(text, ['x']));
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = ${text}`.execute(db);
    expect(rows[0]!.n).toBe('1');
  });

  it('runs a statement marked for a custom plan unnamed: never prepared, so planned for its values each time (ADR 0043)', async () => {
    const text = 'SELECT count(*) AS n FROM audit_entry WHERE operation LIKE $1';
    for (let i = 0; i < 7; i++) {
      const { rows } = await db.executeQuery(customPlan(CompiledQuery.raw(text, ['pipelined.%'])));
      expect(Number((rows[0] as { n: string }).n)).toBeGreaterThanOrEqual(0);
    }
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = ${text}`.execute(db);
    expect(rows[0]!.n).toBe('0');
  });

  it('runs a statement marked for the commit at once outside a transaction', async () => {
    await db.executeQuery(atCommit(entry('pipelined.autocommit').compile()));
    expect(await count('pipelined.autocommit')).toBe(1);
  });

  it('opens no transaction that runs no statement', async () => {
    const before = writes;
    await db.transaction().execute(async () => undefined);
    expect(writes - before).toBe(0);
    const { rows } = await sql<{ open: boolean }>`SELECT now() <> statement_timestamp() AS open`.execute(db);
    expect(rows[0]!.open).toBe(false);
  });
});
