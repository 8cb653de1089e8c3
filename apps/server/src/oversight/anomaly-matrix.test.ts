import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyAlertsResponse, QualityMonitorResponse, WorkQueuesResponse } from '@hoeder/contracts';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { seedCanaries } from '../demo/demo-canaries';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Access anomaly alerts and the quality monitor over HTTP (issue 13, ADR 0026), every demo account.
 * Written out per account, not derived from the role tables.
 */
const ALERTS: Record<string, number> = {
  triage: 403, analist: 403, analist2: 403, besluit: 403, besluit2: 403, lcc: 403, politie: 403, kmar: 403, liaison: 403,
  inspectie: 200, advies: 403, beheer: 403, beheer2: 403, beveiliging: 200, om: 403,
};
const QUALITY: Record<string, number> = {
  triage: 403, analist: 403, analist2: 403, besluit: 200, besluit2: 200, lcc: 403, politie: 403, kmar: 403, liaison: 403,
  inspectie: 200, advies: 403, beheer: 403, beheer2: 403, beveiliging: 403, om: 403,
};

let f: HttpFixture;
let seen: () => Set<string>;
let canaries: string[];
let alertId: string;
const as = async (username: string, method: 'GET' | 'POST', path: string, body?: unknown) => f.api(await f.session(username), method, path, body);
const sealAndEvaluate = async () => {
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
  await f.database.db.transaction().execute((trx) => f.deps.anomalyDetector.evaluateIn(trx, f.clock.now()));
};

beforeAll(async () => {
  f = await openHttpFixture({ env: { HOEDER_AUDIT_SEAL_INTERVAL_MS: '0', HOEDER_ANOMALY_INTERVAL_MS: '0', HOEDER_NOTIFY_INTERVAL_MS: '0' } });
  seen = trackRequests(f);
  canaries = await seedCanaries(f.deps);
  await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'measures_active');
  // A snooper: break-glass onto a canary, then a read.
  expect((await as('besluit', 'POST', `/api/cases/${canaries[0]}/break-glass`, { justification: 'Spoedeisend: melding van de politie vannacht.' })).status).toBe(201);
  expect((await as('besluit', 'GET', `/api/cases/${canaries[0]}`)).status).toBe(200);
  await sealAndEvaluate();
  const listed = (await as('inspectie', 'GET', '/api/oversight/alerts')).body as AnomalyAlertsResponse;
  alertId = listed.items.find((a) => a.ruleId === 'canary_read')!.alertId;
}, 180_000);
afterAll(() => f.close());

it('the tables name every demo account', () => {
  expect(Object.keys(ALERTS).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
  expect(Object.keys(QUALITY).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
});

describe('who may see and close alerts and read the quality monitor', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.username))('%s: alerts, closing and the quality monitor by role, each audited', async (username) => {
    const alerts = await as(username, 'GET', '/api/oversight/alerts?status=all');
    expect(alerts.status).toBe(ALERTS[username]);
    expect(await auditOfRequest(f.database.db, alerts.requestId)).toMatchObject([{ operation: 'anomaly.alert_list', status: alerts.status === 200 ? 'ok' : 'denied' }]);
    if (ALERTS[username] === 403) {
      const close = await as(username, 'POST', `/api/oversight/alerts/${alertId}/close`, { finding: 'Ik sluit mijn eigen signaal.' });
      expect(close.status).toBe(403);
      expect(await auditOfRequest(f.database.db, close.requestId)).toMatchObject([{ operation: 'anomaly.alert_close', status: 'denied' }]);
    }
    const quality = await as(username, 'GET', '/api/quality-monitor');
    expect(quality.status).toBe(QUALITY[username]);
    expect(await auditOfRequest(f.database.db, quality.requestId)).toMatchObject([{ operation: 'quality.read', status: quality.status === 200 ? 'ok' : 'denied' }]);
  });

  it('without a session: 401 everywhere', async () => {
    for (const [method, path] of [['GET', '/api/oversight/alerts'], ['GET', '/api/quality-monitor'], ['POST', `/api/oversight/alerts/${alertId}/close`]] as const) {
      expect((await f.api(null, method, path, method === 'POST' ? { finding: 'Geen sessie, geen toegang.' } : undefined)).status).toBe(401);
    }
  });
});

