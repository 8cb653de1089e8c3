import type { AgendaActivityInput } from '@hoeder/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAgendas } from '../demo/demo-master-data';
import { caseWithActiveMeasures, openServiceFixture, sampleRegistration, type ServiceFixture } from '../testing/service-fixture';

let f: ServiceFixture;
let caseId: string;
beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
});
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const work: AgendaActivityInput = { activityId: 'werk', label: 'Werk', domain: 'work', placeCategory: 'workplace', priority: 'high', start: '08:30', end: '17:00', recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4] } };
const sport: AgendaActivityInput = { activityId: 'sport', label: 'Sporten', domain: 'private', placeCategory: 'public_place', priority: 'low', start: '19:30', end: '21:00', recurrence: { kind: 'weekly', weekdays: [1] } };

describe('the agenda', () => {
  it('is recorded by the liaison as versions, each with who, when and what changed, readable as of a moment', async () => {
    expect(must(await f.deps.agenda.view(f.ctx(), f.actor('liaison'), caseId))).toMatchObject({ version: 0, activities: [], mayEdit: true });
    const v1 = must(await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 0, activities: [work] }));
    expect(v1).toMatchObject({ version: 1, history: [{ version: 1, recordedRole: 'liaison', changes: { added: ['werk'], removed: [], changed: [] } }] });
    const afterV1 = new Date(f.clock.now().getTime() + 1000);
    f.clock.advance(60 * 60 * 1000);
    const v2 = must(await f.deps.agenda.save(f.ctx(), f.actor('lcc'), caseId, { expectedVersion: 1, activities: [{ ...work, end: '16:00' }, sport] }));
    expect(v2.history[0]).toMatchObject({ version: 2, recordedRole: 'lcc_coordinator', changes: { added: ['sport'], changed: [{ activityId: 'werk', fields: ['end'] }] } });
    const asOf = must(await f.deps.agenda.view(f.ctx(), f.actor('besluit'), caseId, afterV1));
    expect(asOf).toMatchObject({ version: 1, mayEdit: false });
    expect(asOf.activities.map((a) => a.end)).toEqual(['17:00']);
  });

  it('refuses overlapping activities, end before start and a stale version per item, and changes nothing', async () => {
    const before = must(await f.deps.agenda.view(f.ctx(), f.actor('liaison'), caseId)).version;
    const overlap = await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: before, activities: [work, { ...sport, activityId: 'lunch', start: '12:00', end: '13:00', recurrence: { kind: 'weekly', weekdays: [2] } }] });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'activities.1.start' }] } } });
    const backwards = await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: before, activities: [{ ...work, start: '17:00', end: '08:00' }] });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'activities.0.end' }] } } });
    expect(await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 0, activities: [work] })).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    expect(must(await f.deps.agenda.view(f.ctx(), f.actor('liaison'), caseId)).version).toBe(before);
  });

  it('follows the case need-to-know: units and the DAF see nothing; readers who may not write are refused', async () => {
    for (const who of ['politie', 'analist', 'triage', 'advies', 'beheer']) {
      expect(await f.deps.agenda.view(f.ctx(), f.actor(who), caseId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(must(await f.deps.agenda.view(f.ctx(), f.actor('inspectie'), caseId)).mayEdit).toBe(false);
    for (const who of ['besluit', 'inspectie']) {
      expect(await f.deps.agenda.save(f.ctx(), f.actor(who), caseId, { expectedVersion: 2, activities: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    }
    // A unit lead sees the case only through an active assignment to their unit: none here.
    expect(await f.deps.agenda.save(f.ctx(), f.actor('politie'), caseId, { expectedVersion: 2, activities: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is not recorded for a case that is not yet assessed', async () => {
    const { caseId: fresh } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
    const liaison = f.actor('liaison');
    must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), fresh, 1, { type: 'AssignMember', userId: liaison.userId }));
    expect(await f.deps.agenda.save(f.ctx(), liaison, fresh, { expectedVersion: 0, activities: [work] })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('audits every view and save against the person (data subject)', async () => {
    const ctx = f.ctx();
    must(await f.deps.agenda.view(ctx, f.actor('lcc'), caseId));
    const entries = await f.database.db.selectFrom('audit_entry').select(['operation', 'status', 'data_subject_id']).where('trace_id', '=', ctx.traceId).execute();
    expect(entries).toEqual([{ operation: 'agenda.view', status: 'ok', data_subject_id: caseId }]);
  });

  it('the demo gives every case with active measures an agenda that passes validation, once', async () => {
    const { caseId: other } = await caseWithActiveMeasures(f);
    expect(await seedDemoAgendas(f.deps)).toBe(1);
    const agenda = must(await f.deps.agenda.view(f.ctx(), f.actor('lcc'), other));
    expect(agenda.version).toBe(1);
    const domains = new Set(agenda.activities.map((a) => a.domain));
    expect([domains.has('home'), domains.has('private')]).toEqual([true, true]);
    expect(await seedDemoAgendas(f.deps)).toBe(0);
  });

  it('shows the posts a week of the agenda yields, with the rules that made them in Dutch', async () => {
    const view = must(await f.deps.agenda.posts(f.ctx(), f.actor('lcc'), caseId, '2026-03-09'));
    expect(view.ruleset).toBe('posts-2026.1');
    expect(view.posts.length).toBeGreaterThan(0);
    expect(view.posts.every((p) => p.date >= '2026-03-09' && p.date <= '2026-03-15')).toBe(true);
    const ruleIds = new Set(view.rules.map((r) => r.id));
    expect(view.posts.every((p) => ruleIds.has(p.ruleId))).toBe(true);
    expect([...new Set(view.posts.filter((p) => p.domain === 'work').map((p) => p.date))]).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(await f.deps.agenda.posts(f.ctx(), f.actor('politie'), caseId, '2026-03-09')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
