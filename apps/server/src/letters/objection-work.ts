import type { WorkItem } from '@hoeder/contracts';
import { listObjections, loadCaseStreams } from '@hoeder/db';
import { objectionWork as workOf, type CasePhase } from '@hoeder/domain';
import { objectionWork, type ObjectionWorkSet } from '../platform/guard/letter-check';
import type { WorkQueueSource } from '../work/work-queue.service';
import { newDecisionSince } from './objection.service';

/**
 * "Voor mij" for decision makers (issue 12 item 8): objections to decide, due on their statutory
 * deadline, and founded objections still waiting for a new decision (proposed through the normal
 * four-eyes flow). Read through the guarded layer (`objectionWork`), so it is checked and audited.
 */
function source(id: string): WorkQueueSource<ObjectionWorkSet> {
  return {
    id,
    roles: ['decision_maker'],
    access: { objectType: 'case_objection', check: objectionWork() },
    collect: async ({ trx, grant }) => {
      const objections = await listObjections(trx, grant.objections);
      const streams = await loadCaseStreams(trx, grant.cases);
      const items: WorkItem[] = [];
      for (const o of objections) {
        const summary = grant.summaries.get(o.caseId);
        const work = workOf(o, newDecisionSince(streams.get(o.caseId) ?? [], o));
        if (!summary || !work) continue;
        items.push({ queueId: id, caseId: o.caseId, reference: summary.reference, phase: summary.phase as CasePhase, dueOn: work.dueOn, updatedAt: o.updatedAt });
      }
      return items.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.updatedAt.localeCompare(b.updatedAt));
    },
  };
}

/** One queue, so "Voor mij" reads objections in one audited access. */
export const OBJECTION_WORK_SOURCES = [source('objections_to_handle')] as readonly WorkQueueSource[];