describe('the canary alert', () => {
  it('names the reader and the canary; it is in "Voor mij" of the inspectorate and the security officer', async () => {
    const listed = (await as('beveiliging', 'GET', '/api/oversight/alerts')).body as AnomalyAlertsResponse;
    expect(listed.items.find((a) => a.alertId === alertId)).toMatchObject({ ruleId: 'canary_read', userName: 'Diederik Besluitnemer', caseIds: [canaries[0]], closedAt: null });
    for (const username of ['inspectie', 'beveiliging']) {
      const queues = (await as(username, 'GET', '/api/work/queues')).body as WorkQueuesResponse;
      expect(queues.queues.find((q) => q.queueId === 'anomaly_alerts')?.items.map((i) => i.caseId)).toContain(alertId);
    }
  });

  it('bad input: 400 naming the field, nothing changed', async () => {
    const bad: [string, unknown, string][] = [
      [alertId, {}, 'finding'],
      [alertId, { finding: 'kort' }, 'finding'],
      [alertId, { finding: 'Bevinding\u0000met een nulteken erin.' }, 'finding'],
      [alertId, { finding: 'x'.repeat(2001) }, 'finding'],
      [alertId, { finding: 42 }, 'finding'],
      ['not-a-uuid', { finding: 'Een bevinding van voldoende lengte.' }, 'alertId'],
    ];
    for (const [id, body, field] of bad) {
      const reply = await as('inspectie', 'POST', `/api/oversight/alerts/${id}/close`, body);
      expect({ field, status: reply.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
    }
    for (const [query, field] of [['status=gesloten', 'status'], ['limit=0', 'limit'], ['limit=x', 'limit']] as const) {
      const reply = await as('inspectie', 'GET', `/api/oversight/alerts?${query}`);
      expect({ query, status: reply.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
    }
    expect((await as('besluit', 'GET', '/api/quality-monitor?quarters=13')).status).toBe(400);
    const still = (await as('inspectie', 'GET', '/api/oversight/alerts?status=all')).body as AnomalyAlertsResponse;
    expect(still.items.find((a) => a.alertId === alertId)?.closedAt).toBeNull();
  });

  it('the inspectorate closes it once with a finding; an unknown alert is a 404', async () => {
    const finding = 'Besproken met de besluitnemer: geen grond voor toegang; melding aan de leiding.';
    const reply = await as('inspectie', 'POST', `/api/oversight/alerts/${alertId}/close`, { finding });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ alertId, finding, closedByName: 'Ingrid Inspecteur' });
    expect(await auditOfRequest(f.database.db, reply.requestId)).toMatchObject([{ operation: 'anomaly.alert_close', status: 'ok', object_id: alertId }]);
    expect((await as('beveiliging', 'POST', `/api/oversight/alerts/${alertId}/close`, { finding: 'Een tweede bevinding mag niet.' })).status).toBe(409);
    expect((await as('inspectie', 'POST', `/api/oversight/alerts/${crypto.randomUUID()}/close`, { finding: 'Een bevinding zonder signaal.' })).status).toBe(404);
  });
});

describe('the quality monitor', () => {
  it('figures per quarter without a case id, a reference or a name', async () => {
    const reply = await as('besluit', 'GET', '/api/quality-monitor?quarters=4');
    const body = reply.body as QualityMonitorResponse;
    expect(body.quarters).toHaveLength(4);
    expect(body.throughput.length).toBe(12);
    expect(body.overdue.activeCases).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    for (const secret of [...canaries, 'Test Persoon', 'HOE-']) expect(text).not.toContain(secret);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('oversight/anomaly-matrix.test.ts', seen())).toEqual([]);
  });
});
