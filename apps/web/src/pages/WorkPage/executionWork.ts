import { EXECUTION_QUEUES } from '@hoeder/domain';

/** Issue 11's queues over assignments and rosters: their texts and where their items lead. */
const EXECUTION = new Map(EXECUTION_QUEUES.map((q) => [q.id, q]));

export const isExecutionQueue = (queueId: string): boolean => EXECUTION.has(queueId);

/** The i18n key of a queue's text: the execution queues keep theirs in their own block. */
export const queueTextKey = (queueId: string, part: 'title' | 'description'): string =>
  queueId === 'anomaly_alerts' ? `anomaly.queue.${part}` : isExecutionQueue(queueId) ? `executionWork.queues.${queueId}.${part}` : `work.queues.${queueId}.${part}`;

/**
 * Where an execution item is worked on: the assignment page, never the case page (a unit cannot
 * open it). The LCC's queues open the inbox's page, the unit leads' their extract.
 */
export function assignmentHref(queueId: string, assignmentId: string | undefined): string {
  const lcc = EXECUTION.get(queueId)?.roles.includes('lcc_coordinator') ?? false;
  const base = lcc ? '/opdrachten' : '/mijn-opdrachten';
  return assignmentId ? `${base}/${assignmentId}` : base;
}
