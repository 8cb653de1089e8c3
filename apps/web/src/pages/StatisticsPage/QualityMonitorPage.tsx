import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { QualityMonitorResponse } from '@hoeder/contracts';
import { useQualityMonitor } from '../../api/anomaly';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { ChartCard } from '../../components/ChartCard/ChartCard';
import type { BarSeries } from '../../components/ChartCard/BarChart';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { downloadCsv } from './csv';
import { quarterLabel, qualityTables, tableCsv, type Cell, type FigureTable } from './quality-tables';

const STEPS = ['registration_to_triage', 'triage_to_assessment', 'assessment_to_decision'] as const;
type Translate = ReturnType<typeof untyped>;

/** Each table's chart: per quarter where the figure is per period, the snapshot's counts otherwise. */
function chartOf(id: FigureTable['id'], data: QualityMonitorResponse, tx: Translate): { categories: string[]; series: BarSeries[] } {
  const quarters = data.quarters.map((q) => quarterLabel(tx, q));
  const series = <T,>(rows: readonly T[], keys: readonly (keyof T & string)[], label: (k: string) => string): BarSeries[] =>
    keys.map((k) => ({ name: label(k), values: rows.map((r) => r[k] as number) }));
  switch (id) {
    case 'overdue':
      return { categories: (['reviews', 'reassessments', 'activeCases'] as const).map((k) => tx(`quality.overdueItems.${k}`)), series: [{ name: tx('quality.columns.cases'), values: [data.overdue.reviews, data.overdue.reassessments, data.overdue.activeCases] }] };
    case 'throughput':
      return { categories: quarters, series: STEPS.map((step) => ({ name: tx(`statistics.steps.${step}`), values: data.quarters.map((q) => data.throughput.find((f) => f.step === step && f.quarter === q)?.medianDays ?? null) })) };
    case 'deviations':
      return { categories: quarters, series: series(data.deviations, ['decisions', 'deviating'], (k) => tx(`quality.deviationSeries.${k}`)) };
    case 'dissent':
      return { categories: quarters, series: series(data.dissent, ['assessments', 'withDissent'], (k) => tx(`quality.columns.${k}`)) };
    case 'capacity':
      return { categories: quarters, series: series(data.capacity, ['posts', 'unstaffed'], (k) => tx(`quality.columns.${k}`)) };
    case 'objections':
      return { categories: (data.objections ?? []).map((o) => quarterLabel(tx, o.quarter)), series: [{ name: tx('quality.columns.objections'), values: (data.objections ?? []).map((o) => o.count) }] };
  }
}

/** The NCTV's quality monitor (issue 13, DOMAIN §8): figures per quarter for management; no case, no name. */
export function QualityMonitorPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('quality.title'));
  const monitor = useQualityMonitor();
  const data = monitor.data;
  const shown = (c: Cell) => (c === null ? tx('quality.noFigure') : typeof c === 'number' ? c.toLocaleString(i18n.language) : c);
  return (
    <>
      <Heading level={1}>{tx('quality.title')}</Heading>
      <Paragraph>{tx('quality.intro')}</Paragraph>
      <ApiErrorAlert error={monitor.error} />
      {monitor.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && <Paragraph>{tx('quality.generatedAt', { at: formatDateTime(data.generatedAt, i18n.language) })}</Paragraph>}
      {data &&
        qualityTables(data, tx).map((table) => (
          <ChartCard
            key={table.id}
            id={`quality-${table.id}`}
            title={table.title ?? table.caption}
            intro={<Paragraph>{tx(`quality.explain.${table.id}`)}</Paragraph>}
            chart={{ label: tx('statistics.chartLabel', { title: table.caption }), stacked: false, ...chartOf(table.id, data, tx) }}
            table={{
              caption: table.caption,
              captionHidden: table.title === undefined,
              columns: table.columns.map((header, j) => ({ id: String(j), header, cell: (row: Cell[]) => shown(row[j] ?? null) })),
              rows: table.rows,
              rowKey: (row, i) => `${i}-${String(row[0])}-${String(row[1])}`,
            }}
            download={{ label: tx('quality.downloadCsv', { title: table.caption }), onDownload: () => downloadCsv(`hoeder-kwaliteit-${table.id}.csv`, tableCsv(table)) }}
          />
        ))}
    </>
  );
}
