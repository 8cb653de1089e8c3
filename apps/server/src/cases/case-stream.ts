import { projectCase, type CaseEventBody, type CaseState, type RecordedCaseEvent } from '@hoeder/domain';
import { appendCaseEvents, loadCaseEvents, projectCasePersons, saveCaseProjection, type CaseWriteGrant, type Db } from '@hoeder/db';
import type { StreamAdapter } from '../platform/guard/stream-command';
import { projectAssignment } from '../assignments/assignment-projection';

/** The case stream (ADR 0005) for `runStreamCommand`: every read and write takes the write grant. */
export function caseStream(trx: Db, grant: CaseWriteGrant, now: Date): StreamAdapter<CaseState, CaseEventBody, RecordedCaseEvent> {
  // A case stream is short (tens of events): it is folded whole, so `evolve` folds the loaded
  // events again with the new ones rather than keeping a snapshot.
  let loaded: readonly RecordedCaseEvent[] = [];
  return {
    name: 'case',
    load: async () => {
      loaded = grant.basis === 'registration' ? [] : await loadCaseEvents(trx, grant);
      return projectCase(loaded);
    },
    evolve: (_state, events) => projectCase([...loaded, ...events]),
    version: (state) => state?.version ?? 0,
    recorded: (e, version) => ({ ...e, caseId: grant.caseId, version, occurredAt: e.occurredAt.toISOString() }),
    append: (expected, events) => appendCaseEvents(trx, grant, expected, events),
    save: async (next) => {
      await saveCaseProjection(trx, grant, next, now);
      // The security assignment is a read model of the case too: same transaction (ADR 0016).
      await projectAssignment(trx, grant, next, now);
      // The person records of a new case (issue 12, ADR 0021): same transaction as its registration.
      if (grant.basis === 'registration') await projectCasePersons(trx, grant, next.persons, now);
    },
  };
}
