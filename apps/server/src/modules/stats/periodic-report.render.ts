import type { PeriodicReport, ResponseRow, StatsCount } from '@lachan/contracts';
import { toCsv } from './stats-format.ts';

const T = {
  vi: {
    title: 'Báo cáo định kỳ hoạt động ứng cứu sự cố an toàn thông tin mạng', basis: 'Theo Thông tư 20/2017/TT-BTTTT', national: 'Toàn quốc', period: 'Kỳ báo cáo',
    generated: 'Lập lúc', alerts: 'Cảnh báo tiếp nhận', total: 'Tổng số', occurrences: 'Số lần xuất hiện', bySector: 'Theo lĩnh vực', byClass: 'Theo loại (RSIT)',
    bySeverity: 'Theo mức độ', incidents: 'Sự cố', opened: 'Phát sinh trong kỳ', closed: 'Đã kết thúc', open: 'Đang xử lý', response: 'Thời gian ứng cứu (trung vị, giờ)',
    detect: 'Phát hiện', acknowledge: 'Tiếp nhận', contain: 'Ngăn chặn', resolve: 'Khắc phục', compliance: 'Tuân thủ thời hạn báo cáo', met: 'Đúng hạn', late: 'Trễ hạn',
    overdue: 'Quá hạn', key: 'Mục', count: 'Số cảnh báo', sector: 'Lĩnh vực', nIncidents: 'Số sự cố',
  },
  en: {
    title: 'Periodic report of cybersecurity incident response activity', basis: 'Under Circular 20/2017/TT-BTTTT', national: 'Whole country', period: 'Period',
    generated: 'Generated', alerts: 'Alerts received', total: 'Total', occurrences: 'Occurrences', bySector: 'By sector', byClass: 'By class (RSIT)',
    bySeverity: 'By severity', incidents: 'Incidents', opened: 'Opened in the period', closed: 'Closed', open: 'Open', response: 'Response times (median, hours)',
    detect: 'Detect', acknowledge: 'Acknowledge', contain: 'Contain', resolve: 'Resolve', compliance: 'Reporting-deadline compliance', met: 'In time', late: 'Late',
    overdue: 'Overdue', key: 'Item', count: 'Alerts', sector: 'Sector', nIncidents: 'Incidents',
  },
};

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number | null) => (x === null ? '–' : String(x));
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const counts = (t: typeof T.vi, rows: StatsCount[]) => table([t.key, t.count, t.occurrences], rows.map((r) => [r.key || '–', r.alerts, r.occurrences]));
const responseCells = (r: ResponseRow) => [r.incidents, num(r.medianHours.detect), num(r.medianHours.acknowledge), num(r.medianHours.contain), num(r.medianHours.resolve), r.deadlines.met, r.deadlines.late, r.deadlines.overdue, pct(r.compliance)];

/** A self-contained printable HTML document (no scripts, no external resources). */
export function renderReportHtml(r: PeriodicReport, lang: 'vi' | 'en'): string {
  const t = T[lang];
  const respHead = [t.nIncidents, t.detect, t.acknowledge, t.contain, t.resolve, t.met, t.late, t.overdue, t.compliance];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} ${esc(r.period.label)}</title>
<style>body{font:11pt/1.45 "Noto Sans","Segoe UI",Arial,sans-serif;color:#1a1b1e;margin:2cm}h1{font-size:16pt;margin:0 0 4pt}h2{font-size:12pt;margin:18pt 0 6pt;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #ccc;padding:3pt 6pt;text-align:left}td:not(:first-child){text-align:right}th{background:#f1f3f5}
.meta{color:#555}@media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}}</style></head><body>
<h1>${esc(t.title)}</h1><div class="meta">${esc(t.basis)} · ${esc(r.organisation?.name ?? t.national)} · ${esc(t.period)}: ${esc(r.period.from)} – ${esc(r.period.to)} (${esc(r.period.label)}) · ${esc(t.generated)}: ${esc(r.generatedAt)}</div>
<h2>${esc(t.alerts)}</h2>${table([t.total, t.occurrences], [[r.alerts.total, r.alerts.occurrences]])}
<h2>${esc(t.bySector)}</h2>${counts(t, r.alerts.bySector)}<h2>${esc(t.byClass)}</h2>${counts(t, r.alerts.byClass)}<h2>${esc(t.bySeverity)}</h2>${counts(t, r.alerts.bySeverity)}
<h2>${esc(t.incidents)}</h2>${table([t.opened, t.closed, t.open], [[r.incidents.opened, r.incidents.closed, r.incidents.open]])}
<h2>${esc(t.response)} · ${esc(t.compliance)}</h2>${table(respHead, [responseCells(r.response)])}
<h2>${esc(t.response)} · ${esc(t.bySector)}</h2>${table([t.sector, ...respHead], r.responseBySector.map((s) => [s.key, ...responseCells(s)]))}
</body></html>`;
}

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
