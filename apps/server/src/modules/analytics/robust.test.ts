import { describe, expect, it } from 'vitest';
import { forecastDaily } from './forecast.ts';
import { tameBursts } from './robust.ts';

/** Ten weeks of a steady weekly pattern with a little noise, then a scan wave tripling three days of the last week. */
function withWave(): number[] {
  const weekly = [1100, 1120, 1090, 1060, 1000, 700, 600];
  const y = Array.from({ length: 70 }, (_, i) => weekly[i % 7]! * (1 + 0.04 * Math.sin(i * 2.1)));
  for (const i of [65, 66, 67]) y[i] = y[i]! * 3;
  return y.map(Math.round);
}

describe('bursts', () => {
  it('are pulled back to the usual range for fitting, other days left alone', () => {
    const z = withWave().map(Math.sqrt);
    const tamed = tameBursts(z);
    for (const i of [65, 66, 67]) expect(tamed[i]! ** 2).toBeLessThan(withWave()[i]! / 2);
    expect(tamed.slice(0, 60)).toEqual(z.slice(0, 60));
  });

  it('do not become next week’s forecast: the wave’s weekdays are forecast near their usual level', () => {
    const f = forecastDaily(withWave(), '2026-11-22');
    for (const k of [2, 3, 4]) expect(Math.abs(f.points[k]!.mean / withWave()[56 + k]! - 1)).toBeLessThan(0.1);
    expect(f.model).not.toBe('seasonal_naive');
  });
});
