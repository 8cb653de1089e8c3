import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock';
import { createOidcAdapterFactory, endProviderSessions } from './oidc-adapter';

let database: TestDatabase;
const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('the embedded provider adapter', () => {
  it('keeps artefacts across adapter instances (a restart), until they expire', async () => {
    await createOidcAdapterFactory(database.db, clock)('AuthorizationCode').upsert('code-1', { grantId: 'g1', accountId: 'triage' }, 60);
    const afterRestart = createOidcAdapterFactory(database.db, clock)('AuthorizationCode');
    expect(await afterRestart.find('code-1')).toEqual({ grantId: 'g1', accountId: 'triage' });
    expect(await createOidcAdapterFactory(database.db, clock)('AccessToken').find('code-1')).toBeUndefined();
    clock.advance(61_000);
    expect(await afterRestart.find('code-1')).toBeUndefined();
  });

  it('marks consumed artefacts, so a code cannot be used twice', async () => {
    const codes = createOidcAdapterFactory(database.db, clock)('AuthorizationCode');
    await codes.upsert('code-2', { grantId: 'g2' }, 60);
    await codes.consume('code-2');
    expect((await codes.find('code-2'))?.consumed).toEqual(expect.any(Number));
  });

  it('finds sessions by uid and revokes everything of a grant', async () => {
    const adapter = createOidcAdapterFactory(database.db, clock);
    await adapter('Session').upsert('s1', { uid: 'u1', accountId: 'lcc' }, 3600);
    await adapter('AccessToken').upsert('t1', { grantId: 'g3' }, 60);
    await adapter('AuthorizationCode').upsert('c3', { grantId: 'g3' }, 60);
    expect(await adapter('Session').findByUid('u1')).toMatchObject({ accountId: 'lcc' });
    await adapter('AccessToken').revokeByGrantId('g3');
    expect(await adapter('AccessToken').find('t1')).toBeUndefined();
    expect(await adapter('AuthorizationCode').find('c3')).toBeUndefined();
    await endProviderSessions(database.db, 'lcc');
    expect(await adapter('Session').find('s1')).toBeUndefined();
  });
});
