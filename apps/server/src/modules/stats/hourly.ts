import { sql, type Kysely } from 'kysely';
import type { StatsHourly, StatsHourlyQuery } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

const HOUR_MS = 3_600_000;

/** What the hourly question covers: the caller's organisations (null = all) narrowed to `within` (sector, province). */
export interface HourlyFilter {
  hours: number;
  orgIds: string[] | null;
  within: string[] | null;
  orgId?: string;
  minSeverity?: number;
}

type HourRow = { hour: string; org_id: string; severity: number; alerts: number; occurrences: number };

/** The hourly roll-up (per event hour, organisation and severity) of the last hours, in the caller's scope. */
export async function hourlyRows(db: Kysely<DB>, f: HourlyFilter, fromIso: string): Promise<HourRow[]> {
  const w = [sql`hour >= ${fromIso}::timestamptz`, sql`hour <= now()`];
  if (f.orgIds) w.push(sql`org_id = any(${f.orgIds}::uuid[])`);
  if (f.within) w.push(sql`org_id = any(${f.within}::uuid[])`);
  if (f.orgId) w.push(sql`org_id = ${f.orgId}`);
  if (f.minSeverity) w.push(sql`severity >= ${f.minSeverity}`);
  const r = await sql<HourRow>`select to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') as hour, org_id::text as org_id, severity::int as severity,
      alerts::int as alerts, occurrences::int as occurrences from stats_alerts_hourly where ${sql.join(w, sql` and `)}`.execute(db);
  return r.rows;
}

/** Every hour of the window, quiet ones as zero, with totals and the severity breakdown. */
export function hourlyFigures(rows: HourRow[], q: Required<Pick<StatsHourlyQuery, 'hours'>>, now: Date): StatsHourly {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const first = current - (q.hours - 1) * HOUR_MS;
  const hours = Array.from({ length: q.hours }, (_, i) => new Date(first + i * HOUR_MS).toISOString().replace('.000Z', 'Z'));
  const index = new Map(hours.map((h, i) => [h, i]));
  const alerts = hours.map(() => 0);
  const occurrences = hours.map(() => 0);
  const severity = new Map<string, { key: string; alerts: number; occurrences: number }>();
  const orgs = new Set<string>();
  for (const r of rows) {
    const i = index.get(r.hour);
    if (i === undefined) continue;
    alerts[i]! += r.alerts;
    occurrences[i]! += r.occurrences;
    const s = severity.get(String(r.severity)) ?? severity.set(String(r.severity), { key: String(r.severity), alerts: 0, occurrences: 0 }).get(String(r.severity))!;
    s.alerts += r.alerts;
    s.occurrences += r.occurrences;
    if (r.occurrences > 0) orgs.add(r.org_id);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    from: hours[0]!,
    to: now.toISOString(),
    hours,
    alerts,
    occurrences,
    totals: { alerts: sum(alerts), occurrences: sum(occurrences), organisations: orgs.size },
    bySeverity: [...severity.values()].sort((a, b) => Number(b.key) - Number(a.key)),
  };
}

/** Start of the window asked for, an hour boundary. */
export const hourlyStart = (hours: number, now: Date): string => new Date((Math.floor(now.getTime() / HOUR_MS) - (hours - 1)) * HOUR_MS).toISOString();
