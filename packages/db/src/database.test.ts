import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

const insertEntry = (seq: number) =>
  sql`INSERT INTO audit_entry (seq, occurred_at, trace_id, operation, status, processing_activity, object_type, details, prev_hash, hash)
      VALUES (${seq}, now(), 't', 'op', 'ok', 'test', 'x', '{}', 'p', 'h')`;

describe('database roles', () => {
  it('runs the application with the hoeder_app grants, not as the owner', async () => {
    const { rows } = await sql<{ app: boolean; owner: boolean }>`
      SELECT pg_has_role(current_user, 'hoeder_app', 'USAGE') AS app,
             pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'), 'USAGE') AS owner`.execute(t.db);
    expect(rows[0]).toEqual({ app: true, owner: false });
  });

  it('lets the application append to but never change or remove audit entries', async () => {
    await insertEntry(1).execute(t.db);
    await expect(sql`UPDATE audit_entry SET operation = 'x' WHERE seq = 1`.execute(t.db)).rejects.toThrow();
    await expect(sql`DELETE FROM audit_entry WHERE seq = 1`.execute(t.db)).rejects.toThrow();
    const { rows } = await sql<{ operation: string }>`SELECT operation FROM audit_entry`.execute(t.db);
    expect(rows).toEqual([{ operation: 'op' }]);
  });

  it('refuses changes to audit entries even for the owner while the trigger is in place', async () => {
    await expect(t.asOwner((owner) => sql`UPDATE audit_entry SET operation = 'x' WHERE seq = 1`.execute(owner))).rejects.toThrow(
      /append-only/,
    );
  });
});
