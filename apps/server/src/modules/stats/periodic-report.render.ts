import type { PeriodicReport } from '@lachan/contracts';
import { toCsv } from './stats-format.ts';

const num = (x: number | null) => (x === null ? '–' : String(x));

/** The same report as CSV rows: section, item, value. */
export function renderReportCsv(r: PeriodicReport): string {
  const rows: (string | number)[][] = [
    ['period', r.period.label, `${r.period.from}..${r.period.to}`], ['organisation', r.organisation?.name ?? 'national', ''],
    ['alerts', 'total', r.alerts.total], ['alerts', 'occurrences', r.alerts.occurrences],
    ...r.alerts.bySector.map((s) => ['alerts by sector', s.key, s.alerts]), ...r.alerts.byClass.map((s) => ['alerts by class', s.key || '-', s.alerts]),
    ...r.alerts.bySeverity.map((s) => ['alerts by severity', s.key, s.alerts]),
    ['incidents', 'opened', r.incidents.opened], ['incidents', 'closed', r.incidents.closed], ['incidents', 'open', r.incidents.open],
    ['response', 'median hours to detect', num(r.response.medianHours.detect)], ['response', 'median hours to acknowledge', num(r.response.medianHours.acknowledge)],
    ['response', 'median hours to contain', num(r.response.medianHours.contain)], ['response', 'median hours to resolve', num(r.response.medianHours.resolve)],
    ['reporting deadlines', 'met', r.response.deadlines.met], ['reporting deadlines', 'late', r.response.deadlines.late], ['reporting deadlines', 'overdue', r.response.deadlines.overdue],
    ['reporting deadlines', 'compliance', r.response.compliance ?? ''],
  ];
  return toCsv(['section', 'item', 'value'], rows);
}
