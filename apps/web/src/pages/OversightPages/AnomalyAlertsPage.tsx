import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { AnomalyAlertView, Me } from '@hoeder/contracts';
import { useAnomalyAlerts, useCloseAlert } from '../../api/anomaly';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { TextareaField } from '../../components/FormFields/FormFields';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';

function CloseForm({ alert, rule }: { alert: AnomalyAlertView; rule: string }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const [finding, setFinding] = useState('');
  const close = useCloseAlert(alert.alertId);
  const tooShort = close.isError && close.error.code === 'VALIDATION_FAILED';
  return (
    <form
      className="hoeder-form"
      aria-label={tx('anomaly.formLabel', { rule, name: alert.userName })}
      onSubmit={(event) => {
        event.preventDefault();
        close.mutate({ finding });
      }}
    >
      <TextareaField name={`finding-${alert.alertId}`} label={tx('anomaly.finding')} description={tx('anomaly.findingHint')} error={tooShort ? tx('anomaly.findingTooShort') : undefined} value={finding} onChange={setFinding} rows={3} />
      {!tooShort && <ApiErrorAlert error={close.error} />}
      <div>
        <Button type="submit" appearance="primary-action-button" disabled={close.isPending}>
          {tx('anomaly.submit')}
        </Button>
      </div>
    </form>
  );
}

/** One open alert: what was seen, by whom, the audit entries behind it, and the form to close it. */
function OpenAlert({ alert, inspector }: { alert: AnomalyAlertView; inspector: boolean }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const rule = tx(`anomaly.rules.${alert.ruleId}`);
  return (
    <section id={`signaal-${alert.alertId}`} aria-labelledby={`alert-${alert.alertId}`} className="hoeder-queue hoeder-person">
      <Heading level={3} id={`alert-${alert.alertId}`}>
        {tx('anomaly.heading', { rule, name: alert.userName })}
      </Heading>
      <Paragraph>{tx('anomaly.occurredAt', { at: formatDateTime(alert.occurredAt, i18n.language), raised: formatDateTime(alert.raisedAt, i18n.language) })}</Paragraph>
      <Paragraph>{tx('anomaly.observed', { observed: alert.observed, threshold: alert.threshold, hits: alert.hits })}</Paragraph>
      {/* The inspectorate follows up in the audit-log viewer; opening the case itself would be a read too. */}
      {inspector && alert.caseIds.length > 0 && (
        <>
          <Paragraph>{tx('anomaly.cases')}</Paragraph>
          <UnorderedList>
            {alert.caseIds.map((caseId) => (
              <UnorderedListItem key={caseId}>
                <RouterLink to={`/toezicht/auditlog?caseId=${caseId}&actorId=${alert.userId}`}>{tx('anomaly.auditLink', { from: alert.firstSeq, to: alert.lastSeq })}</RouterLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <CloseForm alert={alert} rule={rule} />
    </section>
  );
}

/** Access anomaly alerts for the inspectorate and the NCTV's security officer (issue 13, ADR 0026). */
export function AnomalyAlertsPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('anomaly.title'));
  const alerts = useAnomalyAlerts();
  const items = alerts.data?.items ?? [];
  const open = items.filter((a) => !a.closedAt);
  const closed = items.filter((a) => a.closedAt);
  const inspector = me.roles.includes('inspector');
  return (
    <>
      <Heading level={1}>{tx('anomaly.title')}</Heading>
      <Paragraph>{tx('anomaly.intro')}</Paragraph>
      {alerts.data && <Paragraph>{tx('anomaly.ruleVersion', { version: alerts.data.ruleVersion })}</Paragraph>}
      <ApiErrorAlert error={alerts.error} />
      {alerts.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      <Heading level={2}>{tx('anomaly.open', { count: open.length })}</Heading>
      {alerts.data && open.length === 0 && <Paragraph>{tx('anomaly.noneOpen')}</Paragraph>}
      {open.map((a) => (
        <OpenAlert key={a.alertId} alert={a} inspector={inspector} />
      ))}
      {closed.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{tx('anomaly.closed', { count: closed.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['rule', 'user', 'occurredAt', 'closedBy', 'finding'] as const).map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {tx(`anomaly.columns.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {closed.map((a) => (
                <TableRow key={a.alertId}>
                  <TableHeaderCell scope="row">{tx(`anomaly.rules.${a.ruleId}`)}</TableHeaderCell>
                  <TableCell>{a.userName}</TableCell>
                  <TableCell>{formatDateTime(a.occurredAt, i18n.language)}</TableCell>
                  <TableCell>
                    {a.closedByName}, {a.closedAt ? formatDateTime(a.closedAt, i18n.language) : ''}
                  </TableCell>
                  <TableCell>{a.finding}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
