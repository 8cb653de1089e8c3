import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@hoeder/domain';
import { openServiceFixture, type ServiceFixture } from '../testing/service-fixture';
import { seedDemo } from './demo-seed';
import { userIdOf } from '../testing/service-fixture';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** The demo: no hand-made memberships for the LCC and units; their work comes from assignments. */
let f: ServiceFixture;
beforeAll(async () => {
  f = await openServiceFixture();
  // The seed works back from today (as main.ts runs it); the demo's dates are relative to now.
  f.clock.set(new Date());
  await seedDemo(f.deps);
}, 600_000);
afterAll(() => f.close());

describe('demo assignments', () => {
  it('makes no LCC, police or KMar case memberships', async () => {
    const rows = await f.database.db.selectFrom('case_member').select('user_id').where('user_id', 'in', ['lcc', 'politie', 'kmar'].map(userIdOf)).execute();
    expect(rows).toEqual([]);
  });

  it('leaves new, withdrawn and unacknowledged work in the LCC inbox', async () => {
    const inbox = must(await f.deps.assignments.inbox(f.ctx(), f.actor('lcc')));
    expect(inbox.counts.new).toBeGreaterThan(0);
    expect(inbox.counts.changed).toBeGreaterThan(0);
    expect(inbox.counts.withdrawn).toBe(2);
    expect(inbox.counts.unacknowledged).toBeGreaterThan(0);
    expect(inbox.items.filter((i) => i.status === 'accepted').length).toBeGreaterThan(inbox.counts.new);
  });

  it.each(['politie', 'kmar'])('gives %s only cases tasked to their unit, with some left to acknowledge', async (lead) => {
    const mine = must(await f.deps.assignments.mine(f.ctx(), f.actor(lead)));
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.some((m) => m.unacknowledged > 0)).toBe(true);
    const cases = must(await f.deps.cases.list(f.ctx(), f.actor(lead)));
    const live = mine.filter((m) => m.status !== 'withdrawn' && m.status !== 'closed');
    expect(new Set(cases.map((c) => c.caseId))).toEqual(new Set(live.map((m) => m.caseId)));
    expect(cases.every((c) => c.phase === 'measures_active' || c.phase === 'decision_pending_approval')).toBe(true);
  });

  it('shows a unit the person\'s agenda only in the domains its posts concern', async () => {
    const mine = must(await f.deps.assignments.mine(f.ctx(), f.actor('kmar')));
    const live = mine.filter((m) => m.status !== 'withdrawn' && m.status !== 'closed');
    const extracts = await Promise.all(live.map(async (m) => must(await f.deps.assignments.extract(f.ctx(), f.actor('kmar'), m.assignmentId))));
    expect(extracts.some((e) => e.agenda.length > 0)).toBe(true);
    // Only domains in which the assignment's measures make posts: never a domain without measures.
    for (const e of extracts) {
      const withMeasures = new Set(Object.entries(e.measures).filter(([, m]) => m.length > 0).map(([d]) => d));
      expect(e.agenda.every((a) => withMeasures.has(a.domain) || (a.domain === 'work' && withMeasures.has('transport')))).toBe(true);
    }
  });

  it('seeds two crown-witness cases for the OM: one waiting at the gate, one whose deal went public', async () => {
    const list = must(await f.deps.coordination.cases(f.ctx(), f.actor('om')));
    expect(list.filter((c) => c.crownWitness).map((c) => c.phase).sort()).toEqual(['decision_pending_approval', 'measures_active']);
    for (const c of list) {
      const view = must(await f.deps.coordination.view(f.ctx(), f.actor('om'), c.caseId));
      expect(view.track?.dealPublicAt !== null).toBe(c.phase === 'measures_active');
      if (c.phase !== 'measures_active') expect(view.track?.gate?.blockers).toEqual(['no_weighing', 'measures_inactive']);
    }
  });
});

describe('demo persons (issue 12)', () => {
  it('gives every demo case person records for every person its registration names', async () => {
    const cases = await f.database.db.selectFrom('case_summary').select('case_id').execute();
    const links = await f.database.db.selectFrom('case_person').select(['case_id', 'role']).execute();
    expect(cases.length).toBeGreaterThan(0);
    for (const { case_id } of cases) expect(links.filter((l) => l.case_id === case_id).map((l) => l.role), case_id).toContain('threatened_person');
  });
});

describe('demo person central (issue 12)', () => {
  it('gives every case in force the liaison is on a contact log, agreements, care referrals and an employer with its five duties', async () => {
    const active = must(await f.deps.cases.list(f.ctx(), f.actor('liaison'))).filter((c) => c.phase === 'measures_active');
    expect(active.length).toBeGreaterThan(10);
    const statuses = new Set<string>();
    for (const c of active) {
      const log = must(await f.deps.contactLog.view(f.ctx(), f.actor('liaison'), c.caseId));
      expect(log.entries.length, c.caseId).toBeGreaterThanOrEqual(4);
      expect(new Set(log.entries.map((e) => e.channel)).size).toBeGreaterThanOrEqual(3);
      expect(log.entries.every((e) => e.contradictions.length === 0)).toBe(true);
      const view = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), c.caseId));
      expect(view.agreements?.map((a) => a.code)).toContain('cooperation');
      expect(view.care?.map((a) => a.code)).toEqual(expect.arrayContaining(['care_person', 'peer_support']));
      const [employer, ...more] = view.employers ?? [];
      expect(more).toEqual([]);
      expect(employer?.duties.map((d) => d.code)).toEqual(['alertness', 'resilience', 'prevention', 'security_measures', 'follow_advice']);
      expect(employer?.duties.every((d) => d.owner && d.owner.length > 0)).toBe(true);
      for (const a of [...(view.agreements ?? []), ...(view.care ?? []), ...(employer?.duties ?? [])]) statuses.add(`${a.kind}:${a.status}`);
    }
    // Varied: refusals, declines, breaches and duties in place, not one status everywhere.
    expect([...statuses]).toEqual(expect.arrayContaining(['agreement:agreed', 'agreement:refused', 'care:started', 'care:declined', 'care:proposed', 'employer_duty:in_place', 'employer_duty:not_met', 'employer_duty:open']));
  });

  it('seeds some corrections and some overdue follow-ups, and the arrangements as of their first moment show them as they were', async () => {
    const active = must(await f.deps.cases.list(f.ctx(), f.actor('liaison'))).filter((c) => c.phase === 'measures_active');
    const logs = await Promise.all(active.map(async (c) => must(await f.deps.contactLog.view(f.ctx(), f.actor('liaison'), c.caseId))));
    expect(logs.filter((l) => l.entries.some((e) => e.correctedBy?.reason)).length).toBeGreaterThan(0);
    const view = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), active[0]!.caseId));
    const duties = view.employers![0]!.duties;
    const recordedAt = new Date(duties[0]!.events[0]!.occurredAt);
    const then = must(await f.deps.arrangements.view(f.ctx(), f.actor('liaison'), active[0]!.caseId, recordedAt));
    expect(then.employers![0]!.duties.map((d) => d.status)).toEqual(['open', 'open', 'open', 'open', 'open']);
    const queue = must(await f.deps.workQueues.queues(f.ctx(), f.actor('liaison'))).queues.find((q) => q.queueId === 'arrangement_follow_up');
    expect(queue?.items.length).toBeGreaterThan(0);
  });
});
