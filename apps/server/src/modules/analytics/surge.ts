import { forecastHoltWinters, fitHoltWinters } from './holt-winters.ts';
import { PERIOD } from './forecast.ts';

/** Evidence that a sector's (or class's) activity left its usual range. */
export interface SurgeSignal {
  kind: 'outside_interval' | 'change_point';
  date: string;
  observed: number;
  expected: number;
  lo: number;
  hi: number;
  /** How far out: standard deviations on the square-root scale (outside_interval) or the CUSUM statistic. */
  score: number;
  /** For a change point: the first day of the new level. */
  since?: string;
}

export interface SurgeOptions {
  /** Days at the end checked against the forecast made without them. */
  recent?: number;
  /** z of the upper bound (2.576 = 99%). */
  z?: number;
  /** Below this many more than expected a day, nothing is a surge (a sector going from 1 to 3). */
  minExcess?: number;
  /** CUSUM reference (k) and decision threshold (h), in one-step standard deviations. */
  cusumK?: number;
  cusumH?: number;
}

const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

/**
 * Two tests on a daily count series ending on `lastDay`, on the square-root scale:
 * 1. each of the last `recent` days against the upper bound of a Holt-Winters forecast fitted
 *    without them (one-sided, 99% by default), and
 * 2. an upward level shift over the last four weeks by one-sided CUSUM on the standardised one-step
 *    errors (Page, 1954): S = max(0, S + z − k); a signal when S > h, dated from the run's start.
 * A signal needs the observed count to exceed the expectation by `minExcess` too.
 */
export function detectSurges(y: number[], lastDay: string, opts: SurgeOptions = {}): SurgeSignal[] {
  const recent = opts.recent ?? 3;
  const z = opts.z ?? 2.576;
  const minExcess = opts.minExcess ?? 20;
  const k = opts.cusumK ?? 0.5;
  const h = opts.cusumH ?? 5;
  if (y.length < 4 * PERIOD + recent) return [];
  const r = y.map((v) => Math.sqrt(Math.max(0, v)));
  const signals: SurgeSignal[] = [];
  const cut = r.length - recent;
  const fit = fitHoltWinters(r.slice(0, cut), PERIOD);
  const f = forecastHoltWinters(fit, recent);
  for (let i = 0; i < recent; i++) {
    const mu = f.mean[i]!;
    const sd = f.sd[i]!;
    const observed = y[cut + i]!;
    const expected = Math.max(0, mu) ** 2;
    const hi = Math.max(0, mu + z * sd) ** 2;
    if (observed > hi && observed - expected >= minExcess) {
      signals.push({ kind: 'outside_interval', date: addDays(lastDay, i - recent + 1), observed, expected, lo: Math.max(0, mu - z * sd) ** 2, hi, score: sd > 0 ? (Math.sqrt(observed) - mu) / sd : Infinity });
    }
  }
  const window = 4 * PERIOD;
  const base = fitHoltWinters(r.slice(0, r.length - window), PERIOD);
  const sd = Math.sqrt(base.sigma2) || 1;
  let s = 0;
  let start = -1;
  // One-step errors of the fitted level and season, carried forward without learning from the window.
  const ahead = forecastHoltWinters(base, window).mean;
  for (let i = 0; i < window; i++) {
    const t = r.length - window + i;
    const zt = (r[t]! - ahead[i]!) / sd;
    const next = Math.max(0, s + zt - k);
    if (s === 0 && next > 0) start = i;
    s = next;
    if (s > h) {
      const since = r.length - window + start;
      const expected = Math.max(0, ahead[start]!) ** 2;
      const after = y.slice(since);
      const level = after.reduce((a, b) => a + b, 0) / after.length;
      if (level - expected >= minExcess) {
        signals.push({ kind: 'change_point', date: lastDay, observed: level, expected, lo: 0, hi: Math.max(0, ahead[start]! + z * sd) ** 2, score: s, since: addDays(lastDay, since - (y.length - 1)) });
      }
      break;
    }
  }
  return signals;
}
