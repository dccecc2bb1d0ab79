import type { PeriodicReport, ResponseRow, StatsCount } from '@lachan/contracts';
import type { DocBlock, DocLang, PrintDocument } from './document.model.ts';
import { COMMON, figure, vnTime } from './document-labels.ts';

const T = {
  vi: {
    title: 'Báo cáo định kỳ hoạt động ứng cứu sự cố an toàn thông tin mạng', form: 'Mẫu số 05 — Thông tư 20/2017/TT-BTTTT (Điều 6)',
    national: 'Toàn quốc', unit: 'Đơn vị báo cáo', period: 'Kỳ báo cáo', half: 'sáu tháng', annual: 'năm', due: 'Hạn gửi', dueH1: 'trước ngày 20 tháng 6',
    dueYear: 'trước ngày 15 tháng 12', recipient: 'Nơi nhận', recipientName: 'Cơ quan điều phối quốc gia về ứng cứu sự cố',
    alerts: 'Cảnh báo tiếp nhận', total: 'Tổng số', occurrences: 'Số lần xuất hiện', bySector: 'Theo lĩnh vực', byClass: 'Theo loại (RSIT)',
    bySeverity: 'Theo mức độ', incidents: 'Sự cố', opened: 'Phát sinh trong kỳ', closed: 'Đã kết thúc', open: 'Đang xử lý', response: 'Thời gian ứng cứu (trung vị, giờ)',
    detect: 'Phát hiện', acknowledge: 'Tiếp nhận', contain: 'Ngăn chặn', resolve: 'Khắc phục', compliance: 'Tuân thủ thời hạn báo cáo', met: 'Đúng hạn', late: 'Trễ hạn',
    overdue: 'Quá hạn', key: 'Mục', count: 'Số cảnh báo', sector: 'Lĩnh vực', nIncidents: 'Số sự cố', unclassified: 'Chưa phân loại', noData: 'Không có số liệu trong kỳ.',
  },
  en: {
    title: 'Periodic report of cybersecurity incident response activity', form: 'Form 05 — Circular 20/2017/TT-BTTTT (Art. 6)',
    national: 'Whole country', unit: 'Reporting unit', period: 'Period', half: 'six-monthly', annual: 'annual', due: 'Due', dueH1: 'before 20 June',
    dueYear: 'before 15 December', recipient: 'To', recipientName: 'National coordinating agency for incident response',
    alerts: 'Alerts received', total: 'Total', occurrences: 'Occurrences', bySector: 'By sector', byClass: 'By class (RSIT)',
    bySeverity: 'By severity', incidents: 'Incidents', opened: 'Opened in the period', closed: 'Closed', open: 'Open', response: 'Response times (median, hours)',
    detect: 'Detect', acknowledge: 'Acknowledge', contain: 'Contain', resolve: 'Resolve', compliance: 'Reporting-deadline compliance', met: 'In time', late: 'Late',
    overdue: 'Overdue', key: 'Item', count: 'Alerts', sector: 'Sector', nIncidents: 'Incidents', unclassified: 'Unclassified', noData: 'No figures in the period.',
  },
};

/** Names the report shows for codes (sectors, RSIT classes), in the document's language. */
export interface PeriodicNames {
  sector: (code: string) => string;
  rsit: (code: string) => string;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number | null, lang: DocLang) => (x === null ? '–' : figure(x, lang));

/**
 * The Circular 20 periodic report (Form 05: six-monthly before 20 June, annual before 15 December) as
 * a printable document: the same figures as the JSON report, for its organisation or the whole country.
 */
export function periodicDocument(r: PeriodicReport, lang: DocLang, names: PeriodicNames): PrintDocument {
  const t = T[lang];
  const c = COMMON[lang];
  const half = r.period.label.includes('-H');
  const counts = (rows: StatsCount[], name: (k: string) => string): DocBlock => ({
    kind: 'table', numeric: true, head: [t.key, t.count, t.occurrences], empty: t.noData,
    rows: rows.map((s) => [s.key ? name(s.key) : t.unclassified, figure(s.alerts, lang), figure(s.occurrences, lang)]),
  });
  const cells = (x: ResponseRow) => [figure(x.incidents, lang), num(x.medianHours.detect, lang), num(x.medianHours.acknowledge, lang), num(x.medianHours.contain, lang),
    num(x.medianHours.resolve, lang), figure(x.deadlines.met, lang), figure(x.deadlines.late, lang), figure(x.deadlines.overdue, lang), pct(x.compliance)];
  const respHead = [t.nIncidents, t.detect, t.acknowledge, t.contain, t.resolve, t.met, t.late, t.overdue, t.compliance];
  return {
    lang, tlp: 'AMBER', tlpNote: c.tlp.AMBER, title: t.title,
    meta: [
      `${t.form} · ${half ? t.half : t.annual} · ${t.due}: ${r.period.label.endsWith('-H1') ? t.dueH1 : t.dueYear}`,
      `${t.unit}: ${r.organisation?.name ?? t.national} · ${t.recipient}: ${t.recipientName}`,
      `${t.period}: ${r.period.from} – ${r.period.to} (${r.period.label})`,
    ],
    blocks: [
      { kind: 'heading', text: t.alerts },
      { kind: 'table', numeric: true, head: [t.total, t.occurrences], rows: [[figure(r.alerts.total, lang), figure(r.alerts.occurrences, lang)]] },
      { kind: 'heading', text: t.bySector }, counts(r.alerts.bySector, names.sector),
      { kind: 'heading', text: t.byClass }, counts(r.alerts.byClass, names.rsit),
      { kind: 'heading', text: t.bySeverity }, counts(r.alerts.bySeverity, (k) => c.severity[Number(k)] ?? k),
      { kind: 'heading', text: t.incidents },
      { kind: 'table', numeric: true, head: [t.opened, t.closed, t.open], rows: [[figure(r.incidents.opened, lang), figure(r.incidents.closed, lang), figure(r.incidents.open, lang)]] },
      { kind: 'heading', text: `${t.response} · ${t.compliance}` },
      { kind: 'table', numeric: true, head: respHead, rows: [cells(r.response)] },
      { kind: 'heading', text: `${t.response} · ${t.bySector}` },
      { kind: 'table', numeric: true, head: [t.sector, ...respHead], rows: r.responseBySector.map((s) => [s.label ?? names.sector(s.key), ...cells(s)]), empty: t.noData },
    ],
    footer: `${c.issuer} · ${c.generated}: ${vnTime(r.generatedAt, lang)}`,
    fileName: `lachan-report-${r.period.label}-${lang}`,
  };
}
