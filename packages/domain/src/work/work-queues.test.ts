import { describe, expect, it } from 'vitest';
import { CASE_SECTIONS, type CaseSection } from '../access/capabilities';
import { attentionRank, PHASE_ATTENTION } from './attention';
import { CASE_QUEUES, caseQueues, queueNeeds, type CaseWorkFacts } from './work-queues';

const ALL = new Set<CaseSection>(CASE_SECTIONS);
const facts = (over: Partial<CaseWorkFacts>): CaseWorkFacts => ({
  caseId: 'c1',
  reference: 'HOE-1',
  phase: 'registered',
  reviewDate: null,
  updatedAt: '2026-03-01T00:00:00.000Z',
  sections: ALL,
  ...over,
});
const ids = (queues: ReturnType<typeof caseQueues>, queueId: string) => queues.find((q) => q.queueId === queueId)?.items.map((i) => i.caseId);
const besluit = { userId: 'u-besluit', roles: ['decision_maker'] as const };
const besluit2 = { userId: 'u-besluit2', roles: ['decision_maker'] as const };
const analist = { userId: 'u-analist', roles: ['threat_analyst'] as const };
const analist2 = { userId: 'u-analist2', roles: ['threat_analyst'] as const };

describe('work queues', () => {
  it('four eyes: a proposal waits for the other decision maker, never its proposer', () => {
    const pending = facts({ phase: 'decision_pending_approval', pendingProposedBy: besluit.userId });
    expect(ids(caseQueues(besluit, [pending], '2026-03-02'), 'decision_to_approve')).toEqual([]);
    expect(ids(caseQueues(besluit2, [pending], '2026-03-02'), 'decision_to_approve')).toEqual(['c1']);
  });

  it('a case enters a queue only through a section the user reads', () => {
    const pending = facts({ phase: 'decision_pending_approval', pendingProposedBy: besluit.userId, sections: new Set(['summary']) });
    expect(ids(caseQueues(besluit2, [pending], '2026-03-02'), 'decision_to_approve')).toEqual([]);
  });

  it('reviews are due on their date, oldest first', () => {
    const a = facts({ caseId: 'a', phase: 'measures_active', reviewDate: '2026-03-02' });
    const b = facts({ caseId: 'b', phase: 'measures_active', reviewDate: '2026-02-01' });
    const later = facts({ caseId: 'later', phase: 'measures_active', reviewDate: '2026-03-03' });
    expect(ids(caseQueues(besluit, [a, b, later], '2026-03-02'), 'review_due')).toEqual(['b', 'a']);
  });

  it('a challenge is for a second analyst, once per revision', () => {
    const inChallenge = facts({ phase: 'in_assessment', challenge: { authorId: analist.userId, reviewedBy: [] } });
    expect(ids(caseQueues(analist, [inChallenge], '2026-03-02'), 'challenge_to_write')).toEqual([]);
    expect(ids(caseQueues(analist, [inChallenge], '2026-03-02'), 'assessment_to_make')).toEqual(['c1']);
    expect(ids(caseQueues(analist2, [inChallenge], '2026-03-02'), 'challenge_to_write')).toEqual(['c1']);
    expect(ids(caseQueues(analist2, [inChallenge], '2026-03-02'), 'assessment_to_make')).toEqual([]);
    const reviewed = facts({ phase: 'in_assessment', challenge: { authorId: analist.userId, reviewedBy: [analist2.userId] } });
    expect(ids(caseQueues(analist2, [reviewed], '2026-03-02'), 'challenge_to_write')).toEqual([]);
  });

  it('roles without case work have no queues; every queue of a role is listed, empty too', () => {
    expect(caseQueues({ userId: 'i', roles: ['inspector'] }, [facts({})], '2026-03-02')).toEqual([]);
    expect(caseQueues(besluit, [], '2026-03-02').map((q) => q.queueId)).toEqual(['decision_to_propose', 'decision_to_approve', 'review_due']);
  });

  it('loads only what the subject’s queues need', () => {
    expect([...queueNeeds(besluit, CASE_QUEUES)]).toEqual(['pending_decision']);
    expect([...queueNeeds(analist, CASE_QUEUES)]).toEqual(['daf_state']);
    expect([...queueNeeds({ userId: 't', roles: ['triage_officer'] }, CASE_QUEUES)]).toEqual([]);
  });
});

describe('attention order', () => {
  it('a due review first, ended cases last', () => {
    expect(attentionRank('measures_active', '2026-03-01', '2026-03-02')).toBe(0);
    expect(attentionRank('measures_active', '2026-04-01', '2026-03-02')).toBe(PHASE_ATTENTION.measures_active);
    const ranks = Object.values(PHASE_ATTENTION);
    expect(PHASE_ATTENTION.ended).toBe(Math.max(...ranks));
    expect(PHASE_ATTENTION.decision_pending_approval).toBe(Math.min(...ranks));
  });
});
