import type { ChartOption } from '../dashboard/EChart.tsx';

/** One line of the trend: a group's count at each point of the x axis. */
export interface TrendLine {
  name: string;
  data: number[];
}

const PALETTE = ['#4c6ef5', '#12b886', '#fab005', '#fa5252', '#7950f2', '#868e96'];

/** The `top` largest lines (by total), the rest summed as one `others` line, so a chart stays readable. */
export function topLines(lines: TrendLine[], top: number, others: string): TrendLine[] {
  const sum = (l: TrendLine) => l.data.reduce((a, b) => a + b, 0);
  const sorted = [...lines].sort((a, b) => sum(b) - sum(a));
  const rest = sorted.slice(top).filter((l) => sum(l) > 0);
  if (rest.length === 0) return sorted.slice(0, top);
  const width = rest[0]!.data.length;
  return [...sorted.slice(0, top), { name: others, data: Array.from({ length: width }, (_, i) => rest.reduce((a, l) => a + (l.data[i] ?? 0), 0)) }];
}

/** Lines over days or hours, with the previous period's total dashed when compared. */
export function statsTrendOption(axis: string[], lines: TrendLine[], label: (x: string) => string, previous?: TrendLine): ChartOption {
  const all = previous ? [...lines, previous] : lines;
  return {
    animation: false,
    color: PALETTE,
    grid: { left: 44, right: 12, top: 32, bottom: 24 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 }, data: all.map((l) => l.name) },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: axis, boundaryGap: false, axisLabel: { formatter: label, fontSize: 10, color: '#868e96' }, axisTick: { show: false }, axisLine: { lineStyle: { color: '#dee2e6' } } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f1f3f5' } }, axisLabel: { fontSize: 10, color: '#868e96' } },
    series: [
      ...lines.map((l) => ({ name: l.name, type: 'line' as const, data: l.data, symbol: 'none', lineStyle: { width: 1.6 } })),
      ...(previous ? [{ name: previous.name, type: 'line' as const, data: previous.data, symbol: 'none', lineStyle: { width: 1.2, type: 'dashed' as const, color: '#adb5bd' }, itemStyle: { color: '#adb5bd' } }] : []),
    ],
  };
}
