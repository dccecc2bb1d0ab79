import { describe, expect, it } from 'vitest';
import { trendOption, type TrendText } from './trendOption.ts';

const text: TrendText = { alerts: 'A', occurrences: 'O', forecast: 'F', band80: 'B80', band95: 'B95', day: (d) => d, number: (n) => n };
const byDay = [
  { key: '2026-11-20', alerts: 2, occurrences: 5 },
  { key: '2026-11-21', alerts: 3, occurrences: 4 },
];
type Series = { name: string; data: (number | null)[] };

describe('the trend chart', () => {
  it('draws history alone when there is no forecast', () => {
    const o = trendOption(byDay, text, null);
    expect((o.series as Series[]).map((s) => s.name)).toEqual(['O', 'A']);
    expect((o.xAxis as { data: string[] }).data).toEqual(['2026-11-20', '2026-11-21']);
  });

  it('extends the axis with the days ahead and stacks each interval as a base plus its width', () => {
    const points = [
      { date: '2026-11-21', mean: 3, lo80: 2, hi80: 4, lo95: 1, hi95: 5 },
      { date: '2026-11-22', mean: 4, lo80: 3, hi80: 6, lo95: -1, hi95: 8 },
    ];
    const o = trendOption(byDay, text, { model: 'holt_winters', points, backtest: { mase: 0.8 } });
    expect((o.xAxis as { data: string[] }).data).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    const series = o.series as Series[];
    const b95 = series.filter((s) => s.name === 'B95');
    expect(b95.map((s) => s.data)).toEqual([[null, null, 0], [null, null, 8]]);
    expect(series.find((s) => s.name === 'F')!.data).toEqual([null, null, 4]);
  });
});
