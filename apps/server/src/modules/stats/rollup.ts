import type { CommittedAlert } from '../../common/alert-feed.ts';
import { dayOf, hourOf, statsTime, type EventTimeLimits } from './stats-time.ts';

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
  /** Of its new alerts: how many arrived a day or more late, and how many had an unusable event time. */
  late: number;
  clamped: number;
}

/** One row of the national roll-up: a day, a dimension and one of its values. */
export interface NationalDelta {
  /** '' for the whole country, `sector:<code>` or `province:<code>`. */
  scope: string;
  day: string;
  dim: 'total' | 'sector' | 'province' | 'class' | 'severity' | 'format' | 'arrival';
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

/** One row of the hourly roll-up of the country ('') or one sector (`sector:<code>`), for surge detection. */
export interface NationalHourlyDelta {
  scope: string;
  hour: string;
  alerts: number;
  occurrences: number;
}

/** Everything a group of batches adds to the statistics. */
export interface RollupDeltas {
  daily: DailyDelta[];
  national: NationalDelta[];
  orgs: OrgDelta[];
  hourly: HourlyDelta[];
  nationalHourly: NationalHourlyDelta[];
}

const upsert = <T>(m: Map<string, T>, k: string, make: () => T): T => m.get(k) ?? m.set(k, make()).get(k)!;

/**
 * What committed batches add to the roll-ups, each alert on the day and hour it happened (`statsTime`):
 * a new alert counts once as an alert, and every occurrence (its repeats inside the batch, or a repeat
 * of a stored alert) counts as an occurrence. Late and clamped new alerts are counted apart as well.
 */
export function rollUp(batches: { historical: boolean; alerts: CommittedAlert[] }[], limits: EventTimeLimits): RollupDeltas {
  const daily = new Map<string, DailyDelta>();
  const hourly = new Map<string, HourlyDelta>();
  const national = new Map<string, NationalHourlyDelta>();
  for (const b of batches) {
    for (const a of b.alerts) {
      const t = statsTime(a.eventTime, a.receivedAt, b.historical, limits);
      const day = dayOf(t.at);
      const rsitClass = a.rsitClass ?? '';
      const fresh = a.inserted ? 1 : 0;
      const d = upsert(daily, `${day}|${a.orgId}|${rsitClass}|${a.severity}|${a.format}`, () => ({
        day, orgId: a.orgId, rsitClass, severity: a.severity, format: a.format, sectors: a.sectors, provinceCode: a.provinceCode, alerts: 0, occurrences: 0, late: 0, clamped: 0,
      }));
      d.alerts += fresh;
      d.occurrences += a.occurrences;
      d.late += t.late ? fresh : 0;
      d.clamped += t.clamped ? fresh : 0;
      const hour = hourOf(t.at);
      const h = upsert(hourly, `${hour}|${a.orgId}|${a.severity}`, () => ({ hour, orgId: a.orgId, severity: a.severity, alerts: 0, occurrences: 0 }));
      h.alerts += fresh;
      h.occurrences += a.occurrences;
      for (const scope of ['', ...a.sectors.map((s) => `sector:${s}`)]) {
        const n = upsert(national, `${scope}|${hour}`, () => ({ scope, hour, alerts: 0, occurrences: 0 }));
        n.alerts += fresh;
        n.occurrences += a.occurrences;
      }
    }
  }
  return { ...fromDaily([...daily.values()]), hourly: [...hourly.values()], nationalHourly: [...national.values()] };
}

/**
 * Daily rows merged by their key (one upsert may not touch a row twice: an import's removals and
 * additions of the same day; the later row's sectors stand), with the national and running-total rows they add to.
 */
export function fromDaily(rows: DailyDelta[]): { daily: DailyDelta[]; national: NationalDelta[]; orgs: OrgDelta[] } {
  const merged = new Map<string, DailyDelta>();
  for (const r of rows) {
    const m = upsert(merged, `${r.day}|${r.orgId}|${r.rsitClass}|${r.severity}|${r.format}`, () => ({ ...r, alerts: 0, occurrences: 0, late: 0, clamped: 0 }));
    m.alerts += r.alerts;
    m.occurrences += r.occurrences;
    m.late += r.late;
    m.clamped += r.clamped;
    m.sectors = r.sectors;
  }
  // The national rows from the rows as given: a row moved from one sector to another leaves the first.
  return { daily: [...merged.values()], national: nationalOf(rows), orgs: orgsOf(rows) };
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
      if (d.late) add(scope, d.day, 'arrival', 'late', { ...d, alerts: d.late, occurrences: 0 });
      if (d.clamped) add(scope, d.day, 'arrival', 'clamped', { ...d, alerts: d.clamped, occurrences: 0 });
    }
  }
  return [...out.values()];
}
