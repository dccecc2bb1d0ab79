import type { StatsQuery } from '@lachan/contracts';

/** Ready-made periods of the picker, in days ending today; 1 is the last 24 hours (the two calendar days they touch). */
export const PERIOD_PRESETS = [1, 7, 30, 90, 180] as const;
const DAY_MS = 86_400_000;

const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** The period an address asks for: `?from=&to=` (custom) or `?days=` (default 30), as UTC days like the roll-ups. */
export function periodOf(params: URLSearchParams, now = Date.now()): { from: string; to: string; days: number | null } {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { from, to, days: null };
  const days = Number(params.get('days'));
  const n = (PERIOD_PRESETS as readonly number[]).includes(days) ? days : 30;
  const end = new Date(now).toISOString().slice(0, 10);
  const span = n === 1 ? 2 : n;
  return { from: new Date(Date.parse(end) - (span - 1) * DAY_MS).toISOString().slice(0, 10), to: end, days: n };
}

/** The alert stream's address showing the alerts behind a figure (its filters kept in the URL). */
export function alertsLink(f: Pick<StatsQuery, 'sector' | 'province' | 'orgId' | 'rsitClass' | 'minSeverity'>): string {
  const p = new URLSearchParams();
  if (f.minSeverity) p.set('severity', String(f.minSeverity));
  if (f.rsitClass) p.set('rsit', f.rsitClass);
  if (f.sector) p.set('sector', f.sector);
  if (f.province) p.set('province', f.province);
  if (f.orgId) p.set('org', f.orgId);
  const qs = p.toString();
  return `/alerts${qs ? `?${qs}` : ''}`;
}

/** The address of a sector or province page, keeping the period the user chose. */
export function scopeLink(kind: 'sector' | 'province', code: string, params: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const k of ['days', 'from', 'to']) if (params.get(k)) keep.set(k, params.get(k)!);
  const qs = keep.toString();
  return `/dashboard/${kind}/${encodeURIComponent(code)}${qs ? `?${qs}` : ''}`;
}
