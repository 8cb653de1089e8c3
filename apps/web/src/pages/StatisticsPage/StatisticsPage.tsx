import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { StatisticsResponse } from '@hoeder/contracts';
import { useStatistics } from '../../api/oversight';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped, type EnumGroup } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { ChartCard } from '../../components/ChartCard/ChartCard';
import { downloadCsv, figure, toCsv } from './csv';

type StatTable = StatisticsResponse['tables'][number];

/** Which closed list names the rows and columns of each table (periods are shown as they are). */
const KINDS: Record<StatTable['id'], [EnumGroup | null, EnumGroup | null]> = {
  phenomenon_by_phase: ['phenomenon', 'phase'],
  phenomenon_by_outcome: ['phenomenon', 'triageOutcome'],
  period_by_phenomenon: [null, 'phenomenon'],
};

/** A row of a figures table: the totals row is one more row, headed "Totaal". */
interface FigureRow {
  key: string;
  label: string;
  cells: (number | null)[];
  total: number | null;
}

function FigureTable({ table }: { table: StatTable }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const [rowKind, columnKind] = KINDS[table.id];
  const rowLabel = (v: string) => (rowKind ? enumLabel(t, rowKind, v) : v);
  const columnLabel = (v: string) => (columnKind ? enumLabel(t, columnKind, v) : v);
  const title = tx(`statistics.tables.${table.id}`);
  const shown = (n: number | null) => (n === null ? <abbr title={tx('statistics.suppressed')}>x</abbr> : n);
  const rows: FigureRow[] = [
    ...table.rows.map((r, i) => ({ key: r, label: rowLabel(r), cells: table.cells[i]!, total: table.rowTotals[i]! })),
    { key: '__total', label: tx('statistics.total'), cells: table.columnTotals, total: table.grandTotal },
  ];
  const csv = () => {
    const header = [tx(`statistics.rowHeader.${table.id}`), ...table.columns.map(columnLabel), tx('statistics.total')];
    downloadCsv(`hoeder-${table.id}.csv`, toCsv([header, ...rows.map((r) => [r.label, ...r.cells.map(figure), figure(r.total)])]));
  };
  return (
    <ChartCard
      id={`stat-${table.id}`}
      title={title}
      chart={{ label: tx('statistics.chartLabel', { title }), categories: table.rows.map(rowLabel), series: table.columns.map((c, j) => ({ name: columnLabel(c), values: table.cells.map((row) => row[j]!) })) }}
      table={{
        caption: tx('statistics.tableCaption', { title }),
        columns: [
          { id: 'row', header: tx(`statistics.rowHeader.${table.id}`), cell: (r: FigureRow) => r.label },
          ...table.columns.map((c, j) => ({ id: c, header: columnLabel(c), cell: (r: FigureRow) => shown(r.cells[j]!) })),
          { id: 'total', header: tx('statistics.total'), cell: (r: FigureRow) => shown(r.total) },
        ],
        rows,
        rowKey: (r) => r.key,
      }}
      download={{ label: tx('statistics.downloadCsv', { title }), onDownload: csv }}
    />
  );
}

type ThroughputFigure = StatisticsResponse['throughput'][number];

function Throughput({ figures }: { figures: StatisticsResponse['throughput'] }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const step = (f: ThroughputFigure) => tx(`statistics.steps.${f.step}`);
  return (
    <ChartCard
      id="stat-throughput"
      title={tx('statistics.throughput')}
      chart={{
        label: tx('statistics.chartLabel', { title: tx('statistics.throughput') }),
        categories: figures.map(step),
        stacked: false,
        series: [
          { name: tx('statistics.median'), values: figures.map((f) => f.medianDays) },
          { name: tx('statistics.p90'), values: figures.map((f) => f.p90Days) },
        ],
      }}
      table={{
        caption: tx('statistics.throughputCaption'),
        columns: [
          { id: 'step', header: tx('statistics.step'), cell: step },
          { id: 'cases', header: tx('statistics.cases'), cell: (f: ThroughputFigure) => figure(f.cases) },
          { id: 'median', header: tx('statistics.median'), cell: (f: ThroughputFigure) => figure(f.medianDays) },
          { id: 'p90', header: tx('statistics.p90'), cell: (f: ThroughputFigure) => figure(f.p90Days) },
        ],
        rows: figures,
        rowKey: (f) => f.step,
      }}
    />
  );
}

/** Anonymised figures for the advisory body (issue 13): charts, tables and CSV, small cells suppressed. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('statistics.title'));
  const stats = useStatistics();
  const data = stats.data;
  return (
    <>
      <Heading level={1}>{tx('statistics.title')}</Heading>
      <Paragraph>{tx('statistics.intro', { threshold: data?.threshold ?? 5 })}</Paragraph>
      <ApiErrorAlert error={stats.error} />
      {stats.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && <Paragraph>{tx('statistics.generatedAt', { at: formatDateTime(data.generatedAt, i18n.language) })}</Paragraph>}
      {data?.tables.map((table) => <FigureTable key={table.id} table={table} />)}
      {data && <Throughput figures={data.throughput} />}
    </>
  );
}
