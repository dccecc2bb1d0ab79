import { use, type ComposeOption } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import type { AssessmentOverview, Tally } from '@lachan/contracts';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]);

/** The ECharts options the national view draws. */
export type OverviewChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** Share (0-100, one decimal) of a part in a whole; 0 for an empty whole. */
export const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 0);

/** Labels of the completion chart's three parts. */
export interface CompletionLabels { submitted: string; open: string; overdue: string }

/** Tasks by group as horizontal stacked bars: submitted, still open, overdue. */
export function completionOption(rows: { label: string; tally: Tally }[], l: CompletionLabels): OverviewChartOption {
  const sorted = [...rows].sort((a, b) => b.tally.tasks - a.tally.tasks).slice(0, 25).reverse();
  const bar = (name: string, color: string, value: (t: Tally) => number): BarSeriesOption => ({ type: 'bar', name, stack: 'tasks', color, data: sorted.map((r) => value(r.tally)) });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => r.label), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      bar(l.submitted, '#12b886', (t) => t.submitted),
      bar(l.open, '#74c0fc', (t) => Math.max(0, t.tasks - t.submitted - t.overdue)),
      bar(l.overdue, '#fa5252', (t) => t.overdue),
    ],
  };
}

/** Labels of the compliance chart's four answers. */
export interface ComplianceLabels { met: string; partly: string; notMet: string; notApplicable: string }

/** Answers by group as 100% stacked bars. */
export function complianceOption(rows: { label: string; met: number; partly: number; notMet: number; notApplicable: number }[], l: ComplianceLabels): OverviewChartOption {
  const shown = rows.slice(0, 30).reverse();
  const share = (r: (typeof rows)[number], v: number) => pct(v, r.met + r.partly + r.notMet + r.notApplicable);
  const bar = (name: string, color: string, key: 'met' | 'partly' | 'notMet' | 'notApplicable'): BarSeriesOption =>
    ({ type: 'bar', name, stack: 'answers', color, data: shown.map((r) => share(r, r[key])) });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [bar(l.met, '#12b886', 'met'), bar(l.partly, '#fab005', 'partly'), bar(l.notMet, '#fa5252', 'notMet'), bar(l.notApplicable, '#adb5bd', 'notApplicable')],
  };
}

/** Completion and compliance across campaigns, oldest first. */
export function trendOption(trends: AssessmentOverview['trends'], l: { completion: string; compliance: string }): OverviewChartOption {
  const sorted = [...trends].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: sorted.map((t) => t.title), axisLabel: { width: 140, overflow: 'truncate' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'line', name: l.completion, data: sorted.map((t) => pct(t.submitted, t.tasks)) },
      { type: 'line', name: l.compliance, data: sorted.map((t) => pct(t.met, t.applicable)) },
    ],
  };
}
