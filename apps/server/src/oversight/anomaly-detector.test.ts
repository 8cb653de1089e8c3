import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts } from '@hoeder/db';
import { seedCanaries, CANARY_KEEPER } from '../demo/demo-canaries';
import { createJobRunner } from '../platform/jobs/job-runner';
import { openServiceFixture, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';
import { createAnomalyJob, ANOMALY_JOB } from './anomaly-job';
import { enqueueRecurringJob } from '@hoeder/db';

let f: ServiceFixture;
let canaries: string[];
const sealAll = async () => {
  while ((await f.deps.audit.sealOnce(f.database.db)).status === 'sealed');
};
const evaluate = () => f.database.db.transaction().execute((trx) => f.deps.anomalyDetector.evaluateIn(trx, f.clock.now()));
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

beforeAll(async () => {
  f = await openServiceFixture();
  canaries = await seedCanaries(f.deps);
}, 120_000);
afterAll(() => f.close());

describe('access anomaly detection (service, PGlite)', () => {
  it('the canary keeper’s own registration raises nothing; ordinary work on one’s own case raises nothing', async () => {
    const own = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
    must(await f.deps.cases.view(f.ctx(), f.actor('triage'), own.caseId));
    await sealAll();
    const result = await evaluate();
    expect(result.entries).toBeGreaterThan(0);
    expect(result.alerts).toBe(0);
    expect(await listAlerts(f.database.db, { status: 'all', limit: 10 })).toEqual([]);
  });

  it('a read of a canary raises an alert at the next round, once per reader and canary while open; it is audited', async () => {
    const canary = canaries[0]!;
    must(await f.deps.breakGlass.grant(f.ctx(), f.actor('besluit2'), canary, 'Spoedeisend: melding van de politie over deze casus vannacht.'));
    must(await f.deps.cases.view(f.ctx(), f.actor('besluit2'), canary));
    must(await f.deps.cases.view(f.ctx(), f.actor('besluit2'), canary));
    await sealAll();
    const result = await evaluate();
    const open = await listAlerts(f.database.db, { status: 'open', limit: 10 });
    // The grant and two reads under it are also three reads outside one's work that day.
    expect(open.map((a) => a.ruleId).sort()).toEqual(['canary_read', 'outside_work']);
    expect(result.alerts).toBe(2);
    const alert = open.find((a) => a.ruleId === 'canary_read');
    expect(alert).toMatchObject({ ruleId: 'canary_read', userId: userIdOf('besluit2'), caseIds: [canary], userName: 'Eva Vierogen' });
    expect(alert!.hits).toBeGreaterThanOrEqual(2);
    const audited = await f.database.db.selectFrom('audit_entry').select(['operation', 'object_id', 'user_id']).where('operation', '=', 'anomaly.alert_raised').execute();
    expect(audited.map((a) => a.object_id).sort()).toEqual(open.map((a) => a.alertId).sort());
    expect(audited.every((a) => a.user_id === null)).toBe(true);
    // Nothing new since: a further round raises nothing and judges no entry twice.
    expect((await evaluate()).alerts).toBe(0);
  });

  it('the security officer sees it in "Voor mij"; closing it needs a finding and happens once', async () => {
    const queues = must(await f.deps.workQueues.queues(f.ctx(), f.actor('beveiliging')));
    const open = await listAlerts(f.database.db, { status: 'open', limit: 10 });
    expect(queues.queues.find((q) => q.queueId === 'anomaly_alerts')?.items.map((i) => i.caseId).sort()).toEqual(open.map((a) => a.alertId).sort());
    const alert = open.find((a) => a.ruleId === 'canary_read');
    const closed = must(await f.deps.anomalyAlerts.close(f.ctx(), f.actor('beveiliging'), alert!.alertId, 'Nagevraagd bij de leidinggevende: geen rechtvaardiging, melding gedaan.'));
    expect(closed).toMatchObject({ closedByName: 'Bas Beveiliging', finding: expect.stringContaining('Nagevraagd') });
    const again = await f.deps.anomalyAlerts.close(f.ctx(), f.actor('inspectie'), alert!.alertId, 'Een tweede bevinding mag niet.');
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const refused = await f.deps.anomalyAlerts.list(f.ctx(), f.actor('besluit'), { status: 'all', limit: 10 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
  });

  it('canaries are left out of the advisory statistics and the quality monitor', async () => {
    const stats = must(await f.deps.statistics.figures(f.ctx(), f.actor('inspectie')));
    const counted = await f.database.db.selectFrom('audit_entry').select('details').where('operation', '=', 'statistics.read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const all = await f.database.db.selectFrom('case_summary').select('case_id').execute();
    expect((counted.details as { casesCounted: number }).casesCounted).toBe(all.length - canaries.length);
    expect(stats.threshold).toBe(5);
    const quality = must(await f.deps.qualityMonitor.figures(f.ctx(), f.actor('besluit'), { quarters: 4 }));
    expect(quality.overdue.activeCases).toBe(all.length - canaries.length);
  });

  it('as a job on the queue: two instances racing for it, the entries judged once', async () => {
    const canary = canaries[1]!;
    must(await f.deps.breakGlass.grant(f.ctx(), f.actor('lcc'), canary, 'Spoedeisend: coördinatie na een incident bij de woning.'));
    must(await f.deps.cases.view(f.ctx(), f.actor('lcc'), canary));
    await sealAll();
    const runners = ['a', 'b'].map((id) => createJobRunner({ db: f.database.db, handlers: [createAnomalyJob({ detector: f.deps.anomalyDetector })], workerId: `anomaly-${id}` }));
    expect(await enqueueRecurringJob(f.database.db, crypto.randomUUID(), ANOMALY_JOB, f.clock.now())).toBe(true);
    // One pending at a time: a second request while one is queued adds none.
    expect(await enqueueRecurringJob(f.database.db, crypto.randomUUID(), ANOMALY_JOB, f.clock.now())).toBe(false);
    await Promise.all(runners.map((r) => r.runOnce()));
    expect(await enqueueRecurringJob(f.database.db, crypto.randomUUID(), ANOMALY_JOB, f.clock.now())).toBe(true);
    await Promise.all(runners.map((r) => r.runOnce()));
    const open = await listAlerts(f.database.db, { status: 'open', limit: 10 });
    expect(open.filter((a) => a.ruleId === 'canary_read')).toMatchObject([{ ruleId: 'canary_read', userId: userIdOf('lcc'), caseIds: [canary] }]);
    expect(open.filter((a) => a.ruleId === 'canary_read')).toHaveLength(1);
    expect(open.every((a) => a.userId !== CANARY_KEEPER.userId)).toBe(true);
  });
});
