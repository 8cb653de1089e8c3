import { compile, solve } from '@hoeder/planner';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgenda, seedDemoOfficers } from '../demo/demo-master-data';
import { seededRandom } from '../demo/demo-random';
import { caseWithActiveMeasures, openServiceFixture, type ServiceFixture } from '../testing/service-fixture';
import { masterDataPlanningInputSource } from './planning-input.service';

let f: ServiceFixture;
let caseIds: string[];
const MONDAY = '2026-03-09';

beforeAll(async () => {
  f = await openServiceFixture();
  await seedDemoOfficers(f.deps);
  caseIds = [];
  const r = seededRandom(7);
  for (let i = 0; i < 3; i++) {
    const { caseId } = await caseWithActiveMeasures(f);
    const saved = await f.deps.agenda.save(f.ctx(), f.actor('liaison'), caseId, { expectedVersion: 0, activities: demoAgenda(r) });
    if (!saved.ok) throw new Error(saved.error.message);
    // The LCC's tasking: a protection unit and a regional B&B team, which together may staff every kind of post.
    const section = await f.deps.assignments.caseSection(f.ctx(), f.actor('lcc'), caseId);
    if (!section.ok || !section.value) throw new Error('no assignment');
    // One after the other: accepting must have committed before the tasking reads the assignment.
    const { assignmentId, currentVersion } = section.value;
    const steps = [() => f.deps.assignments.accept(f.ctx(), f.actor('lcc'), assignmentId, currentVersion), () => f.deps.assignments.task(f.ctx(), f.actor('lcc'), assignmentId, ['be-1', 'bb-5'])];
    for (const step of steps) {
      const done = await step();
      if (!done.ok) throw new Error(done.error.message);
    }
    caseIds.push(caseId);
  }
}, 240_000);
afterAll(() => f.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('the planner-input builder', () => {
  it("builds the planner's problem from the database: officers with contracts and leave, posts from agenda × measures", async () => {
    const input = must(await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: MONDAY, days: 7 }));
    const { problem } = input;
    expect(problem.days).toBe(7);
    expect(problem.units).toHaveLength(30);
    expect(problem.officers).toHaveLength(1200);
    expect(problem.officers.some((o) => o.leaveDays.length > 0)).toBe(true);
    expect(problem.posts.length).toBeGreaterThan(0);
    expect(new Set(problem.posts.map((p) => p.protectedPersonId))).toEqual(new Set(caseIds));
    for (const p of problem.posts) {
      expect(input.posts[p.id]).toMatchObject({ caseId: p.protectedPersonId, domain: p.priority });
      expect(input.posts[p.id]!.label).toMatch(/\((vroege dienst|dagdienst|late dienst|nachtdienst)\)$/);
    }
    expect(input.officers.o0001).toMatchObject({ unitId: 'dkdb-1' });
    // Every post is its assignment's tasked units' alone.
    for (const p of problem.posts) expect(p.allowedUnitIds).toEqual(['bb-5', 'be-1']);
    expect(compile(problem).ok).toBe(true);
  });

  it('a short solve covers the posts', async () => {
    const input = must(await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: MONDAY, days: 7 }));
    const plan = must(solve(input.problem, { timeLimitMs: 2000, seed: 1 }));
    const demand = input.problem.posts.reduce((n, p) => n + p.needs.reduce((m, x) => m + x.count, 0), 0);
    expect(plan.feasible).toBe(true);
    expect(plan.assignments.length).toBe(demand);
    expect(plan.shortfalls).toEqual([]);
  });

  it('takes a case filter, and the worker source builds the same input', async () => {
    const one = must(await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: MONDAY, days: 7 }, async () => [caseIds[0]!]));
    expect(new Set(one.problem.posts.map((p) => p.protectedPersonId))).toEqual(new Set([caseIds[0]]));
    const viaSource = await masterDataPlanningInputSource(async () => [caseIds[0]!], () => f.clock.now())(f.database.db, { startDate: MONDAY, days: 7 });
    expect(viaSource.problem.posts.map((p) => p.id)).toEqual(one.problem.posts.map((p) => p.id));
  });

  it('is for the LCC only, and audited with the case ids that went in', async () => {
    for (const who of ['politie', 'kmar', 'liaison', 'besluit', 'inspectie', 'beheer']) {
      expect(await f.deps.planningInput.build(f.ctx(), f.actor(who), { startDate: MONDAY, days: 7 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    }
    const ctx = f.ctx();
    must(await f.deps.planningInput.build(ctx, f.actor('lcc'), { startDate: MONDAY, days: 7 }));
    const [entry] = await f.database.db.selectFrom('audit_entry').select(['operation', 'details']).where('trace_id', '=', ctx.traceId).execute();
    expect(entry?.operation).toBe('planning.build_input');
    expect(new Set((entry?.details as { caseIds: string[] }).caseIds)).toEqual(new Set(caseIds));
  });

  it('refuses bad input per item: a period not starting on Monday, an officer without a contract, a post no unit may staff', async () => {
    expect(await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: '2026-03-10', days: 7 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'startDate' }] } } });
    expect(await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: MONDAY, days: 0 })).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'days' }] } } });
    await sql`UPDATE officer SET contract_code = 'retired-template' WHERE officer_id = 'o0002'`.execute(f.database.db);
    await sql`UPDATE unit SET active = false WHERE kind <> 'private-support'`.execute(f.database.db);
    const bad = await f.deps.planningInput.build(f.ctx(), f.actor('lcc'), { startDate: MONDAY, days: 7 });
    await sql`UPDATE unit SET active = true`.execute(f.database.db);
    await sql`UPDATE officer SET contract_code = 'fulltime-36' WHERE officer_id = 'o0002'`.execute(f.database.db);
    expect(bad.ok).toBe(false);
    const fields = (bad as unknown as { error: { details: { issues: { field: string }[] } } }).error.details.issues.map((i) => i.field);
    expect(fields).toContain('officers.o0002.contract');
    expect(fields.filter((x) => x.startsWith('posts.')).length).toBeGreaterThan(0);
  });
});
