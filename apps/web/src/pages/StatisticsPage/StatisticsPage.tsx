import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { StatisticsResponse } from '@hoeder/contracts';
import { useStatistics } from '../../api/oversight';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped, type EnumGroup } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { BarChart } from './BarChart';
import { downloadCsv, figure, toCsv } from './csv';

type StatTable = StatisticsResponse['tables'][number];

/** Which closed list names the rows and columns of each table (periods are shown as they are). */
const KINDS: Record<StatTable['id'], [EnumGroup | null, EnumGroup | null]> = {
  phenomenon_by_phase: ['phenomenon', 'phase'],
  phenomenon_by_outcome: ['phenomenon', 'triageOutcome'],
  period_by_phenomenon: [null, 'phenomenon'],
};

function FigureTable({ table }: { table: StatTable }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const [rowKind, columnKind] = KINDS[table.id];
  const rowLabel = (v: string) => (rowKind ? enumLabel(t, rowKind, v) : v);
  const columnLabel = (v: string) => (columnKind ? enumLabel(t, columnKind, v) : v);
  const title = tx(`statistics.tables.${table.id}`);
  const shown = (n: number | null) => (n === null ? <abbr title={tx('statistics.suppressed')}>x</abbr> : n);
  const csv = () => {
    const header = [tx(`statistics.rowHeader.${table.id}`), ...table.columns.map(columnLabel), tx('statistics.total')];
    const body = table.rows.map((r, i) => [rowLabel(r), ...table.cells[i]!.map(figure), figure(table.rowTotals[i]!)]);
    const totals = [tx('statistics.total'), ...table.columnTotals.map(figure), figure(table.grandTotal)];
    downloadCsv(`hoeder-${table.id}.csv`, toCsv([header, ...body, totals]));
  };
  return (
    <section aria-labelledby={`stat-${table.id}`} className="hoeder-queue">
      <Heading level={2} id={`stat-${table.id}`}>
        {title}
      </Heading>
      <BarChart label={tx('statistics.chartLabel', { title })} categories={table.rows.map(rowLabel)} series={table.columns.map((c, j) => ({ name: columnLabel(c), values: table.cells.map((row) => row[j]!) }))} />
      {/* Focusable: a wide table scrolls sideways, and keyboard users must be able to scroll it. */}
      <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={tx('statistics.tableCaption', { title })}>
        <Table>
          <TableCaption>{tx('statistics.tableCaption', { title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tx(`statistics.rowHeader.${table.id}`)}</TableHeaderCell>
              {table.columns.map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {columnLabel(c)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{tx('statistics.total')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((r, i) => (
              <TableRow key={r}>
                <TableHeaderCell scope="row">{rowLabel(r)}</TableHeaderCell>
                {table.cells[i]!.map((n, j) => (
                  <TableCell key={table.columns[j]}>{shown(n)}</TableCell>
                ))}
                <TableCell>{shown(table.rowTotals[i]!)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableHeaderCell scope="row">{tx('statistics.total')}</TableHeaderCell>
              {table.columnTotals.map((n, j) => (
                <TableCell key={table.columns[j]}>{shown(n)}</TableCell>
              ))}
              <TableCell>{shown(table.grandTotal)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </div>
      <Button type="button" appearance="secondary-action-button" onClick={csv}>
        {tx('statistics.downloadCsv', { title })}
      </Button>
    </section>
  );
}

function Throughput({ figures }: { figures: StatisticsResponse['throughput'] }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const steps = figures.map((f) => tx(`statistics.steps.${f.step}`));
  return (
    <section aria-labelledby="stat-throughput" className="hoeder-queue">
      <Heading level={2} id="stat-throughput">
        {tx('statistics.throughput')}
      </Heading>
      <BarChart
        label={tx('statistics.chartLabel', { title: tx('statistics.throughput') })}
        categories={steps}
        stacked={false}
        series={[
          { name: tx('statistics.median'), values: figures.map((f) => f.medianDays) },
          { name: tx('statistics.p90'), values: figures.map((f) => f.p90Days) },
        ]}
      />
      <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={tx('statistics.throughputCaption')}>
        <Table>
          <TableCaption>{tx('statistics.throughputCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              {(['step', 'cases', 'median', 'p90'] as const).map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {tx(`statistics.${c}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {figures.map((f, i) => (
              <TableRow key={f.step}>
                <TableHeaderCell scope="row">{steps[i]}</TableHeaderCell>
                <TableCell>{figure(f.cases)}</TableCell>
                <TableCell>{figure(f.medianDays)}</TableCell>
                <TableCell>{figure(f.p90Days)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
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
