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
export function rollUp(batch: CommittedAlert[]): { daily: DailyDelta[]; hourly: HourlyDelta[] } {
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
  return { daily: [...daily.values()], hourly: [...hourly.values()] };
}
