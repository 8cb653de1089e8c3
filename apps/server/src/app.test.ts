import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from './testing/http-fixture';

let f: HttpFixture;
beforeAll(async () => {
  f = await openHttpFixture();
});
afterAll(() => f.close());

describe('the application shell', () => {
  it('answers /health without a session', async () => {
    expect(await f.api(null, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('serves its OpenAPI description with every case route', async () => {
    const reply = await f.api(null, 'GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    const paths = Object.keys((reply.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{caseId}', '/api/cases/{caseId}/timeline', '/api/cases/{caseId}/triage', '/api/cases/{caseId}/decisions/{decisionId}/approve']));
  });

  it('answers an unknown API path with a coded JSON 404 and a request id', async () => {
    const reply = await f.api(null, 'GET', '/api/does-not-exist');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' }, requestId: reply.requestId });
  });
});
