import type { Db } from '@hoeder/db';
import type { AuditRecord } from '@hoeder/domain/audit';
import { describe, expect, it } from 'vitest';
import { createAuditGroupCommit, GROUP_COMMIT_MAX } from './audit-group-commit';

const record = (operation: string): AuditRecord => ({
  occurredAt: '2026-03-02T09:00:00.000Z',
  traceId: operation,
  operation,
  status: 'ok',
  userId: null,
  userOrganisation: null,
  userRole: null,
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: null,
  dataSubjectId: null,
  details: {},
});

/** An insert whose statements the test completes by hand, recording what each one held. */
function manualInsert(fails: (records: readonly AuditRecord[]) => boolean = () => false) {
  const statements: { records: string[]; finish: () => void }[] = [];
  const insert = (_db: Db, records: readonly AuditRecord[]) =>
    new Promise<void>((resolve, reject) => {
      statements.push({ records: records.map((r) => r.operation), finish: () => (fails(records) ? reject(new Error('insert failed')) : resolve()) });
    });
  return { statements, insert };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const state = (p: Promise<void>) => {
  const s = { value: 'pending' as 'pending' | 'done' | 'failed' };
  p.then(
    () => (s.value = 'done'),
    () => (s.value = 'failed'),
  );
  return s;
};

describe('audit group commit (ADR 0038)', () => {
  it('writes a lone entry at once and answers only when its statement has committed', async () => {
    const { statements, insert } = manualInsert();
    const group = createAuditGroupCommit({} as Db, insert);
    const a = state(group.append([record('a')]));
    await tick();
    expect(statements.map((s) => s.records)).toEqual([['a']]);
    expect(a.value).toBe('pending');
    statements[0]!.finish();
    await tick();
    expect(a.value).toBe('done');
  });

  it("puts the entries that arrive during a commit into the next statement, one row each, a caller's entries together", async () => {
    const { statements, insert } = manualInsert();
    const group = createAuditGroupCommit({} as Db, insert);
    const first = state(group.append([record('a')]));
    const waiting = [state(group.append([record('b')])), state(group.append([record('c1'), record('c2')])), state(group.append([record('d')]))];
    await tick();
    expect(statements.map((s) => s.records)).toEqual([['a']]);
    statements[0]!.finish();
    await tick();
    expect(first.value).toBe('done');
    expect(statements.map((s) => s.records)).toEqual([['a'], ['b', 'c1', 'c2', 'd']]);
    expect(waiting.map((w) => w.value)).toEqual(['pending', 'pending', 'pending']);
    statements[1]!.finish();
    await tick();
    expect(waiting.map((w) => w.value)).toEqual(['done', 'done', 'done']);
  });

  it("fails only the caller whose entries cannot be stored: a failed combined statement is retried per caller", async () => {
    const { statements, insert } = manualInsert((records) => records.some((r) => r.operation === 'bad'));
    const group = createAuditGroupCommit({} as Db, insert);
    const first = state(group.append([record('a')]));
    const good = state(group.append([record('b')]));
    const bad = state(group.append([record('bad'), record('bad-2')]));
    await tick();
    statements[0]!.finish();
    await tick();
    statements[1]!.finish();
    await tick();
    expect(statements.map((s) => s.records)).toEqual([['a'], ['b', 'bad', 'bad-2'], ['b'], ['bad', 'bad-2']]);
    for (const s of statements.slice(2)) s.finish();
    await tick();
    expect([first.value, good.value, bad.value]).toEqual(['done', 'done', 'failed']);
  });

  it('rejects when the database refuses a lone entry', async () => {
    const group = createAuditGroupCommit({} as Db, async () => {
      throw new Error('connection lost');
    });
    await expect(group.append([record('a')])).rejects.toThrow('connection lost');
  });

  it(`keeps a statement to at most ${GROUP_COMMIT_MAX} entries`, async () => {
    const { statements, insert } = manualInsert();
    const group = createAuditGroupCommit({} as Db, insert);
    void group.append([record('first')]);
    const rest = Array.from({ length: GROUP_COMMIT_MAX + 5 }, (_, i) => group.append([record(`r${i}`)]));
    await tick();
    statements[0]!.finish();
    await tick();
    expect(statements[1]!.records).toHaveLength(GROUP_COMMIT_MAX);
    statements[1]!.finish();
    await tick();
    expect(statements[2]!.records).toHaveLength(5);
    statements[2]!.finish();
    await Promise.all(rest);
  });
});
