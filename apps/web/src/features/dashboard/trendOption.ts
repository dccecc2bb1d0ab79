import type { StatsCount } from '@lachan/contracts';
import type { ForecastBand } from './dashboard.api.ts';
import type { ChartOption } from './EChart.tsx';

/** Labels and formatters the trend chart needs from the page (translated, per locale). */
export interface TrendText {
  alerts: string;
  occurrences: string;
  forecast: string;
  band80: string;
  band95: string;
  day: (iso: string) => string;
  number: (n: number) => number | string;
}

const INDIGO = '#4c6ef5';
const GRAY = '#adb5bd';
const BAND = '#4c6ef5';

/**
 * Daily alerts and occurrences, and when a forecast is given, its mean (dashed) inside the 80 % and
 * 95 % intervals drawn as stacked bands (a transparent base at lo, the width hi - lo above it).
 */
export function trendOption(byDay: StatsCount[], text: TrendText, forecast?: ForecastBand | null): ChartOption {
  const last = byDay.at(-1)?.key ?? '';
  const ahead = (forecast?.points ?? []).filter((p) => p.date > last);
  const days = [...byDay.map((d) => d.key), ...ahead.map((p) => p.date)];
  const pad = (n: number) => Array<null>(n).fill(null);
  const fc = (f: (p: ForecastBand['points'][number]) => number) => [...pad(byDay.length), ...ahead.map((p) => Math.max(0, f(p)))];
  const band = (name: string, lo: (p: ForecastBand['points'][number]) => number, hi: (p: ForecastBand['points'][number]) => number, opacity: number) => [
    { name, type: 'line' as const, stack: name, data: fc(lo), lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
    { name, type: 'line' as const, stack: name, data: fc((p) => hi(p) - Math.max(0, lo(p))), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: BAND, opacity }, silent: true, tooltip: { show: false } },
  ];
  return {
    animation: false,
    grid: { left: 44, right: 12, top: 28, bottom: 24 },
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 }, data: [text.alerts, text.occurrences, ...(ahead.length ? [text.forecast] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? String(text.number(v)) : '—') },
    xAxis: { type: 'category', data: days, boundaryGap: false, axisLabel: { formatter: text.day, fontSize: 10, color: '#868e96' }, axisTick: { show: false }, axisLine: { lineStyle: { color: '#dee2e6' } } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f1f3f5' } }, axisLabel: { fontSize: 10, color: '#868e96', formatter: (v: number) => String(text.number(v)) } },
    series: [
      { name: text.occurrences, type: 'line', data: byDay.map((d) => d.occurrences), symbol: 'none', lineStyle: { width: 1, color: GRAY }, itemStyle: { color: GRAY } },
      { name: text.alerts, type: 'line', data: byDay.map((d) => d.alerts), symbol: 'none', lineStyle: { width: 2, color: INDIGO }, itemStyle: { color: INDIGO }, areaStyle: { color: INDIGO, opacity: 0.06 } },
      ...(ahead.length
        ? [
            ...band(text.band95, (p) => p.lo95, (p) => p.hi95, 0.1),
            ...band(text.band80, (p) => p.lo80, (p) => p.hi80, 0.16),
            { name: text.forecast, type: 'line' as const, data: fc((p) => p.mean), symbol: 'none', lineStyle: { width: 2, type: 'dashed' as const, color: INDIGO }, itemStyle: { color: INDIGO } },
          ]
        : []),
    ],
  } as ChartOption;
}

/** One line per group (RSIT class ...) over the period, for sector and province pages. */
export function seriesOption(days: string[], series: { name: string; data: number[] }[], text: Pick<TrendText, 'day' | 'number'>): ChartOption {
  return {
    animation: false,
    grid: { left: 44, right: 12, top: 28, bottom: 24 },
    legend: { top: 0, type: 'scroll', itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? String(text.number(v)) : '—') },
    xAxis: { type: 'category', data: days, boundaryGap: false, axisLabel: { formatter: text.day, fontSize: 10, color: '#868e96' }, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f1f3f5' } }, axisLabel: { fontSize: 10, color: '#868e96' } },
    series: series.map((s) => ({ name: s.name, type: 'line' as const, data: s.data, symbol: 'none', lineStyle: { width: 1.5 } })),
  };
}
