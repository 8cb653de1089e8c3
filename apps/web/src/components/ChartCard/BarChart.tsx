import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Canvas, not SVG: the SVG renderer writes style attributes, which the CSP (style-src 'self') refuses.
echarts.use([Bars, GridComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  /** null: suppressed, drawn as a gap. */
  values: (number | null)[];
}

/**
 * A (stacked) bar chart with ECharts. Decorative for screen readers beyond its summary: the table
 * next to it carries the same figures, and ECharts' aria component describes the chart.
 */
export function BarChart({ categories, series, label, stacked = true }: { categories: string[]; series: BarSeries[]; label: string; stacked?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // The figures as one value, so the chart is drawn again only when they change.
  const data = JSON.stringify({ categories, series, stacked });
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      aria: { enabled: true, label: { description: label } },
      animation: false,
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: (JSON.parse(data) as { categories: string[] }).categories, axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: (JSON.parse(data) as { series: BarSeries[] }).series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((v) => (v === null ? '-' : v)), ...(stacked ? { stack: 'total' } : {}) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, label, stacked]);
  return <div ref={ref} className="hoeder-chart" role="img" aria-label={label} />;
}
