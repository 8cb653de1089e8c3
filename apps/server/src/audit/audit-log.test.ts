import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesFor, countAuditEntries, countCaseEvents, listAuditCheckpoints } from '@hoeder/db';
import { caseWithActiveMeasures, openServiceFixture, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
let caseId: string;
beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
});
afterAll(() => f.close());

const lastEntryFor = async (subject: string) => (await auditEntriesFor(f.database.db, subject)).at(-1);

describe('audit log: every access to case data is logged', () => {
  it('logs a read with actor, organisation, role, purpose, object, result, time and trace id', async () => {
    // The police lead reads the case through an assignment tasked to their unit (ADR 0016).
    const lcc = f.actor('lcc');
    const inbox = await f.deps.assignments.inbox(f.ctx(), lcc);
    const assignmentId = inbox.ok ? inbox.value.items.find((i) => i.caseId === caseId)?.assignmentId : undefined;
    expect((await f.deps.assignments.accept(f.ctx(), lcc, assignmentId!, 1)).ok).toBe(true);
    expect((await f.deps.assignments.task(f.ctx(), lcc, assignmentId!, ['be-1'])).ok).toBe(true);
    const ctx = f.ctx();
    const view = await f.deps.cases.view(ctx, f.actor('politie'), caseId);
    expect(view.ok).toBe(true);
    expect(await lastEntryFor(caseId)).toMatchObject({
      operation: 'case.view',
      status: 'ok',
      userId: userIdOf('politie'),
      userOrganisation: 'POLICE',
      userRole: 'police_team_lead',
      processingActivity: 'protection.execution',
      objectType: 'case',
      objectId: caseId,
      dataSubjectId: caseId,
      traceId: ctx.traceId,
      occurredAt: ctx.now.toISOString(),
    });
  });

  it('logs timeline reads and oversight reads with their purpose', async () => {
    await f.deps.cases.timeline(f.ctx(), f.actor('inspectie'), caseId);
    expect(await lastEntryFor(caseId)).toMatchObject({ operation: 'case.timeline', status: 'ok', processingActivity: 'oversight.inspection', userRole: 'inspector' });
  });

  it('logs a denied read, and the denial looks like "not found"', async () => {
    const result = await f.deps.cases.view(f.ctx(), f.actor('kmar'), caseId);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await lastEntryFor(caseId)).toMatchObject({ operation: 'case.view', status: 'denied', userId: userIdOf('kmar') });
  });

  it('logs a refused command, which writes no event', async () => {
    const events = await countCaseEvents(f.database.db);
    const entries = await countAuditEntries(f.database.db);
    const result = await f.deps.cases.execute(f.ctx(), f.actor('inspectie'), caseId, 99, { type: 'EndCase', reason: 'Inspectie probeert te schrijven.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    expect(await countCaseEvents(f.database.db)).toBe(events);
    expect(await countAuditEntries(f.database.db)).toBe(entries + 1);
    expect(await lastEntryFor(caseId)).toMatchObject({ operation: 'case.command.EndCase', status: 'denied', details: { errorCode: 'FORBIDDEN_ACTION' } });
  });

  it('keeps personal data out of the audit details', async () => {
    const all = await auditEntriesFor(f.database.db, caseId);
    const text = JSON.stringify(all);
    expect(text).not.toContain(sampleRegistration().persons[0]!.fullName);
  });
});

describe('audit log: only appended to, by the application', () => {
  it.each(['audit_entry', 'audit_leaf', 'audit_checkpoint'])('the application role cannot UPDATE, DELETE or TRUNCATE %s', async (table) => {
    await f.deps.audit.sealOnce(f.database.db);
    await expect(sql`UPDATE ${sql.id(table)} SET ${sql.id(table === 'audit_entry' ? 'status' : table === 'audit_leaf' ? 'leaf_hash' : 'signature')} = 'x'`.execute(f.database.db)).rejects.toThrow();
    await expect(sql`DELETE FROM ${sql.id(table)}`.execute(f.database.db)).rejects.toThrow();
    await expect(sql`TRUNCATE ${sql.id(table)}`.execute(f.database.db)).rejects.toThrow();
  });

  it('the append-only triggers refuse UPDATE and DELETE even to the owner', async () => {
    await f.database.asOwner(async (owner) => {
      for (const table of ['audit_entry', 'audit_leaf', 'audit_checkpoint']) {
        await expect(sql`DELETE FROM ${sql.id(table)}`.execute(owner)).rejects.toThrow(/append-only/);
      }
    });
  });
});

const TABLES = ['audit_entry', 'audit_leaf', 'audit_checkpoint'] as const;

/** As the owner with the append-only triggers lifted: what an attacker with database rights could do. */
const tamper = (...statements: ReturnType<typeof sql>[]) =>
  f.database.asOwner(async (owner) => {
    for (const t of TABLES) await sql`ALTER TABLE ${sql.id(t)} DISABLE TRIGGER USER`.execute(owner);
    try {
      for (const s of statements) await s.execute(owner);
    } finally {
      for (const t of TABLES) await sql`ALTER TABLE ${sql.id(t)} ENABLE TRIGGER USER`.execute(owner);
    }
  });

const sealAll = async () => {
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
};
const verify = (witness?: Awaited<ReturnType<typeof listAuditCheckpoints>>) => f.deps.audit.verify(f.database.db, witness ? { witness } : {});
const leafOf = async (index: number) => (await sql<{ entry_seq: string }>`SELECT entry_seq FROM audit_leaf WHERE leaf_index = ${index}`.execute(f.database.db)).rows[0]!;
const latestSize = async () => (await listAuditCheckpoints(f.database.db)).at(-1)!.treeSize;

describe('audit log: sealed into a signed Merkle tree', () => {
  beforeAll(sealAll);

  it('seals every entry exactly once and verifies: entries, signatures, consistency', async () => {
    const v = await verify();
    expect(v).toMatchObject({ ok: true, unsealed: 0, problems: [] });
    expect(v.leaves).toBe(v.entries);
    expect(v.latest?.treeSize).toBe(v.leaves);
  });

  it('a new access is reported as unsealed until the next seal', async () => {
    await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 1 });
    expect(await f.deps.audit.sealOnce(f.database.db)).toMatchObject({ status: 'sealed', leaves: 1 });
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
    expect(await f.deps.audit.sealOnce(f.database.db)).toMatchObject({ status: 'idle' });
  });
});

