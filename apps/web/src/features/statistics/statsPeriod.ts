/** Ready-made periods of the statistics page: the last 24 hours, or days ending today (a year: 365). */
export const STATS_PRESETS = ['24h', '7', '30', '90', '365'] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];

const DAY_MS = 86_400_000;
/** A real calendar day (no 31 February: the server refuses one). */
const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().slice(0, 10) === v;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A period of the statistics: UTC days like the roll-ups (`from`..`to`, both included), and for the
 * last 24 hours also `hours` (the trend and totals then come hour by hour; the breakdowns cover the
 * two calendar days the 24 hours touch, which the page says).
 */
export interface StatsPeriod {
  preset: StatsPreset | 'custom';
  from: string;
  to: string;
  hours: number | null;
  days: number;
}

/** The period an address asks for: `?period=24h|7|30|90|365` (default 30) or `?from=&to=` (any range, years included). */
export function statsPeriodOf(params: URLSearchParams, now = Date.now()): StatsPeriod {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { preset: 'custom', from, to, hours: null, days: daysIn(from, to) };
  const asked = params.get('period');
  const preset = (STATS_PRESETS as readonly string[]).includes(asked ?? '') ? (asked as StatsPreset) : '30';
  const end = dayOf(now);
  if (preset === '24h') return { preset, from: dayOf(now - DAY_MS), to: end, hours: 24, days: 2 };
  const n = Number(preset);
  return { preset, from: dayOf(Date.parse(end) - (n - 1) * DAY_MS), to: end, hours: null, days: n };
}

/** Days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
}

/** The period of the same length just before (for comparisons): 30 days before the last 30 days. */
export function previousPeriod(p: Pick<StatsPeriod, 'from' | 'to'>): { from: string; to: string } {
  const n = daysIn(p.from, p.to);
  const to = dayOf(Date.parse(p.from) - DAY_MS);
  return { from: dayOf(Date.parse(to) - (n - 1) * DAY_MS), to };
}

/** Change from `before` to `now` as a fraction (0.5 = +50 %); null when there was nothing before. */
export function change(now: number, before: number): number | null {
  if (before === 0) return null;
  return (now - before) / before;
}
