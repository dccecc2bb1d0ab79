import { describe, expect, it } from 'vitest';
import { checkHour, hourlyBaseline } from './surge-hourly.ts';

/** A seeded day: weekly level, a working-hours profile (UTC+7 office hours), Poisson-like noise. */
function rand(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const SHAPE = Array.from({ length: 24 }, (_, h) => (h >= 1 && h <= 11 ? 3 : 1));
const SHARE = SHAPE.map((x) => x / SHAPE.reduce((a, b) => a + b, 0));
function history(days: number, level: number, seed: number) {
  const r = rand(seed);
  const noisy = (l: number) => Math.max(0, Math.round(l + Math.sqrt(l) * Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r())));
  const hourly = Array.from({ length: days }, () => SHARE.map((p) => noisy(level * p)));
  return { daily: hourly.map((d) => d.reduce((a, b) => a + b, 0)), hourly };
}

describe('hourly surges', () => {
  it('learns the hours’ shares and expects a busy office hour to hold more than a night hour', () => {
    const h = history(28, 2400, 1);
    const b = hourlyBaseline(h.daily, '2026-11-20', h.hourly)!;
    expect(b.hourlyDays).toBe(28);
    expect(b.profile[3]! / b.profile[20]!).toBeGreaterThan(2.5);
    expect(b.expectedDaily).toBeGreaterThan(2000);
    expect(b.expectedDaily).toBeLessThan(2800);
  });

  it('raises an hour three times its usual so far, and not an ordinary one, over many trials', () => {
    let found = 0;
    let falseAlarms = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const h = history(28, 2400, seed);
      const b = hourlyBaseline(h.daily, '2026-11-20', h.hourly)!;
      const usual = 2400 * SHARE[4]!;
      const [normal] = history(1, 2400, seed + 500).hourly;
      if (checkHour(b, '2026-11-21T04:00:00.000Z', usual * 3 * 0.5, 0.5)) found++;
      if (checkHour(b, '2026-11-21T04:00:00.000Z', normal![4]!, 1)) falseAlarms++;
    }
    expect(found).toBe(40);
    expect(falseAlarms).toBe(0);
  });

  it('judges the hour so far against the part of the hour elapsed', () => {
    const h = history(28, 2400, 3);
    const b = hourlyBaseline(h.daily, '2026-11-20', h.hourly)!;
    const usual = 2400 * SHARE[4]!;
    // A full hour's usual count after ten minutes is a surge; the same count at the end of the hour is not.
    expect(checkHour(b, '2026-11-21T04:00:00.000Z', usual, 1 / 6)).not.toBeNull();
    expect(checkHour(b, '2026-11-21T04:00:00.000Z', usual, 1)).toBeNull();
  });

  it('keeps a small sector going from 1 to 3 quiet, and needs a week of history', () => {
    const h = history(28, 24, 5);
    const b = hourlyBaseline(h.daily, '2026-11-20', h.hourly)!;
    expect(checkHour(b, '2026-11-21T04:00:00.000Z', 3, 1)).toBeNull();
    expect(hourlyBaseline(h.daily.slice(0, 6), '2026-11-20', h.hourly.slice(0, 6))).toBeNull();
  });

  it('spreads a day over the hours evenly, with a wide spread, when only daily counts were imported', () => {
    const b = hourlyBaseline(Array(30).fill(2400), '2026-11-20', [])!;
    expect(b.profile.every((p) => Math.abs(p - 1 / 24) < 1e-9)).toBe(true);
    expect(b.hourlyDays).toBe(0);
    expect(checkHour(b, '2026-11-21T04:00:00.000Z', 300, 1)).not.toBeNull();
    expect(checkHour(b, '2026-11-21T04:00:00.000Z', 130, 1)).toBeNull();
  });
});
