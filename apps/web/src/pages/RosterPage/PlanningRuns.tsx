import { useState } from 'react';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCancelRun, usePlanningRuns, useStartRun, type PlanningRun } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { rosterLabel, useRosterT } from './labels';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { formatDate } from '../../lib/format';
import { FailureText } from './FailureText';

/** The coming Monday (a planning period starts on one), as YYYY-MM-DD. */
export function nextMonday(today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

/** A run's status and progress bar (also a replan's, ADR 0027). */
export function RunProgress({ run }: { run: PlanningRun }) {
  const { t } = useRosterT();
  const active = run.status === 'queued' || run.status === 'running';
  const pct = Math.round(run.progress * 100);
  return (
    <>
      <label htmlFor={`progress-${run.runId}`}>{rosterLabel(t, 'runStatus', run.status)}</label>{' '}
      <progress id={`progress-${run.runId}`} max={100} value={pct} aria-valuetext={t('roster.progressText', { pct })}>
        {pct}%
      </progress>{' '}
      <span>{pct}%</span>
      {active && run.quality && <Paragraph>{t('roster.quality', { covered: run.quality.coveredPosts, total: run.quality.totalPosts, short: run.quality.shortfalls, score: Math.round(run.quality.scoreSoft) })}</Paragraph>}
    </>
  );
}

/** Start a planning run for a period, follow its progress (polled) and cancel it: the LCC coordinator's. */
export function PlanningRuns() {
  const { t, i18n } = useRosterT();
  const runs = usePlanningRuns(true);
  const start = useStartRun();
  const cancel = useCancelRun();
  const [startDate, setStartDate] = useState(nextMonday());
  const [days, setDays] = useState('7');
  const list = runs.data?.runs ?? [];
  return (
    <section aria-labelledby="planning-heading">
      <Heading level={2} id="planning-heading">
        {t('roster.planning.title')}
      </Heading>
      <Paragraph>{t('roster.planning.intro')}</Paragraph>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate({ startDate, days: Number(days) });
        }}
      >
        <TextField name="startDate" type="date" label={t('roster.planning.startDate')} description={t('roster.planning.startDateHelp')} value={startDate} onChange={setStartDate} />
        <SelectField name="days" label={t('roster.planning.days')} value={days} onChange={setDays} options={[7, 14, 28].map((d) => ({ value: String(d), label: t('roster.planning.daysOption', { count: d }) }))} />
        <Button type="submit" appearance="primary-action-button" disabled={start.isPending}>
          {t('roster.planning.start')}
        </Button>
      </form>
      <ApiErrorAlert error={start.error ?? cancel.error ?? runs.error} />
      {list.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('roster.planning.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('roster.period')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('roster.planning.progress')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('roster.planning.result')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((run) => (
                <TableRow key={run.runId}>
                  <TableHeaderCell scope="row">{t('roster.periodText', { start: formatDate(run.startDate, i18n.language), count: run.days })}</TableHeaderCell>
                  <TableCell>
                    <RunProgress run={run} />
                  </TableCell>
                  <TableCell>
                    {run.versionId && <RouterLink to={`/roosters/${run.versionId}`}>{t('roster.planning.openVersion')}</RouterLink>}
                    {run.failure && (
                      <FailureText failure={run.failure} withRoster={Boolean(run.versionId)} />
                    )}
                    {(run.status === 'queued' || run.status === 'running') && !run.cancelRequested && (
                      <Button type="button" appearance="secondary-action-button" onClick={() => cancel.mutate(run.runId)}>
                        {t('roster.planning.cancel')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
