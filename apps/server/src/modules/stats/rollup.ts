import type { CommittedAlert } from '../../core/alert-feed.ts';

/** One row of the daily roll-up, as added by a batch. */
export interface DailyDelta {
  day: string;
  orgId: string;
  rsitClass: string;
  severity: number;
  format: string;
  sectors: string[];
  provinceCode: string | null;
  alerts: number;
  occurrences: number;
}

/** One row of the national roll-up: a day, a dimension and one of its values. */
export interface NationalDelta {
  /** '' for the whole country, `sector:<code>` or `province:<code>`. */
  scope: string;
  day: string;
  dim: 'total' | 'sector' | 'province' | 'class' | 'severity' | 'format';
  key: string;
  alerts: number;
  occurrences: number;
}

/** What a batch adds to an organisation's running totals in one scope, on one day. */
export interface OrgDelta {
  scope: string;
  orgId: string;
  day: string;
  alerts: number;
  occurrences: number;
}

/** One row of the hourly roll-up, as added by a batch. */
export interface HourlyDelta {
  hour: string;
  orgId: string;
  severity: number;
  alerts: number;
  occurrences: number;
}

/**
 * What a committed batch adds to the roll-ups: a new alert counts once as an alert, and every
 * occurrence (its repeats inside the batch, or a repeat of a stored alert) counts as an occurrence.
 */
export function rollUp(batch: CommittedAlert[]): { daily: DailyDelta[]; national: NationalDelta[]; orgs: OrgDelta[]; hourly: HourlyDelta[] } {
  const daily = new Map<string, DailyDelta>();
  const hourly = new Map<string, HourlyDelta>();
  for (const a of batch) {
    const rsitClass = a.rsitClass ?? '';
    const dk = `${a.day}|${a.orgId}|${rsitClass}|${a.severity}|${a.format}`;
    const d = daily.get(dk) ?? daily.set(dk, { day: a.day, orgId: a.orgId, rsitClass, severity: a.severity, format: a.format, sectors: a.sectors, provinceCode: a.provinceCode, alerts: 0, occurrences: 0 }).get(dk)!;
    d.alerts += a.inserted ? 1 : 0;
    d.occurrences += a.occurrences;
    const hour = `${a.receivedAt.slice(0, 13)}:00:00Z`;
    const hk = `${hour}|${a.orgId}|${a.severity}`;
    const h = hourly.get(hk) ?? hourly.set(hk, { hour, orgId: a.orgId, severity: a.severity, alerts: 0, occurrences: 0 }).get(hk)!;
    h.alerts += a.inserted ? 1 : 0;
    h.occurrences += a.occurrences;
  }
  const rows = [...daily.values()];
  return { daily: rows, national: nationalOf(rows), orgs: orgsOf(rows), hourly: [...hourly.values()] };
}

const scopesOf = (d: DailyDelta) => ['', ...d.sectors.map((s) => `sector:${s}`), ...(d.provinceCode ? [`province:${d.provinceCode}`] : [])];

/** Each organisation's additions per scope and day. */
function orgsOf(daily: DailyDelta[]): OrgDelta[] {
  const out = new Map<string, OrgDelta>();
  for (const d of daily) {
    for (const scope of scopesOf(d)) {
      const k = `${scope}|${d.orgId}|${d.day}`;
      const row = out.get(k) ?? out.set(k, { scope, orgId: d.orgId, day: d.day, alerts: 0, occurrences: 0 }).get(k)!;
      row.alerts += d.alerts;
      row.occurrences += d.occurrences;
    }
  }
  return [...out.values()];
}

/**
 * The national rows a batch's daily rows add to, for the country and for the sectors and province of
 * each row: each dimension summed apart (a sector counts each of its organisations).
 */
function nationalOf(daily: DailyDelta[]): NationalDelta[] {
  const out = new Map<string, NationalDelta>();
  const add = (scope: string, day: string, dim: NationalDelta['dim'], key: string, d: DailyDelta) => {
    const k = `${scope}|${day}|${dim}|${key}`;
    const row = out.get(k) ?? out.set(k, { scope, day, dim, key, alerts: 0, occurrences: 0 }).get(k)!;
    row.alerts += d.alerts;
    row.occurrences += d.occurrences;
  };
  for (const d of daily) {
    for (const scope of scopesOf(d)) {
      add(scope, d.day, 'total', '', d);
      add(scope, d.day, 'province', d.provinceCode ?? '', d);
      add(scope, d.day, 'class', d.rsitClass, d);
      add(scope, d.day, 'severity', String(d.severity), d);
      add(scope, d.day, 'format', d.format, d);
      for (const s of d.sectors) add(scope, d.day, 'sector', s, d);
    }
  }
  return [...out.values()];
}
