import { describe, expect, it } from 'vitest';
import { EXECUTION_QUEUES, executionQueueItems, unitShortPosts, type AssignmentWorkFacts } from './execution-queues';

const facts = (over: Partial<AssignmentWorkFacts>): AssignmentWorkFacts => ({
  assignmentId: 'a1', caseId: 'c1', reference: 'BB-1', status: 'accepted', updatedAt: '2026-03-01T10:00:00.000Z', unacknowledgedUnits: 0, ownUnitWaitingSince: null, shortPosts: 0, ...over,
});
const queue = (id: string) => EXECUTION_QUEUES.find((q) => q.id === id)!;

describe('execution work queues', () => {
  it('the LCC accepts new, changed and withdrawn assignments, not accepted or closed ones', () => {
    const all = (['new', 'changed', 'withdrawn', 'accepted', 'closed'] as const).map((status, i) => facts({ assignmentId: `a${i}`, reference: `BB-${i}`, status }));
    expect(executionQueueItems(queue('assignments_to_accept'), all).map((i) => i.reference)).toEqual(['BB-0', 'BB-1', 'BB-2']);
  });

  it('the LCC chases units that did not acknowledge, counted per unit', () => {
    const items = executionQueueItems(queue('assignments_unacknowledged'), [facts({ unacknowledgedUnits: 2 }), facts({ assignmentId: 'a2', unacknowledgedUnits: 0 })]);
    expect(items).toEqual([expect.objectContaining({ assignmentId: 'a1', count: 2 })]);
  });

  it('a unit lead acknowledges what waits for their own unit, longest waiting first', () => {
    const items = executionQueueItems(queue('assignments_to_acknowledge'), [
      facts({ assignmentId: 'late', reference: 'BB-2', ownUnitWaitingSince: '2026-03-03T00:00:00.000Z' }),
      facts({ assignmentId: 'early', reference: 'BB-3', ownUnitWaitingSince: '2026-03-02T00:00:00.000Z' }),
      facts({ assignmentId: 'done', reference: 'BB-4' }),
    ]);
    expect(items.map((i) => [i.assignmentId, i.updatedAt])).toEqual([['early', '2026-03-02T00:00:00.000Z'], ['late', '2026-03-03T00:00:00.000Z']]);
  });

  it('queues go by role: the LCC has no unit queues, a team lead no LCC queues', () => {
    const ids = (role: string) => EXECUTION_QUEUES.filter((q) => q.roles.includes(role as never)).map((q) => q.id);
    expect(ids('lcc_coordinator')).toEqual(['assignments_to_accept', 'assignments_unacknowledged']);
    expect(ids('police_team_lead')).toEqual(['assignments_to_acknowledge', 'roster_shortfalls']);
    expect(ids('decision_maker')).toEqual([]);
  });

  it("a unit answers only for short posts of its kind on the cases it is tasked on", () => {
    const posts = [
      { postId: 'p1', caseId: 'c1', allowedUnitKinds: ['be', 'dkdb'] },
      { postId: 'p2', caseId: 'c1', allowedUnitKinds: ['be'] },
      { postId: 'p3', caseId: 'c1', allowedUnitKinds: ['camera'] },
      { postId: 'p4', caseId: 'c2', allowedUnitKinds: ['be'] },
      { postId: 'p5', caseId: 'c1', allowedUnitKinds: ['be'] },
    ];
    const short = new Set(['p1', 'p2', 'p3', 'p4']);
    expect([...unitShortPosts(posts, short, 'be', new Set(['c1']))]).toEqual([['c1', 2]]);
    expect([...unitShortPosts(posts, short, 'hrb', new Set(['c1', 'c2']))]).toEqual([]);
  });
});
