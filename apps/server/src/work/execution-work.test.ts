import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@hoeder/domain';
import type { WorkQueuesResponse } from '@hoeder/contracts';
import { insertRosterVersion, publishRosterVersion } from '@hoeder/db';
import { SHIFT_TYPES } from '@hoeder/planner';
import { rosterPlanning } from '../platform/guard/roster-check';
import type { PlanningInput } from '../planning/planning-input';
import { qualityOf, type RosterPlan } from '../planning/roster-document';
import { caseWithActiveMeasures, openServiceFixture, type ServiceFixture } from '../testing/service-fixture';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

let f: ServiceFixture;
let caseId: string;
let assignmentId: string;
beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
}, 120_000);
afterAll(() => f.close());

const queues = async (user: string) => must(await f.deps.workQueues.queues(f.ctx(), f.actor(user)));
const queue = (r: WorkQueuesResponse, id: string) => r.queues.find((q) => q.queueId === id);

/** A published roster in which three posts of the case are short: two a BE unit may staff, one for cameras only. */
async function publishRosterWithShortfalls(): Promise<string> {
  const post = (id: string, kinds: string[]) => ({ id, day: 0, shiftTypeId: 'day', protectedPersonId: caseId, activity: 'x', priority: 'work', needs: [{ qualification: 'close-protection', count: 1, underWeight: 100, overWeight: 1 }], allowedUnitKinds: kinds });
  const posts = [post('p-be-1', ['be', 'dkdb']), post('p-be-2', ['be']), post('p-cam', ['camera']), post('p-be-ok', ['be'])];
  const input = {
    period: { startDate: '2026-03-09', days: 7 },
    problem: { name: 't', days: 7, shiftTypes: SHIFT_TYPES, units: [], officers: [], posts },
    posts: Object.fromEntries(posts.map((p) => [p.id, { caseId, caseReference: 'R', label: 'Werk', domain: 'work' }])),
    officers: {},
    source: 'master-data',
  } as unknown as PlanningInput;
  const shortfall = (postId: string) => ({ postId, needIndex: 0, qualification: 'close-protection', missing: 1, reason: 'no_qualified_officer', detail: {} });
  const plan = { assignments: [], shortfalls: ['p-be-1', 'p-be-2', 'p-cam'].map(shortfall), score: { hard: 0, soft: 0 }, feasible: true } as unknown as RosterPlan;
  const versionId = randomUUID();
  await f.database.db.transaction().execute(async (trx) => {
    const checked = await rosterPlanning()(trx, f.actor('lcc'));
    if (!checked.ok) throw new Error('no grant');
    await insertRosterVersion(trx, { versionId, startDate: '2026-03-09', days: 7, origin: 'plan', parentVersionId: null, input: JSON.stringify(input), plan: JSON.stringify(plan), change: null, diff: null, failure: null, quality: qualityOf(input, plan), createdBy: checked.grant.userId, now: f.clock.now() });
    await publishRosterVersion(trx, checked.grant, versionId, f.clock.now());
  });
  return versionId;
}

describe('"Voor mij" for execution (issue 11)', () => {
  it('the approved decision waits in the LCC queue to accept, pointing at the assignment and not revealing the phase', async () => {
    const lcc = await queues('lcc');
    const item = queue(lcc, 'assignments_to_accept')?.items.find((i) => i.caseId === caseId);
    expect(item).toMatchObject({ phase: null, count: 1, assignmentId: expect.any(String) });
    assignmentId = item!.assignmentId!;
    expect(queue(lcc, 'assignments_unacknowledged')?.count).toBe(0);
    expect(lcc.total).toBeGreaterThanOrEqual(1);
  });

  it('once accepted and tasked, the LCC chases the units, and only the tasked unit lead has it to acknowledge', async () => {
    must(await f.deps.assignments.accept(f.ctx(), f.actor('lcc'), assignmentId, 1));
    must(await f.deps.assignments.task(f.ctx(), f.actor('lcc'), assignmentId, ['be-1']));
    const lcc = await queues('lcc');
    expect(queue(lcc, 'assignments_to_accept')?.items.some((i) => i.assignmentId === assignmentId)).toBe(false);
    expect(queue(lcc, 'assignments_unacknowledged')?.items).toEqual([expect.objectContaining({ assignmentId, count: 1 })]);
    const politie = await queues('politie');
    expect(queue(politie, 'assignments_to_acknowledge')?.items).toEqual([expect.objectContaining({ assignmentId, count: 1, phase: null })]);
    const kmar = await queues('kmar');
    expect(queue(kmar, 'assignments_to_acknowledge')?.count).toBe(0);
    // Roles without execution work get no execution queues at all.
    expect((await queues('besluit')).queues.map((q) => q.queueId)).not.toContain('assignments_to_accept');
  });

  it("a unit lead sees the short posts their kind of unit may staff in the latest published roster, for their tasked cases only", async () => {
    expect(queue(await queues('politie'), 'roster_shortfalls')?.count).toBe(0);
    await publishRosterWithShortfalls();
    const politie = await queues('politie');
    expect(queue(politie, 'roster_shortfalls')?.items).toEqual([expect.objectContaining({ assignmentId, caseId, count: 2 })]);
    // KMar BSB is not tasked on the case: nothing for them.
    expect(queue(await queues('kmar'), 'roster_shortfalls')?.count).toBe(0);
  });

  it('acknowledging takes the item out of both queues, and each queue read is audited', async () => {
    must(await f.deps.assignments.acknowledge(f.ctx(), f.actor('politie'), assignmentId, 1));
    expect(queue(await queues('politie'), 'assignments_to_acknowledge')?.count).toBe(0);
    expect(queue(await queues('lcc'), 'assignments_unacknowledged')?.count).toBe(0);
    const entries = await f.database.db.selectFrom('audit_entry').select(['details']).where('operation', '=', 'work.queues').execute();
    // Each read is one entry; the execution queues read are named in its details (issue 13).
    const read = entries.flatMap((e) => ((typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as { sources?: { queueId: string }[] }).sources ?? []).map((s) => s.queueId);
    expect(new Set(read.filter((q) => q.startsWith('assignments_') || q === 'roster_shortfalls'))).toEqual(new Set(['assignments_to_accept', 'assignments_unacknowledged', 'assignments_to_acknowledge', 'roster_shortfalls']));
    expect(await f.database.db.selectFrom('audit_entry').select('operation').where('operation', 'like', 'work.queue.%').execute()).toEqual([]);
  });
});
