import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesFor, countAuditEntries, countCaseEvents } from '@hoeder/db';
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
    const ctx = f.ctx();
    const view = await f.deps.cases.view(ctx, f.actor('politie'), caseId);
    expect(view.ok).toBe(true);
    expect(await lastEntryFor(caseId)).toMatchObject({
      operation: 'case.view',
      status: 'ok',
      userId: userIdOf('politie'),
      userOrganisation: 'POLICE',
      userRole: 'police_team_lead',
      processingActivity: 'protection.case_handling',
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

describe('audit log: append-only and tamper-evident', () => {
  it('verifies an intact chain', async () => {
    expect(await f.deps.audit.verify(f.database.db)).toMatchObject({ ok: true });
  });

  it('refuses UPDATE and DELETE from the application role', async () => {
    await expect(sql`UPDATE audit_entry SET status = 'ok' WHERE seq = 1`.execute(f.database.db)).rejects.toThrow();
    await expect(sql`DELETE FROM audit_entry WHERE seq = 1`.execute(f.database.db)).rejects.toThrow();
  });

  /** As the owner, with the append-only trigger lifted: what an attacker with database rights could do. */
  const tamper = (statement: ReturnType<typeof sql>) =>
    f.database.asOwner(async (owner) => {
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(owner);
      await statement.execute(owner);
      await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`.execute(owner);
    });

  it('names the first altered entry when the owner changes a row behind the application', async () => {
    const [original] = await auditEntriesFor(f.database.db, caseId);
    const seq = original!.seq;
    await tamper(sql`UPDATE audit_entry SET user_role = 'decision_maker' WHERE seq = ${seq}`);
    expect(await f.deps.audit.verify(f.database.db)).toEqual({ ok: false, firstBadSeq: seq, reason: 'hash_mismatch' });
    await tamper(sql`UPDATE audit_entry SET user_role = ${original!.userRole} WHERE seq = ${seq}`);
    expect(await f.deps.audit.verify(f.database.db)).toMatchObject({ ok: true });
  });

  it('names the first missing entry when rows are removed from the end or the middle', async () => {
    const total = await countAuditEntries(f.database.db);
    await tamper(sql`DELETE FROM audit_entry WHERE seq = ${total}`);
    expect(await f.deps.audit.verify(f.database.db)).toEqual({ ok: false, firstBadSeq: total, reason: 'gap_in_sequence' });
    await tamper(sql`DELETE FROM audit_entry WHERE seq = 5`);
    expect(await f.deps.audit.verify(f.database.db)).toEqual({ ok: false, firstBadSeq: 5, reason: 'gap_in_sequence' });
  });
});
