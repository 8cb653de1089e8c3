import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useQualityMonitor } from '../../api/anomaly';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { BarChart } from './BarChart';

const STEPS = ['registration_to_triage', 'triage_to_assessment', 'assessment_to_decision'] as const;

/** The NCTV's quality monitor (issue 13, DOMAIN §8): figures per quarter for management; no case, no name. */
export function QualityMonitorPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('quality.title'));
  const monitor = useQualityMonitor();
  const data = monitor.data;
  const none = tx('quality.noFigure');
  const num = (n: number | null) => (n === null ? none : n.toLocaleString(i18n.language));
  return (
    <>
      <Heading level={1}>{tx('quality.title')}</Heading>
      <Paragraph>{tx('quality.intro')}</Paragraph>
      <ApiErrorAlert error={monitor.error} />
      {monitor.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Paragraph>{tx('quality.generatedAt', { at: formatDateTime(data.generatedAt, i18n.language) })}</Paragraph>
          <section aria-labelledby="quality-overdue" className="hoeder-queue">
            <Heading level={2} id="quality-overdue">
              {tx('quality.overdue')}
            </Heading>
            <dl className="hoeder-facts">
              {(['reviews', 'reassessments', 'activeCases'] as const).map((k) => (
                <div key={k}>
                  <dt>{tx(`quality.overdueItems.${k}`)}</dt>
                  <dd>{num(data.overdue[k])}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="quality-throughput" className="hoeder-queue">
            <Heading level={2} id="quality-throughput">
              {tx('quality.throughput')}
            </Heading>
            <BarChart
              label={tx('quality.throughput')}
              stacked={false}
              categories={data.quarters}
              series={STEPS.map((step) => ({ name: tx(`statistics.steps.${step}`), values: data.quarters.map((q) => data.throughput.find((f) => f.step === step && f.quarter === q)?.medianDays ?? null) }))}
            />
            <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={tx('quality.throughputTable')}>
              <Table>
                <TableCaption>{tx('quality.throughputTable')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    {(['step', 'quarter', 'cases', 'median', 'p90'] as const).map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {tx(`quality.columns.${c}`)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.throughput.map((f) => (
                    <TableRow key={`${f.step}-${f.quarter}`}>
                      <TableHeaderCell scope="row">{tx(`statistics.steps.${f.step}`)}</TableHeaderCell>
                      <TableCell>{f.quarter}</TableCell>
                      <TableCell>{num(f.cases)}</TableCell>
                      <TableCell>{num(f.medianDays)}</TableCell>
                      <TableCell>{num(f.p90Days)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          <section aria-labelledby="quality-deviations" className="hoeder-queue">
            <Heading level={2} id="quality-deviations">
              {tx('quality.deviations')}
            </Heading>
            <BarChart
              label={tx('quality.deviations')}
              stacked={false}
              categories={data.quarters}
              series={(['decisions', 'deviating'] as const).map((k) => ({ name: tx(`quality.deviationSeries.${k}`), values: data.deviations.map((d) => d[k]) }))}
            />
            <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={tx('quality.deviations')}>
              <Table>
                <TableCaption>{tx('quality.deviations')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    {(['quarter', 'decisions', 'deviating', 'rate'] as const).map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {tx(`quality.columns.${c}`)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.deviations.map((d) => (
                    <TableRow key={d.quarter}>
                      <TableHeaderCell scope="row">{d.quarter}</TableHeaderCell>
                      <TableCell>{num(d.decisions)}</TableCell>
                      <TableCell>{num(d.deviating)}</TableCell>
                      <TableCell>{d.decisions > 0 ? `${Math.round((100 * d.deviating) / d.decisions)}%` : none}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          {data.objections && (
            <section aria-labelledby="quality-objections" className="hoeder-queue">
              <Heading level={2} id="quality-objections">
                {tx('quality.objections')}
              </Heading>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{tx('quality.columns.quarter')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{tx('quality.columns.objections')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.objections.map((o) => (
                    <TableRow key={o.quarter}>
                      <TableHeaderCell scope="row">{o.quarter}</TableHeaderCell>
                      <TableCell>{num(o.count)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
        </>
      )}
    </>
  );
}
