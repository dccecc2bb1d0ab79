import { forecastDaily } from './forecast.ts';

const Z80 = 1.2816;
/** Days of daily history below which a group has no baseline (and raises nothing). */
export const MIN_HISTORY_DAYS = 7;

/** What one hour of a group is expected to hold, from its daily forecast and its usual hours. */
export interface HourlyBaseline {
  /** The day's expected alerts (the daily forecast's first point). */
  expectedDaily: number;
  /** The daily forecast's standard deviation relative to its mean. */
  sdRel: number;
  /** Each UTC hour's share of a day's alerts (24 values summing to 1). */
  profile: number[];
  /** Overdispersion of hourly counts around their expectation (variance / mean, at least 1). */
  phi: number;
  /** Days of daily history, and of hourly history, the baseline stands on. */
  historyDays: number;
  hourlyDays: number;
}

/** An hour (or the part of it elapsed) that holds more alerts than its usual profile allows. */
export interface HourSignal {
  hour: string;
  fraction: number;
  observed: number;
  expected: number;
  hi: number;
  /** Standard deviations above the expectation. */
  score: number;
}

/**
 * A group's baseline for the day after `lastDay`: the expected day from the daily forecast (so the
 * weekly pattern and trend count), spread over the hours by the share each UTC hour held on recent
 * days (`hourly`: day → 24 counts; uniform when there is none, e.g. history imported as daily counts),
 * with the overdispersion of those hours. Null below MIN_HISTORY_DAYS of history.
 */
export function hourlyBaseline(daily: number[], lastDay: string, hourly: Iterable<number[]>): HourlyBaseline | null {
  if (daily.length < MIN_HISTORY_DAYS) return null;
  const today = forecastDaily(daily, lastDay).points[0]!;
  const days = [...hourly].filter((h) => h.reduce((a, b) => a + b, 0) > 0);
  const sums = Array.from({ length: 24 }, (_, h) => days.reduce((a, d) => a + (d[h] ?? 0), 0));
  const total = sums.reduce((a, b) => a + b, 0);
  // One pseudo-count per hour keeps a never-seen hour from being "impossible".
  const profile = sums.map((s) => (s + 1) / (total + 24));
  let dispersion = 0;
  let n = 0;
  for (const d of days) {
    const dayTotal = d.reduce((a, b) => a + b, 0);
    d.forEach((x, h) => {
      const e = dayTotal * profile[h]!;
      if (e > 0) {
        dispersion += (x - e) ** 2 / e;
        n++;
      }
    });
  }
  return {
    expectedDaily: today.mean,
    sdRel: today.mean > 0 ? (today.hi80 - today.lo80) / (2 * Z80 * today.mean) : 1,
    profile,
    // Without hourly history the hours' spread is unknown: assumed well above Poisson.
    phi: n ? Math.min(100, Math.max(1, dispersion / n)) : 4,
    historyDays: daily.length,
    hourlyDays: days.length,
  };
}

/**
 * Tests the alerts of one hour so far (`fraction` of it elapsed) against the baseline: a signal when
 * they exceed the expectation by `z` standard deviations (Poisson overdispersed by φ, plus the daily
 * forecast's own uncertainty) and by `minExcess` alerts, so a small sector going from 1 to 3 is quiet.
 */
export function checkHour(b: HourlyBaseline, hour: string, observed: number, fraction: number, opts: { z?: number; minExcess?: number } = {}): HourSignal | null {
  const z = opts.z ?? 4;
  const minExcess = opts.minExcess ?? 10;
  const f = Math.min(1, Math.max(1 / 60, fraction));
  const expected = b.expectedDaily * b.profile[new Date(hour).getUTCHours()]! * f;
  const sd = Math.sqrt(b.phi * expected + (b.sdRel * expected) ** 2 + 1);
  const hi = expected + z * sd;
  if (observed <= hi || observed - expected < minExcess) return null;
  return { hour, fraction: f, observed, expected, hi, score: (observed - expected) / sd };
}
