import type { StatsSeries } from '@lachan/contracts';
import { change } from './statsPeriod.ts';

/** The dimensions the statistics page explores. */
export const STATS_DIMENSIONS = ['sector', 'province', 'class', 'severity', 'format', 'org', 'day'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** The series grouping that answers a dimension (`day`: one series of the whole, read day by day). */
export const groupByOf = (d: StatsDimension) => (d === 'day' ? 'none' : d);

/** One row of the breakdown: this period, the one before (when compared) and the change. */
export interface BreakdownRow {
  key: string;
  label: string | null;
  alerts: number;
  occurrences: number;
  previous: { alerts: number; occurrences: number } | null;
  change: number | null;
}

const totals = (s: StatsSeries['series'][number]) => ({ alerts: s.alerts.reduce((a, b) => a + b, 0), occurrences: s.occurrences.reduce((a, b) => a + b, 0) });

/**
 * Rows of a breakdown from the daily series of the period (and of the previous one): one per group,
 * most alerts first, or for `day` one per day in order. A group seen only before shows with zero now.
 */
export function breakdownRows(dimension: StatsDimension, current: StatsSeries, previous: StatsSeries | null): BreakdownRow[] {
  if (dimension === 'day') {
    const s = current.series[0];
    const p = previous?.series[0];
    return current.days.map((day, i) => {
      const before = previous ? { alerts: p?.alerts[i] ?? 0, occurrences: p?.occurrences[i] ?? 0 } : null;
      const now = { alerts: s?.alerts[i] ?? 0, occurrences: s?.occurrences[i] ?? 0 };
      return { key: day, label: null, ...now, previous: before, change: before ? change(now.alerts, before.alerts) : null };
    });
  }
  const before = new Map((previous?.series ?? []).map((s) => [s.key, { label: s.label, ...totals(s) }]));
  const rows: BreakdownRow[] = current.series.map((s) => {
    const now = totals(s);
    const b = previous ? (before.get(s.key) ?? { alerts: 0, occurrences: 0 }) : null;
    return { key: s.key, label: s.label, ...now, previous: b && { alerts: b.alerts, occurrences: b.occurrences }, change: b ? change(now.alerts, b.alerts) : null };
  });
  const seen = new Set(rows.map((r) => r.key));
  for (const [key, b] of before) {
    if (!seen.has(key) && b.alerts + b.occurrences > 0) rows.push({ key, label: b.label, alerts: 0, occurrences: 0, previous: { alerts: b.alerts, occurrences: b.occurrences }, change: -1 });
  }
  return rows.filter((r) => r.alerts + r.occurrences + (r.previous ? r.previous.alerts + r.previous.occurrences : 0) > 0).sort((a, b) => b.alerts - a.alerts || b.occurrences - a.occurrences);
}

/** Filters the page narrows to, as the statistics API names them. */
export interface StatsFilters {
  sector?: string;
  province?: string;
  rsitClass?: string;
  minSeverity?: number;
  orgId?: string;
}

/** What a row fixes on top of the page's filters, and the days it covers. */
function narrowed(dimension: StatsDimension, key: string, f: StatsFilters, period: { from: string; to: string }) {
  const n = { ...f };
  let { from, to } = period;
  if (dimension === 'sector') n.sector = key;
  if (dimension === 'province') n.province = key;
  if (dimension === 'class') n.rsitClass = key;
  if (dimension === 'severity') n.minSeverity = Number(key);
  if (dimension === 'org') n.orgId = key;
  if (dimension === 'day') from = to = key;
  return { n, from, to };
}

/** The alert stream showing the alerts behind a row (the stream filters by the day events happened). */
export function alertsBehind(dimension: StatsDimension, key: string, f: StatsFilters, period: { from: string; to: string }): string {
  const { n, from, to } = narrowed(dimension, key, f, period);
  const p = new URLSearchParams();
  if (n.minSeverity) p.set('severity', String(n.minSeverity));
  if (dimension === 'format') p.set('format', key);
  if (n.rsitClass !== undefined) p.set('rsit', n.rsitClass);
  if (n.sector) p.set('sector', n.sector);
  if (n.province) p.set('province', n.province);
  if (n.orgId) p.set('org', n.orgId);
  p.set('from', from);
  p.set('to', to);
  return `/alerts?${p}`;
}

/** The incident queue showing the incidents opened in the period behind a row; null for a dimension incidents do not have (format). */
export function incidentsBehind(dimension: StatsDimension, key: string, f: StatsFilters, period: { from: string; to: string }): string | null {
  if (dimension === 'format') return null;
  const { n, from, to } = narrowed(dimension, key, f, period);
  const p = new URLSearchParams();
  if (n.minSeverity) p.set('severity', String(n.minSeverity));
  if (n.rsitClass) p.set('class', n.rsitClass);
  if (n.sector) p.set('sector', n.sector);
  if (n.province) p.set('province', n.province);
  if (n.orgId) p.set('org', n.orgId);
  p.set('from', from);
  p.set('to', to);
  return `/incidents?${p}`;
}

/** The table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese right). */
export function breakdownCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // a leading =, +, - or @ would be run as a formula by a spreadsheet
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
