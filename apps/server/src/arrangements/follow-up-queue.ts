import { ARRANGEMENT_WRITE_ROLES } from '@hoeder/domain';
import type { WorkItem } from '@hoeder/contracts';
import { overdueFollowUps } from '@hoeder/db';
import { followUpWork, type FollowUpWork } from '../platform/guard/arrangement-check';
import type { WorkQueueSource } from '../work/work-queue.service';

/**
 * "Voor mij" for the liaison (issue 12 item 6): cases with an agreement, care referral or employer
 * duty whose follow-up date has passed while it still asks something. One item per case, due on
 * its oldest overdue follow-up.
 */
export const followUpQueue: WorkQueueSource<FollowUpWork> = {
  id: 'arrangement_follow_up',
  roles: ARRANGEMENT_WRITE_ROLES,
  access: { objectType: 'case', check: followUpWork() },
  collect: async ({ trx, grant }, _actor, now) => {
    const overdue = await overdueFollowUps(trx, grant.grant, now.toISOString().slice(0, 10));
    const items = new Map<string, WorkItem>();
    for (const row of overdue) {
      const summary = grant.summaries.get(row.caseId);
      if (!summary || items.has(row.caseId)) continue;
      items.set(row.caseId, { queueId: 'arrangement_follow_up', caseId: row.caseId, reference: summary.reference, phase: summary.phase, dueOn: row.followUpOn, updatedAt: summary.updatedAt });
    }
    return [...items.values()];
  },
};
