import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRosterVersion } from '@hoeder/db';
import type { assessment, Result } from '@hoeder/domain';
import { finaliseDaf } from '../assessments/daf-flow';
import { productInput } from '../assessments/daf-samples';
import { openServiceFixture, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';

/**
 * The quality monitor's new figures from a known fixture (issue 13): dissent per quarter of
 * finalisation, re-assessments overdue on any trigger (not the DAF's validity alone), unstaffed
 * posts of the published rosters in effect. The expectations are counted by hand from the setup.
 */
let f: ServiceFixture;
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const FAR = '2026-12-01';

async function triagedCase(): Promise<string> {
  const { caseId } = must(await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration()));
  let v = 1;
  for (const u of ['analist', 'analist2', 'besluit']) v = must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) })).version;
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  must(await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' }));
  return caseId;
}
const assess = (caseId: string, dissent: boolean) => finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: FAR, retestOn: FAR, dissent });

async function roster(versionId: string, startDate: string, totalPosts: number, coveredPosts: number, published: boolean, parentVersionId: string | null = null) {
  const quality = { totalPosts, coveredPosts, shortfalls: totalPosts - coveredPosts, scoreSoft: 0, scoreHard: 0 };
  await insertRosterVersion(f.database.db, { versionId, startDate, days: 28, origin: parentVersionId ? 'replan' : 'plan', parentVersionId, input: '{}', plan: '{}', change: null, diff: null, failure: null, quality, createdBy: userIdOf('lcc'), now: f.clock.now() });
  if (published) await f.database.db.updateTable('roster_version').set({ published_at: f.clock.now(), published_by: userIdOf('lcc') }).where('version_id', '=', versionId).execute();
}

beforeAll(async () => {
  f = await openServiceFixture(); // the clock stands at 2026-03-02 (2026-Q1)
  // Q1: one assessment with dissent, one without; a third case only triaged.
  await assess(await triagedCase(), true);
  const informed = await triagedCase();
  await assess(informed, false);
  await triagedCase();
  // New information a day after finalisation: a re-assessment trigger other than validity.
  f.clock.set(new Date('2026-03-03T09:00:00.000Z'));
  const dafVersion = must(await f.deps.assessments.view(f.ctx(), f.actor('analist'), informed)).version;
  must(await f.deps.assessments.execute(f.ctx(), f.actor('analist'), informed, dafVersion, { type: 'RegisterItem', item: { ...productInput('2026-03-03'), itemId: crypto.randomUUID() } as assessment.InformationItem }));
  // Rosters: a Q1 plan replaced by its published replan; a Q2 plan; an unpublished Q2 draft.
  const plan = crypto.randomUUID();
  await roster(plan, '2026-01-05', 100, 90, true);
  await roster(crypto.randomUUID(), '2026-01-05', 100, 95, true, plan);
  await roster(crypto.randomUUID(), '2026-04-06', 50, 48, true);
  await roster(crypto.randomUUID(), '2026-04-06', 50, 10, false);
  // Q2: one more assessment, with dissent.
  f.clock.set(new Date('2026-04-15T09:00:00.000Z'));
  await assess(await triagedCase(), true);
}, 180_000);
afterAll(() => f.close());

describe('the quality monitor: dissent, re-assessments on any trigger, capacity', () => {
  it('counts assessments with dissent per quarter of finalisation', async () => {
    const figures = must(await f.deps.qualityMonitor.figures(f.ctx(), f.actor('inspectie'), { quarters: 2 }));
    expect(figures.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(figures.dissent).toEqual([
      { quarter: '2026-Q1', assessments: 2, withDissent: 1 },
      { quarter: '2026-Q2', assessments: 1, withDissent: 1 },
    ]);
  });

  it('counts a re-assessment due on new information, though the DAF record is still valid', async () => {
    const figures = must(await f.deps.qualityMonitor.figures(f.ctx(), f.actor('besluit'), { quarters: 2 }));
    expect(figures.overdue).toEqual({ reviews: 0, reassessments: 1, activeCases: 4 });
  });

  it('counts unstaffed posts of the published rosters in effect, per quarter of their start', async () => {
    const figures = must(await f.deps.qualityMonitor.figures(f.ctx(), f.actor('besluit'), { quarters: 2 }));
    expect(figures.capacity).toEqual([
      { quarter: '2026-Q1', rosters: 1, posts: 100, unstaffed: 5 },
      { quarter: '2026-Q2', rosters: 1, posts: 50, unstaffed: 2 },
    ]);
  });

  it('holds no case id and no roster id, and the read is one audited entry', async () => {
    const ctx = f.ctx();
    const figures = must(await f.deps.qualityMonitor.figures(ctx, f.actor('besluit'), { quarters: 4 }));
    const ids = (await f.database.db.selectFrom('case_summary').select('case_id').execute()).map((r) => r.case_id);
    const rosters = (await f.database.db.selectFrom('roster_version').select('version_id').execute()).map((r) => r.version_id);
    const text = JSON.stringify(figures);
    for (const id of [...ids, ...rosters]) expect(text).not.toContain(id);
    const entries = await f.database.db.selectFrom('audit_entry').select(['operation', 'status']).where('trace_id', '=', ctx.traceId).execute();
    expect(entries).toEqual([{ operation: 'quality.read', status: 'ok' }]);
  });
});