describe('audit log: tampering is detected and named', () => {
  beforeAll(async () => {
    // Several checkpoints, so there is a middle, a tail and a history to rewind.
    for (let i = 0; i < 3; i += 1) {
      await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId);
      await f.deps.cases.timeline(f.ctx(), f.actor('inspectie'), caseId);
      await sealAll();
    }
    await f.database.asOwner(async (owner) => {
      for (const t of TABLES) await sql`CREATE TABLE ${sql.id(`backup_${t}`)} AS SELECT * FROM ${sql.id(t)}`.execute(owner);
    });
  });
  // Each case starts from the intact log.
  afterEach(() =>
    tamper(...TABLES.flatMap((t) => [sql`DELETE FROM ${sql.id(t)}`, sql`INSERT INTO ${sql.id(t)} SELECT * FROM ${sql.id(`backup_${t}`)}`])),
  );

  it('starts intact', async () => {
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a changed row: entry_altered, naming the entry', async () => {
    const seq = Number((await leafOf(3)).entry_seq);
    await tamper(sql`UPDATE audit_entry SET user_role = 'decision_maker' WHERE seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, problems: expect.arrayContaining([{ kind: 'entry_altered', leafIndex: 3, seq }]) });
  });

  it('a removed middle row: entry_missing, naming the entry', async () => {
    const seq = Number((await leafOf(5)).entry_seq);
    await tamper(sql`DELETE FROM audit_entry WHERE seq = ${seq}`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'entry_missing', leafIndex: 5, seq }] });
  });

  it('a removed middle row with its leaf: leaf_missing, naming the place', async () => {
    const seq = Number((await leafOf(5)).entry_seq);
    await tamper(sql`DELETE FROM audit_entry WHERE seq = ${seq}`, sql`DELETE FROM audit_leaf WHERE leaf_index = 5`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'leaf_missing', leafIndex: 5 }] });
  });

  it('a tail cut off after a checkpoint (entries and leaves): tail_missing', async () => {
    const size = await latestSize();
    await tamper(
      sql`DELETE FROM audit_entry WHERE seq IN (SELECT entry_seq FROM audit_leaf WHERE leaf_index >= ${size - 2})`,
      sql`DELETE FROM audit_leaf WHERE leaf_index >= ${size - 2}`,
    );
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'tail_missing', treeSize: size, leaves: size - 2 }] });
  });

  it('checkpoints removed, leaves kept: unsigned_leaves', async () => {
    const checkpoints = await listAuditCheckpoints(f.database.db);
    const previous = checkpoints.at(-2)!.treeSize;
    await tamper(sql`DELETE FROM audit_checkpoint WHERE tree_size > ${previous}`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'unsigned_leaves', leaves: checkpoints.at(-1)!.treeSize, latestCheckpoint: previous }] });
  });

  it('a rewound head (checkpoints, leaves and entries removed) passes alone but not against a witness: rewound', async () => {
    const witness = await listAuditCheckpoints(f.database.db);
    const previous = witness.at(-2)!.treeSize;
    await tamper(
      sql`DELETE FROM audit_entry WHERE seq IN (SELECT entry_seq FROM audit_leaf WHERE leaf_index >= ${previous})`,
      sql`DELETE FROM audit_leaf WHERE leaf_index >= ${previous}`,
      sql`DELETE FROM audit_checkpoint WHERE tree_size > ${previous}`,
    );
    // The known limit of any log checked only against itself: hence the outside witness.
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify(witness)).toMatchObject({ ok: false, problems: [{ kind: 'rewound', witnessSize: witness.at(-1)!.treeSize, latestCheckpoint: previous }] });
  });

  it('an intact log is consistent with an older witness', async () => {
    const witness = (await listAuditCheckpoints(f.database.db)).slice(0, 2);
    await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId);
    await sealAll();
    expect(await verify(witness)).toMatchObject({ ok: true, problems: [] });
  });

  it('a checkpoint with a bad signature: bad_signature', async () => {
    const [, second] = await listAuditCheckpoints(f.database.db);
    const forged = Buffer.alloc(64, 7).toString('base64');
    await tamper(sql`UPDATE audit_checkpoint SET signature = ${forged} WHERE tree_size = ${second!.treeSize}`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'bad_signature', source: 'database', treeSize: second!.treeSize }] });
  });

  it('a checkpoint with another root: root_mismatch and bad_signature, and it is inconsistent with its neighbours', async () => {
    const [, second] = await listAuditCheckpoints(f.database.db);
    await tamper(sql`UPDATE audit_checkpoint SET root_hash = ${'ab'.repeat(32)} WHERE tree_size = ${second!.treeSize}`);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind).sort()).toEqual(['bad_signature', 'inconsistent', 'inconsistent', 'root_mismatch']);
  });
});
