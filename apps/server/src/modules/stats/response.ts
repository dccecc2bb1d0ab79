import type { ResponseRow } from '@lachan/contracts';
import type { ComputedDeadline } from '../incidents/index.ts';
import type { IncidentTimes } from './response.repository.ts';

const HOUR = 3_600_000;

/** The median of the values present, or null. */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const hours = (from: Date | null, to: Date | null) => (from && to && to >= from ? (to.getTime() - from.getTime()) / HOUR : null);
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * One group's response figures. Time to detect: occurrence (stated, or the earliest alert's event) to
 * discovery (stated, or the incident's opening from alerts); to acknowledge, contain and resolve: from the
 * incident's opening to its first acknowledgement, containment and closing.
 */
export function responseRow(key: string, label: string | null, incidents: { inc: IncidentTimes; deadlines: ComputedDeadline[] }[]): ResponseRow {
  const pick = (f: (i: IncidentTimes) => number | null) => round(median(incidents.map((x) => f(x.inc)).filter((v): v is number => v !== null)));
  const d = { met: 0, late: 0, overdue: 0, open: 0 };
  for (const x of incidents) {
    for (const dl of x.deadlines) {
      if (dl.state === 'met') d.met++;
      else if (dl.state === 'met_late') d.late++;
      else if (dl.state === 'overdue') d.overdue++;
      else d.open++;
    }
  }
  const due = d.met + d.late + d.overdue;
  return {
    key, label, incidents: incidents.length,
    medianHours: {
      // an incident opened from alerts states no times: its alerts tell when it happened, its opening when it was detected
      detect: pick((i) => hours(i.occurred_at ?? i.first_event_at ?? null, i.discovered_at ?? (i.first_event_at ? i.created_at : null))),
      acknowledge: pick((i) => hours(i.created_at, i.acknowledged_at)),
      contain: pick((i) => hours(i.created_at, i.contained_at)),
      resolve: pick((i) => hours(i.created_at, i.closed_at)),
    },
    deadlines: d,
    compliance: due ? Math.round((d.met / due) * 1000) / 1000 : null,
  };
}
