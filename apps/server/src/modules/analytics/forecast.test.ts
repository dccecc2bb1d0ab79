import { describe, expect, it } from 'vitest';
import { forecastDaily, mase } from './forecast.ts';
import { detectSurges } from './surge.ts';

/** A seeded weekly-seasonal count series with Poisson-like noise (normal approximation). */
function series(days: number, seed: number, level = 400, opts: { surgeFrom?: number; factor?: number } = {}): number[] {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const weekly = [1.1, 1.12, 1.08, 1.05, 1.0, 0.7, 0.6];
  return Array.from({ length: days }, (_, i) => {
    const lambda = level * weekly[i % 7]! * (opts.surgeFrom !== undefined && i >= opts.surgeFrom ? opts.factor ?? 1 : 1);
    const z = Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  });
}

describe('mase', () => {
  it('scales the mean absolute error by the in-sample seasonal-naive error', () => {
    const training = [1, 2, 3, 4, 5, 6, 7, 3, 4, 5, 6, 7, 8, 9];
    // |y(t) − y(t−7)| = 2 every day, so the scale is 2; errors of 1 and 3 average 2.
    expect(mase([10, 10], [9, 13], training)).toBe(1);
    expect(mase([1], [1], [5, 5, 5, 5, 5, 5, 5, 5])).toBeNull();
  });
});

describe('forecastDaily', () => {
  it('beats last week’s repeat on weekly-seasonal counts, with honest intervals', () => {
    const scores: number[] = [];
    const cover: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const y = series(140, seed);
      const f = forecastDaily(y, '2026-11-20');
      expect(f.points).toHaveLength(14);
      expect(f.points[0]!.date).toBe('2026-11-21');
      scores.push(f.backtest.mase!);
      cover.push(f.backtest.coverage95!);
      for (const p of f.points) expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(scores)).toBeLessThan(0.85);
    expect(avg(cover)).toBeGreaterThan(0.85);
  });

  it('follows the weekly shape: a Saturday forecast below a Tuesday one', () => {
    const f = forecastDaily(series(140, 3), '2026-11-22'); // a Sunday: the series starts on a Monday
    const byDate = new Map(f.points.map((p) => [new Date(`${p.date}T00:00:00Z`).getUTCDay(), p.mean]));
    expect(byDate.get(6)!).toBeLessThan(byDate.get(2)!);
  });

  it('falls back to a flat mean for short or empty histories, and says so', () => {
    expect(forecastDaily([3, 4, 5], '2026-11-20')).toMatchObject({ model: 'mean', note: expect.stringContaining('five weeks') });
    expect(forecastDaily(Array(60).fill(0), '2026-11-20').points.every((p) => p.hi95 === 0)).toBe(true);
  });
});

describe('detectSurges', () => {
  it('finds injected surges and stays quiet on plain noise', () => {
    let found = 0;
    let falseAlarms = 0;
    const trials = 30;
    for (let seed = 1; seed <= trials; seed++) {
      if (detectSurges(series(120, seed, 400, { surgeFrom: 118, factor: 1.8 }), '2026-11-20').length) found++;
      if (detectSurges(series(120, seed + 1000, 400), '2026-11-20').length) falseAlarms++;
    }
    expect(found / trials).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarms / trials).toBeLessThanOrEqual(0.1);
  });

  it('dates a level shift of the last weeks as a change point', () => {
    const signals = detectSurges(series(120, 7, 400, { surgeFrom: 105, factor: 1.35 }), '2026-11-20');
    const cp = signals.find((s) => s.kind === 'change_point');
    expect(cp).toBeDefined();
    expect(cp!.since! >= '2026-11-04' && cp!.since! <= '2026-11-10').toBe(true);
  });

  it('ignores a tiny sector going from 1 to 3 alerts', () => {
    const y = [...Array(60).fill(1), 3, 3, 3];
    expect(detectSurges(y, '2026-11-20')).toEqual([]);
  });
});
