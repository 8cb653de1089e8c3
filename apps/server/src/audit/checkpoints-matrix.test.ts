import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditCheckpointsResponse } from '@hoeder/contracts';
import { listAuditCheckpoints } from '@hoeder/db';
import { checkSignature, keyIdOf } from '@hoeder/domain/audit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { readWitnessFile } from './witness-file';

/**
 * `GET /api/audit/checkpoints` (ADR 0012): the outside witness's copy of the signed checkpoints.
 * Only the inspectorate; a role-only refusal is a 403 like the other oversight lists (ADR 0010).
 * Written out per demo account, not derived from the role tables.
 */
const EXPECTED: Record<string, number> = {
  triage: 403,
  analist: 403,
  analist2: 403,
  besluit: 403,
  besluit2: 403,
  lcc: 403,
  politie: 403,
  kmar: 403,
  liaison: 403,
  inspectie: 200,
  advies: 403,
  beheer: 403,
  beheer2: 403,
  beveiliging: 403,
  om: 403,
};

const root = mkdtempSync(join(tmpdir(), 'hoeder-checkpoints-'));
let f: HttpFixture;
let seen: () => Set<string>;
const sealAll = async () => {
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
};
beforeAll(async () => {
  // No background sealer: the test decides when checkpoints are written.
  f = await openHttpFixture({ env: { HOEDER_AUDIT_SEAL_INTERVAL_MS: '0' } });
  seen = trackRequests(f);
  // Several checkpoints: every login and request is audited, each seal signs one.
  for (const username of ['politie', 'inspectie', 'beheer']) {
    await f.api(await f.session(username), 'GET', '/api/me');
    await sealAll();
  }
}, 120_000);
afterAll(async () => {
  await f.close();
  rmSync(root, { recursive: true, force: true });
});

const checkpointsAs = async (username: string, query = '') => f.api(await f.session(username), 'GET', `/api/audit/checkpoints${query}`);

describe('audit checkpoints: who may export them', () => {
  it('the table names every demo account', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
  });

  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s: answered by role, one audit entry without personal data', async (username) => {
    const reply = await checkpointsAs(username);
    expect(reply.status).toBe(EXPECTED[username]);
    const entries = await auditOfRequest(f.database.db, reply.requestId);
    expect(entries).toEqual([
      { operation: 'audit.checkpoints_export', status: reply.status === 200 ? 'ok' : 'denied', user_id: DEMO_ACCOUNTS.find((a) => a.username === username)!.userId, object_type: 'audit_checkpoint', object_id: null },
    ]);
    if (reply.status !== 200) expect(reply.body).toMatchObject({ error: { code: 'FORBIDDEN_ACTION' } });
  });

  it('without a session: 401, nothing served', async () => {
    const reply = await f.api(null, 'GET', '/api/audit/checkpoints');
    expect(reply.status).toBe(401);
    expect(reply.body).not.toHaveProperty('checkpoints');
  });

  it('bad paging: 400 naming the field', async () => {
    for (const [query, field] of [['?fromSize=-1', 'fromSize'], ['?fromSize=abc', 'fromSize'], ['?limit=0', 'limit'], ['?limit=1001', 'limit']] as const) {
      const reply = await checkpointsAs('inspectie', query);
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
    }
  });
});

describe('audit checkpoints: the witness file over HTTP', () => {
  it('serves every checkpoint as the database holds it, with the public key that signed them', async () => {
    const reply = await checkpointsAs('inspectie');
    const body = reply.body as AuditCheckpointsResponse;
    const stored = await listAuditCheckpoints(f.database.db);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(body.origin).toBe('hoeder.audit/v1');
    expect(body.nextFromSize).toBeNull();
    expect(body.checkpoints).toEqual(stored.map(({ treeSize, rootHash, signedAt, keyId, signature }) => ({ treeSize, rootHash, signedAt, keyId, signature })));
    // The inspectorate can check the signatures itself with the served PEM.
    const keys = body.publicKeys.map((k) => createPublicKey(k.pem));
    expect(body.publicKeys.map((k) => k.keyId)).toEqual(keys.map(keyIdOf));
    expect(body.checkpoints.map((c) => checkSignature(c, keys))).toEqual(body.checkpoints.map(() => 'ok'));
  });

  it('pages with fromSize and limit: a witness fetches only what is new', async () => {
    const all = (await checkpointsAs('inspectie')).body as AuditCheckpointsResponse;
    const sizes = all.checkpoints.map((c) => c.treeSize);
    const first = (await checkpointsAs('inspectie', '?limit=2')).body as AuditCheckpointsResponse;
    expect(first.checkpoints.map((c) => c.treeSize)).toEqual(sizes.slice(0, 2));
    expect(first.nextFromSize).toBe(sizes[1]);
    const rest = (await checkpointsAs('inspectie', `?fromSize=${first.nextFromSize}`)).body as AuditCheckpointsResponse;
    expect(rest.checkpoints.map((c) => c.treeSize)).toEqual(sizes.filter((s) => s > sizes[1]!));
    expect(rest.nextFromSize).toBeNull();
  });

  it('a downloaded file verifies the intact log, and exposes a rewound one: rewound', async () => {
    await sealAll();
    const downloaded = await checkpointsAs('inspectie');
    expect(downloaded.status).toBe(200);
    const file = join(root, 'witness.json');
    writeFileSync(file, JSON.stringify(downloaded.body));
    // The reader of `audit:verify --witness` accepts it as it is.
    const witness = readWitnessFile(file);
    expect(witness.length).toBeGreaterThanOrEqual(3);
    expect(await f.deps.audit.verify(f.database.db, { witness })).toMatchObject({ ok: true, problems: [] });

    // The owner removes the newest checkpoint with its leaves and entries: alone it looks intact.
    const previous = witness.at(-2)!.treeSize;
    await f.database.asOwner(async (owner) => {
      const tables = ['audit_entry', 'audit_leaf', 'audit_checkpoint'];
      for (const t of tables) await sql`ALTER TABLE ${sql.id(t)} DISABLE TRIGGER USER`.execute(owner);
      await sql`DELETE FROM audit_entry WHERE seq IN (SELECT entry_seq FROM audit_leaf WHERE leaf_index >= ${previous})`.execute(owner);
      await sql`DELETE FROM audit_leaf WHERE leaf_index >= ${previous}`.execute(owner);
      await sql`DELETE FROM audit_checkpoint WHERE tree_size > ${previous}`.execute(owner);
      for (const t of tables) await sql`ALTER TABLE ${sql.id(t)} ENABLE TRIGGER USER`.execute(owner);
    });
    expect(await f.deps.audit.verify(f.database.db)).toMatchObject({ ok: true });
    expect(await f.deps.audit.verify(f.database.db, { witness: readWitnessFile(file) })).toMatchObject({
      ok: false,
      problems: [{ kind: 'rewound', witnessSize: witness.at(-1)!.treeSize, latestCheckpoint: previous }],
    });
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('audit/checkpoints-matrix.test.ts', seen())).toEqual([]);
  });
});
