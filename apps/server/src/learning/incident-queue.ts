import { learning, LEARNING_ROLES, readableLearningRecords, type Classification } from '@hoeder/domain';
import type { WorkItem } from '@hoeder/contracts';
import { loadEvaluationStreams, loadIncidents } from '@hoeder/db';
import { incidentQueue, type IncidentQueueSet } from '../platform/guard/learning-check';
import type { WorkQueueSource } from '../work/work-queue.service';

/**
 * "Voor mij" (issue 14): incidents on the decision maker's cases that no evaluation follows up
 * yet, oldest first. The item names the case, never the incident's content; the decision maker
 * opens the evaluation from the case page.
 */
export const incidentWorkQueue: WorkQueueSource<IncidentQueueSet> = {
  id: 'incident_to_evaluate',
  roles: LEARNING_ROLES.leadEvaluation,
  access: { objectType: 'incident', check: incidentQueue() },
  collect: async ({ trx, grant }, actor) => {
    const items: WorkItem[] = [];
    const incidents = await loadIncidents(trx, grant.read, grant.cases.map((c) => c.row.caseId));
    for (const { row, basis } of grant.cases) {
      const own = incidents.filter((i) => i.caseId === row.caseId);
      if (own.length === 0) continue;
      const readable = readableLearningRecords(actor, 'readIncidents', { caseId: row.caseId, classification: row.classification as Classification }, own, (i) => i.marking, basis);
      const streams = await loadEvaluationStreams(trx, grant.read, row.caseId);
      const evaluated = new Set([...streams.values()].map((events) => learning.projectEvaluation(events)?.incidentId).filter((id): id is string => !!id));
      const open = readable.filter((i) => !evaluated.has(i.incidentId));
      if (open.length === 0) continue;
      items.push({ queueId: 'incident_to_evaluate', caseId: row.caseId, reference: row.reference, phase: row.phase, dueOn: open[0]!.occurredAt.slice(0, 10), updatedAt: open.at(-1)!.recordedAt });
    }
    return items.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  },
};
