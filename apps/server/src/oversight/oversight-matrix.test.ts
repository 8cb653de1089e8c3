import { createPublicKey, verify, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntriesResponse, AuditProofResponse, BreakGlassGrant, StatisticsResponse } from '@hoeder/contracts';
import { checkpointNoteText, rootFromPath } from '@hoeder/domain/audit-proof';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { ACCESS_MATRIX, auditOfRequest, OUTSIDE_THE_MATRIX, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * The inspectorate's tools and the advisory body's statistics over HTTP (issue 13), every demo
 * account. Written out per account, not derived from the role tables.
 */
const INSPECTORATE_ONLY: Record<string, number> = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, a.username === 'inspectie' ? 200 : 403]));
const STATISTICS: Record<string, number> = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, ['advies', 'inspectie'].includes(a.username) ? 200 : 403]));
const sha256 = async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', data));

let f: HttpFixture;
let seen: () => Set<string>;
const caseIds: string[] = [];
let grantIds: string[] = [];
const sealAll = async () => {
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
};
const as = async (username: string, method: 'GET' | 'POST', path: string, body?: unknown) => f.api(await f.session(username), method, path, body);

beforeAll(async () => {
  f = await openHttpFixture({ env: { HOEDER_AUDIT_SEAL_INTERVAL_MS: '0' } });
  seen = trackRequests(f);
  caseIds.push(await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'politie'], 'measures_active'));
  caseIds.push(await driveCase(f, 'dep_confidential', ['analist', 'besluit'], 'assessed'));
  for (const username of ['lcc', 'besluit2']) {
    const reply = await as(username, 'POST', `/api/cases/${caseIds[1]}/break-glass`, { justification: 'Spoedeisende coördinatie na een incident vannacht.' });
    expect(reply.status).toBe(201);
  }
  grantIds = ((await as('inspectie', 'GET', '/api/oversight/break-glass-grants')).body as BreakGlassGrant[]).map((g) => g.grantId);
  await sealAll();
}, 180_000);
afterAll(() => f.close());

describe('who may use the inspectorate’s tools and read the statistics', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s: audit search, proof, review and statistics by role, each audited', async (username) => {
    const search = await as(username, 'GET', '/api/audit/entries?pageSize=5');
    expect(search.status).toBe(INSPECTORATE_ONLY[username]);
    expect(await auditOfRequest(f.database.db, search.requestId)).toMatchObject([{ operation: 'audit.search', status: search.status === 200 ? 'ok' : 'denied' }]);
    const proof = await as(username, 'GET', '/api/audit/entries/1/proof');
    expect(proof.status).toBe(INSPECTORATE_ONLY[username]);
    // Others try to review; the inspectorate's own review is tested below.
    if (username !== 'inspectie') {
      const review = await as(username, 'POST', `/api/oversight/break-glass-grants/${grantIds[0]}/review`, { finding: 'Ik keur mijn eigen toegang goed.' });
      expect(review.status).toBe(403);
      expect(await auditOfRequest(f.database.db, review.requestId)).toMatchObject([{ operation: 'oversight.break_glass_review', status: 'denied' }]);
    }
    const stats = await as(username, 'GET', '/api/statistics');
    expect(stats.status).toBe(STATISTICS[username]);
    expect(await auditOfRequest(f.database.db, stats.requestId)).toMatchObject([{ operation: 'statistics.read', status: stats.status === 200 ? 'ok' : 'denied' }]);
  });

  it('without a session: 401 everywhere', async () => {
    for (const [method, path] of [['GET', '/api/audit/entries'], ['GET', '/api/audit/entries/1/proof'], ['GET', '/api/statistics'], ['POST', `/api/oversight/break-glass-grants/${grantIds[0]}/review`]] as const) {
      expect((await f.api(null, method, path, method === 'POST' ? { finding: 'Geen sessie, geen toegang.' } : undefined)).status).toBe(401);
    }
  });
});

describe('break-glass review', () => {
  it('bad input: 400 naming the field, nothing stored', async () => {
    const bad: [string, unknown, string][] = [
      [grantIds[0]!, {}, 'finding'],
      [grantIds[0]!, { finding: 'kort' }, 'finding'],
      [grantIds[0]!, { finding: `Bevinding\u0000met een nulteken erin.` }, 'finding'],
      [grantIds[0]!, { finding: 'x'.repeat(2001) }, 'finding'],
      ['not-a-uuid', { finding: 'Een bevinding van voldoende lengte.' }, 'grantId'],
    ];
    for (const [grantId, body, field] of bad) {
      const reply = await as('inspectie', 'POST', `/api/oversight/break-glass-grants/${grantId}/review`, body);
      expect({ field, status: reply.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
    }
    const grants = (await as('inspectie', 'GET', '/api/oversight/break-glass-grants')).body as BreakGlassGrant[];
    expect(grants.every((g) => g.review === null)).toBe(true);
  });

  it('the inspectorate marks a grant reviewed once, with its finding; an unknown grant is a 404', async () => {
    const finding = 'Toegang was gerechtvaardigd: incident bevestigd door de politie.';
    const reply = await as('inspectie', 'POST', `/api/oversight/break-glass-grants/${grantIds[0]}/review`, { finding });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ grantId: grantIds[0], review: { finding, reviewerName: 'Ingrid Inspecteur' } });
    expect(await auditOfRequest(f.database.db, reply.requestId)).toMatchObject([{ operation: 'oversight.break_glass_review', status: 'ok', object_id: grantIds[0] }]);
    expect((await as('inspectie', 'POST', `/api/oversight/break-glass-grants/${grantIds[0]}/review`, { finding: 'Een tweede bevinding mag niet.' })).status).toBe(409);
    expect((await as('inspectie', 'POST', `/api/oversight/break-glass-grants/${crypto.randomUUID()}/review`, { finding: 'Een bevinding zonder toegang.' })).status).toBe(404);
    const listed = ((await as('inspectie', 'GET', '/api/oversight/break-glass-grants')).body as BreakGlassGrant[]).find((g) => g.grantId === grantIds[0]);
    expect(listed?.review?.finding).toBe(finding);
    expect(listed?.caseReference).toMatch(/^HOE-/);
  });
});

