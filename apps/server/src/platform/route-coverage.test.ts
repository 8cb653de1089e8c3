import { openTestDatabase } from '@hoeder/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createServices } from '../services';
import { ACCESS_MATRIX, OUTSIDE_THE_MATRIX } from '../testing/access-matrix';
import { fixedClock } from './clock';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('every /api route is in an access matrix (ADR 0010)', () => {
  it('the registered routes equal the routes the matrices cover plus the listed exceptions', async () => {
    const database = await openTestDatabase();
    closers.push(() => database.close());
    // With the test clock on, so the one route that exists only then is registered too.
    const config = loadConfig({ HOEDER_DATA_DIR: 'memory://', HOEDER_TEST_CLOCK: 'adjustable', LOG_LEVEL: 'silent' });
    const routes: { method: string; url: string }[] = [];
    const onRoute = (r: { method: string | string[]; url: string }) => [r.method].flat().forEach((method) => method !== 'HEAD' && routes.push({ method, url: r.url }));
    const app = await buildApp(createServices(database, config, fixedClock(new Date('2026-03-02T09:00:00Z'))), { onRoute });
    closers.push(() => app.close());
    await app.ready();
    const api = new Set(routes.filter((r) => r.url.startsWith('/api')).map((r) => `${r.method} ${r.url}`));
    const listed = new Set([...Object.keys(ACCESS_MATRIX), ...Object.keys(OUTSIDE_THE_MATRIX)]);
    expect({ missingFromMatrix: [...api].filter((r) => !listed.has(r)).sort() }).toEqual({ missingFromMatrix: [] });
    expect({ listedButNotRegistered: [...listed].filter((r) => !api.has(r)).sort() }).toEqual({ listedButNotRegistered: [] });
    expect(Object.keys(ACCESS_MATRIX).filter((r) => r in OUTSIDE_THE_MATRIX)).toEqual([]);
  });
});
