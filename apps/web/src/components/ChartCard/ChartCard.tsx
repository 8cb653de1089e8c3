import type { ReactNode } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { DataTable, type DataTableProps } from '../DataTable/DataTable';
import { BarChart, type BarSeries } from './BarChart';

export interface ChartCardProps<R> {
  /** The section's id; its heading gets `${id}-title`. */
  id: string;
  title: string;
  /** A line of explanation under the heading. */
  intro?: ReactNode;
  chart: { label: string; categories: string[]; series: BarSeries[]; stacked?: boolean };
  /** The same figures as a table: the chart is decorative beyond its summary (WCAG 1.1.1). */
  table: Omit<DataTableProps<R>, 'focusable'>;
  /** A download of this table, e.g. as CSV. */
  download?: { label: string; onDownload: () => void };
}

/**
 * A chart with its table of figures and, where offered, a download: the block every figures page
 * (statistics, quality monitor) repeats per table.
 */
export function ChartCard<R>({ id, title, intro, chart, table, download }: ChartCardProps<R>) {
  return (
    <section aria-labelledby={`${id}-title`} className="hoeder-queue">
      <Heading level={2} id={`${id}-title`}>
        {title}
      </Heading>
      {intro}
      <BarChart label={chart.label} categories={chart.categories} series={chart.series} stacked={chart.stacked ?? true} />
      <DataTable {...table} focusable />
      {download && (
        <Button type="button" appearance="secondary-action-button" onClick={download.onDownload}>
          {download.label}
        </Button>
      )}
    </section>
  );
}