describe('the audit-log viewer', () => {
  it('searches by case, actor, operation and purpose, newest first, with totals', async () => {
    const besluit = DEMO_ACCOUNTS.find((a) => a.username === 'besluit')!.userId;
    const byCase = (await as('inspectie', 'GET', `/api/audit/entries?caseId=${caseIds[0]}&pageSize=100`)).body as AuditEntriesResponse;
    expect(byCase.total).toBeGreaterThan(0);
    expect(byCase.items.every((e) => e.dataSubjectId === caseIds[0] || e.objectId === caseIds[0])).toBe(true);
    expect(byCase.items.map((e) => e.seq)).toEqual([...byCase.items.map((e) => e.seq)].sort((a, b) => b - a));
    const byActor = (await as('inspectie', 'GET', `/api/audit/entries?actorId=${besluit}&operation=case.view&pageSize=100`)).body as AuditEntriesResponse;
    expect(byActor.items.every((e) => e.userId === besluit && e.operation === 'case.view')).toBe(true);
    const breakGlass = (await as('inspectie', 'GET', '/api/audit/entries?purpose=protection.break_glass')).body as AuditEntriesResponse;
    expect(breakGlass.total).toBeGreaterThanOrEqual(2);
    const none = (await as('inspectie', 'GET', '/api/audit/entries?from=2030-01-01T00:00:00Z')).body as AuditEntriesResponse;
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('bad queries: 400 naming the parameter', async () => {
    for (const [query, field] of [['caseId=x', 'caseId'], ['from=yesterday', 'from'], ['pageSize=0', 'pageSize'], ['page=-1', 'page'], ['operation=a%00b', 'operation']] as const) {
      const reply = await as('inspectie', 'GET', `/api/audit/entries?${query}`);
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
    }
    expect((await as('inspectie', 'GET', '/api/audit/entries/0/proof')).status).toBe(400);
    expect((await as('inspectie', 'GET', '/api/audit/entries/999999999/proof')).status).toBe(404);
  });

  it('an entry’s proof leads to the signed root of the checkpoint it is under; a changed entry does not', async () => {
    const [entry] = ((await as('inspectie', 'GET', `/api/audit/entries?caseId=${caseIds[1]}&operation=case.break_glass`)).body as AuditEntriesResponse).items;
    expect(entry?.leafIndex).not.toBeNull();
    const reply = await as('inspectie', 'GET', `/api/audit/entries/${entry!.seq}/proof`);
    expect(reply.status).toBe(200);
    const p = reply.body as AuditProofResponse;
    expect(p.checkpoint.treeSize).toBeGreaterThan(p.leafIndex);
    expect(await rootFromPath(sha256, p.entry, p.leafIndex, p.checkpoint.treeSize, p.proof)).toBe(p.checkpoint.rootHash);
    expect(await rootFromPath(sha256, { ...p.entry, userId: null }, p.leafIndex, p.checkpoint.treeSize, p.proof)).not.toBe(p.checkpoint.rootHash);
    const key = createPublicKey(p.publicKeys.find((k) => k.keyId === p.checkpoint.keyId)!.pem);
    expect(verify(null, Buffer.from(checkpointNoteText(p.checkpoint)), key, Buffer.from(p.checkpoint.signature, 'base64'))).toBe(true);
  });
});

describe('statistics for the advisory body', () => {
  it('tables with no published figure below 5', async () => {
    const body = (await as('advies', 'GET', '/api/statistics')).body as StatisticsResponse;
    expect(body.threshold).toBe(5);
    expect(body.tables.map((t) => t.id)).toEqual(['phenomenon_by_phase', 'phenomenon_by_outcome', 'period_by_phenomenon']);
    const figures = body.tables.flatMap((t) => [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal]);
    expect(figures.filter((n) => n !== null && n < 5)).toEqual([]);
    // Two cases only: everything is suppressed.
    expect(figures.every((n) => n === null)).toBe(true);
    expect(body.throughput.every((t) => t.cases === null)).toBe(true);
  });

  it('no response the advisory body can get names a case, a reference or a person', async () => {
    const references = await Promise.all(caseIds.map(async (id) => ((await as('besluit', 'GET', `/api/cases/${id}`)).body as { reference: string }).reference));
    const secrets = [...caseIds, ...references, 'Test Persoon', 'Test Partner'];
    const getRoutes = [...Object.keys(ACCESS_MATRIX), ...Object.keys(OUTSIDE_THE_MATRIX)].filter((r) => r.startsWith('GET ') && !r.includes(':')).map((r) => r.slice(4));
    const answered: string[] = [];
    for (const path of getRoutes) {
      const reply = await as('advies', 'GET', path);
      const text = JSON.stringify(reply.body);
      for (const secret of secrets) expect(text, `${path} names ${secret}`).not.toContain(secret);
      if (reply.status === 200) answered.push(path);
    }
    expect(answered).toEqual(expect.arrayContaining(['/api/statistics', '/api/me']));
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('oversight/oversight-matrix.test.ts', seen())).toEqual([]);
  });
});
