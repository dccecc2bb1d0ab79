import { describe, expect, it } from 'vitest';
import { scoreSector, seasonalNaive } from './score.ts';
import { sectorTraffic } from './traffic.ts';

describe('forecast bench scoring', () => {
  it('repeats the last week and scores a window against it', () => {
    const training = [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8];
    expect(seasonalNaive(training, 9)).toEqual([2, 3, 4, 5, 6, 7, 8, 2, 3]);
    const actual = [3, 4];
    // Scale |y(t) − y(t−7)| = 1; the repeat errs by 1 a day, the forecast by 0.5: ratio 0.5.
    expect(scoreSector([{ training, actual, forecast: [2.5, 3.5], oracle: [3, 4] }])).toMatchObject({ mase: 0.5, naive: 1, oracle: 0, ratio: 0.5 });
  });

  it('generates traffic with a weekly shape, bursts and noise, the same for the same seed', () => {
    const a = sectorTraffic('BANKING', new Date(Date.UTC(2026, 0, 5)), 140, 7);
    expect(sectorTraffic('BANKING', new Date(Date.UTC(2026, 0, 5)), 140, 7)).toEqual(a);
    const weekday = (d: number) => a.level.filter((_, i) => i % 7 === d).reduce((x, y) => x + y, 0);
    expect(weekday(6)).toBeLessThan(weekday(1) * 0.9); // Sundays quieter than Tuesdays
    const bursts = a.counts.filter((c, i) => c > a.level[i]! * 1.4).length;
    expect(bursts).toBeGreaterThan(0);
    expect(bursts).toBeLessThan(30);
  });
});
