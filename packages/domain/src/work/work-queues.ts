import type { CaseSection } from '../access/capabilities';
import type { CasePhase } from '../cases/case-state';
import { isReviewDue } from '../cases/review';
import type { Role } from '../shared/vocabulary';

/**
 * What the case queues ask of one case the user works on (as a member), gathered by the guarded
 * layer. The optional facts are present only when the user reads the section they come from.
 */
export interface CaseWorkFacts {
  caseId: string;
  reference: string;
  phase: CasePhase;
  reviewDate: string | null;
  updatedAt: string;
  /** The sections of this case the user reads: a queue considers a case only through its own section. */
  sections: ReadonlySet<CaseSection>;
  /** Who proposed the pending decision (decision section). */
  pendingProposedBy?: string | undefined;
  /** Whether the final DAF version needs re-assessment (assessment section). */
  reassessmentDue?: boolean | undefined;
  /** The DAF version in challenge: its author and who already challenged its current revision. */
  challenge?: { authorId: string; reviewedBy: readonly string[] } | undefined;
}

export interface QueueSubject {
  userId: string;
  roles: readonly Role[];
}

/** Extra facts a queue needs beyond the case summary, so the guarded layer loads only those. */
export type QueueNeed = 'pending_decision' | 'daf_state';

/**
 * One work queue over cases, as data: who has it, which section the work is in, what puts a case
 * in it and when the work is due. A new case queue is one more entry in `CASE_QUEUES`.
 */
export interface CaseQueueDefinition {
  id: string;
  roles: readonly Role[];
  section: CaseSection;
  needs?: QueueNeed | undefined;
  matches: (facts: CaseWorkFacts, subject: QueueSubject, today: string) => boolean;
  /** The date the work is due (YYYY-MM-DD), when the queue has one; items are listed oldest first. */
  dueOn?: ((facts: CaseWorkFacts) => string | null) | undefined;
}

const inPhase = (phase: CasePhase) => (f: CaseWorkFacts) => f.phase === phase;

export const CASE_QUEUES: readonly CaseQueueDefinition[] = [
  { id: 'triage_to_complete', roles: ['triage_officer'], section: 'triage', matches: inPhase('registered') },
  {
    id: 'assessment_to_make',
    roles: ['threat_analyst'],
    section: 'assessment',
    needs: 'daf_state',
    // A version in someone else's challenge is not this analyst's to write.
    matches: (f, s) => f.phase === 'in_assessment' && (!f.challenge || f.challenge.authorId === s.userId),
  },
  {
    id: 'challenge_to_write',
    roles: ['threat_analyst'],
    section: 'assessment',
    needs: 'daf_state',
    // Four eyes: never the author's own version; once per revision.
    matches: (f, s) => f.challenge !== undefined && f.challenge.authorId !== s.userId && !f.challenge.reviewedBy.includes(s.userId),
  },
  { id: 'reassessment_due', roles: ['threat_analyst'], section: 'assessment', needs: 'daf_state', matches: (f) => f.reassessmentDue === true && f.phase !== 'ended' },
  { id: 'decision_to_propose', roles: ['decision_maker'], section: 'decision', matches: inPhase('assessed') },
  {
    id: 'decision_to_approve',
    roles: ['decision_maker'],
    section: 'decision',
    needs: 'pending_decision',
    // Four eyes: a proposal waits for another decision maker, never its proposer.
    matches: (f, s) => f.phase === 'decision_pending_approval' && f.pendingProposedBy !== undefined && f.pendingProposedBy !== s.userId,
  },
  { id: 'review_due', roles: ['decision_maker'], section: 'decision', matches: (f, _s, today) => isReviewDue(f.phase, f.reviewDate, today), dueOn: (f) => f.reviewDate },
];

export interface WorkItem {
  queueId: string;
  caseId: string;
  reference: string;
  phase: CasePhase;
  dueOn: string | null;
  updatedAt: string;
}

export interface WorkQueue {
  queueId: string;
  items: WorkItem[];
}

const holds = (subject: QueueSubject, roles: readonly Role[]) => subject.roles.some((r) => roles.includes(r));

/** The queue definitions a subject has, by role. */
export const queuesOf = <Q extends { roles: readonly Role[] }>(subject: QueueSubject, definitions: readonly Q[]): Q[] => definitions.filter((d) => holds(subject, d.roles));

/** What a subject's queue definitions need loaded. */
export const queueNeeds = (subject: QueueSubject, definitions: readonly CaseQueueDefinition[]): Set<QueueNeed> =>
  new Set(queuesOf(subject, definitions).flatMap((d) => (d.needs ? [d.needs] : [])));

const byDue = (a: WorkItem, b: WorkItem) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.updatedAt.localeCompare(b.updatedAt);

/**
 * Fills the subject's case queues (every queue of their roles, empty ones too). A case enters a
 * queue only when the subject reads the queue's section of it; `today` is YYYY-MM-DD.
 */
export function caseQueues(subject: QueueSubject, facts: readonly CaseWorkFacts[], today: string, definitions: readonly CaseQueueDefinition[] = CASE_QUEUES): WorkQueue[] {
  return queuesOf(subject, definitions).map((d) => ({
    queueId: d.id,
    items: facts
      .filter((f) => f.sections.has(d.section) && d.matches(f, subject, today))
      .map((f) => ({ queueId: d.id, caseId: f.caseId, reference: f.reference, phase: f.phase, dueOn: d.dueOn?.(f) ?? null, updatedAt: f.updatedAt }))
      .sort(byDue),
  }));
}
