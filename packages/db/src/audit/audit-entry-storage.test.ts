import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '@hoeder/domain/audit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing';
import { insertAuditEntries, listAuditEntriesAfter } from './audit.repository';

// Migration 0032 (ADR 0048): a list's entry, which names every case it served, stays in its row.
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 60_000);
afterAll(() => t.close());

const listEntry = (caseIds: string[]): AuditRecord => ({
  occurredAt: new Date().toISOString(),
  traceId: randomUUID(),
  operation: 'case.list',
  status: 'ok',
  userId: null,
  userOrganisation: 'NCTV',
  userRole: 'triage_officer',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: null,
  dataSubjectId: null,
  details: { caseIds },
});

const toastBytes = async () => {
  const { rows } = await sql<{ n: string }>`SELECT pg_relation_size(reltoastrelid)::text AS n FROM pg_class WHERE relname = 'audit_entry'`.execute(t.db);
  return Number(rows[0]?.n);
};

describe('audit entry storage (ADR 0048)', () => {
  it('keeps an entry of 80 case ids (~3.2 kB) in its row, unchanged', async () => {
    const before = await toastBytes();
    const ids = Array.from({ length: 80 }, () => randomUUID());
    await insertAuditEntries(t.db, Array.from({ length: 20 }, () => listEntry(ids)));
    // With PostgreSQL's default threshold (~2 kB) each of these went to the TOAST table.
    expect(await toastBytes()).toBe(before);
    const stored = await listAuditEntriesAfter(t.db, 0, 1_000);
    expect(stored.filter((e) => e.operation === 'case.list').map((e) => e.details)).toEqual(Array.from({ length: 20 }, () => ({ caseIds: ids })));
  });

  it('still moves an entry out of its row when it would not fit a page', async () => {
    const before = await toastBytes();
    const ids = Array.from({ length: 400 }, () => randomUUID());
    await insertAuditEntries(t.db, [listEntry(ids)]);
    expect(await toastBytes()).toBeGreaterThan(before);
  });
});
