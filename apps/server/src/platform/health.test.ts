import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await openHttpFixture();
});
afterAll(() => f.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(new URL(path, f.baseUrl), { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
};

describe('liveness and readiness', () => {
  it('answers liveness on /health and /health/live, with or without a (stale) session cookie', async () => {
    for (const path of ['/health', '/health/live']) {
      expect(await get(path)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await get(path, { cookie: 'hoeder_session=not-a-session' })).toMatchObject({ status: 200 });
    }
  });

  it('is ready when the database answers and every migration is applied', async () => {
    expect(await get('/health/ready')).toMatchObject({ status: 200, body: { status: 'ready', migrations: expect.any(Number) } });
  });

  it('is not ready, with the reason, while a migration is missing', async () => {
    const [row] = await f.database.asOwner(async (owner) => (await sql<{ name: string; timestamp: string }>`SELECT name, timestamp FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(owner)).rows);
    await f.database.asOwner((owner) => sql`DELETE FROM kysely_migration WHERE name = ${row!.name}`.execute(owner));
    try {
      expect(await get('/health/ready')).toMatchObject({ status: 503, retryAfter: '5', body: { status: 'unavailable', reason: `migrations not applied: ${row!.name}` } });
      expect((await get('/health/live')).status).toBe(200);
    } finally {
      await f.database.asOwner((owner) => sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${row!.name}, ${row!.timestamp})`.execute(owner));
    }
    expect((await get('/health/ready')).status).toBe(200);
  });
});
