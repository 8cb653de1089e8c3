import { useEffect } from 'react';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { usePlanningRun } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { FailureText } from './FailureText';
import { RunProgress } from './PlanningRuns';
import { useRosterT } from './labels';

/**
 * A replan on the queue (ADR 0027): its progress bar while it runs; done, it opens the new version,
 * whose page shows the diff of who moves.
 */
export function ReplanProgress({ runId, onDone }: { runId: string; onDone: (versionId: string) => void }) {
  const { t: tx } = useRosterT();
  const run = usePlanningRun(runId);
  const versionId = run.data?.status === 'done' ? run.data.versionId : null;
  useEffect(() => {
    if (versionId) onDone(versionId);
  }, [versionId, onDone]);
  return (
    <section aria-labelledby="replan-heading" aria-live="polite">
      <Heading level={2} id="replan-heading">
        {tx('replan.heading')}
      </Heading>
      <ApiErrorAlert error={run.error} />
      {run.data && <RunProgress run={run.data} />}
      {run.data?.status === 'done' && <Paragraph>{tx('replan.done')}</Paragraph>}
      {run.data?.failure && <FailureText failure={run.data.failure} withRoster={false} />}
    </section>
  );
}
