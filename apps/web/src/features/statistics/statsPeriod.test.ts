import { describe, expect, it } from 'vitest';
import { change, daysIn, previousPeriod, statsPeriodOf } from './statsPeriod.ts';

const NOW = Date.parse('2026-12-06T07:30:00Z');
const of = (qs: string) => statsPeriodOf(new URLSearchParams(qs), NOW);

describe('periods of the statistics page', () => {
  it('offers the last 24 hours, hour by hour, over the two days they touch', () => {
    expect(of('period=24h')).toEqual({ preset: '24h', from: '2026-12-05', to: '2026-12-06', hours: 24, days: 2 });
  });
  it('counts days ending today, 30 by default, and a year', () => {
    expect(of('')).toMatchObject({ preset: '30', from: '2026-11-07', to: '2026-12-06', days: 30 });
    expect(of('period=365')).toMatchObject({ from: '2025-12-07', to: '2026-12-06', days: 365 });
    expect(of('period=12')).toMatchObject({ preset: '30' });
  });
  it('takes any range of days, years long included, and refuses a reversed or impossible one', () => {
    expect(of('from=2023-01-01&to=2026-12-06')).toMatchObject({ preset: 'custom', days: daysIn('2023-01-01', '2026-12-06') });
    expect(of('from=2026-12-06&to=2026-01-01')).toMatchObject({ preset: '30' });
    expect(of('from=2026-02-31&to=2026-03-01').preset).toBe('30');
    expect(of('from=yesterday&to=2026-03-01').preset).toBe('30');
  });
  it('compares with the period of the same length just before', () => {
    expect(previousPeriod({ from: '2026-11-07', to: '2026-12-06' })).toEqual({ from: '2026-10-08', to: '2026-11-06' });
    expect(previousPeriod({ from: '2026-12-05', to: '2026-12-06' })).toEqual({ from: '2026-12-03', to: '2026-12-04' });
  });
  it('gives the change as a fraction, none from nothing', () => {
    expect(change(15, 10)).toBe(0.5);
    expect(change(5, 10)).toBe(-0.5);
    expect(change(3, 0)).toBeNull();
  });
});

describe('lines of the trend', async () => {
  const { topLines } = await import('./statsTrend.ts');
  it('keeps the largest lines and sums the rest as one', () => {
    const lines = [{ name: 'a', data: [1, 1] }, { name: 'b', data: [5, 5] }, { name: 'c', data: [2, 0] }, { name: 'd', data: [0, 3] }];
    expect(topLines(lines, 2, 'khác')).toEqual([{ name: 'b', data: [5, 5] }, { name: 'd', data: [0, 3] }, { name: 'khác', data: [3, 1] }]);
    expect(topLines(lines.slice(0, 2), 2, 'khác')).toHaveLength(2);
  });
});
