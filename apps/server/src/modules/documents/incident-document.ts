import type { IncidentDetail, IncidentTask } from '@lachan/contracts';
import type { DocBlock, DocLang, PrintDocument } from './document.model.ts';
import { COMMON, RSIT_CLASS, hours, recipientsText, vnTime } from './document-labels.ts';

const T = {
  vi: {
    title: 'Báo cáo sự cố', basis: 'Theo Thông tư 20/2017/TT-BTTTT về điều phối, ứng cứu sự cố', general: 'Thông tin chung', reference: 'Mã sự cố', name: 'Tên sự cố',
    owner: 'Đơn vị chủ quản', status: 'Trạng thái', severity: 'Mức độ', serious: 'Sự cố nghiêm trọng (QĐ 05/2017)', category: 'Phân loại (RSIT)', personal: 'Liên quan dữ liệu cá nhân',
    beyond: 'Vượt quá khả năng xử lý', discovered: 'Thời điểm phát hiện', occurred: 'Thời điểm xảy ra', opened: 'Thời điểm mở', description: 'Mô tả', noDescription: 'Chưa có mô tả.',
    system: 'Hệ thống bị ảnh hưởng', sysName: 'Tên hệ thống', sysOwner: 'Chủ quản', sysOperator: 'Đơn vị vận hành', level: 'Cấp độ an toàn', fn: 'Loại chức năng', location: 'Địa chỉ IP, tên miền, vị trí',
    scope: 'Phạm vi và ảnh hưởng', orgs: 'Tổ chức bị ảnh hưởng', assets: 'Tài sản bị ảnh hưởng', iocs: 'Dấu hiệu nhận biết (IOC)', type: 'Loại', value: 'Giá trị',
    matched: 'Chỉ báo trong cơ sở tri thức đã khớp', attack: 'Kỹ thuật ATT&CK', response: 'Quá trình ứng cứu', acknowledged: 'Tiếp nhận', contained: 'Ngăn chặn', eradicated: 'Loại bỏ',
    recovered: 'Khôi phục', ended: 'Kết thúc ứng phó', closed: 'Đóng', times: 'Thời gian ứng cứu', ttd: 'Đến khi phát hiện', tta: 'Đến khi tiếp nhận', ttc: 'Đến khi ngăn chặn', ttr: 'Đến khi khắc phục',
    deadlines: 'Thời hạn báo cáo', kind: 'Loại báo cáo', recipients: 'Nơi nhận', due: 'Hạn', state: 'Tình trạng', metAt: 'Đã gửi', tasks: 'Nhiệm vụ', task: 'Nhiệm vụ',
    alerts: 'Cảnh báo thuộc sự cố', alert: 'Cảnh báo', occurrences: 'Số lần', lastSeen: 'Gần nhất', noneYet: 'Chưa có.', alertsMore: 'Hiển thị {n} cảnh báo gần nhất.',
    statuses: { new: 'Mới', triage: 'Sàng lọc', containment: 'Ngăn chặn', eradication: 'Loại bỏ', recovery: 'Khôi phục', closed: 'Đã đóng', rejected: 'Bác bỏ' },
    kinds: { notification: 'Thông báo sự cố', update: 'Cập nhật', initial: 'Báo cáo ban đầu', final: 'Báo cáo kết thúc' },
    states: { pending: 'Chưa đến hạn', due: 'Sắp đến hạn', overdue: 'Quá hạn', met: 'Đúng hạn', met_late: 'Trễ hạn' },
    taskStatuses: { open: 'Chưa làm', in_progress: 'Đang làm', done: 'Hoàn thành', cancelled: 'Đã hủy' },
    from: 'từ', on: 'trên', alertsN: 'cảnh báo', rules: { 'Critical alert': 'Cảnh báo nghiêm trọng', 'Brute-force burst': 'Dò mật khẩu dồn dập' } as Record<string, string>,
  },
  en: {
    title: 'Incident report', basis: 'Under Circular 20/2017/TT-BTTTT on incident response coordination', general: 'General', reference: 'Reference', name: 'Title',
    owner: 'Owner organisation', status: 'Status', severity: 'Severity', serious: 'Serious incident (Decision 05/2017)', category: 'Category (RSIT)', personal: 'Personal data involved',
    beyond: 'Beyond the operator’s capacity', discovered: 'Discovered', occurred: 'Occurred', opened: 'Opened', description: 'Description', noDescription: 'No description yet.',
    system: 'Affected system', sysName: 'System', sysOwner: 'Owner', sysOperator: 'Operator', level: 'Security level', fn: 'Function type', location: 'IP address, domain, location',
    scope: 'Scope and impact', orgs: 'Affected organisations', assets: 'Affected assets', iocs: 'Indicators of compromise', type: 'Type', value: 'Value',
    matched: 'Knowledge-base indicators matched', attack: 'ATT&CK techniques', response: 'Response', acknowledged: 'Acknowledged', contained: 'Contained', eradicated: 'Eradicated',
    recovered: 'Recovered', ended: 'Response ended', closed: 'Closed', times: 'Response times', ttd: 'To detect', tta: 'To acknowledge', ttc: 'To contain', ttr: 'To resolve',
    deadlines: 'Reporting deadlines', kind: 'Report', recipients: 'To', due: 'Due', state: 'State', metAt: 'Filed', tasks: 'Tasks', task: 'Task',
    alerts: 'Alerts of the incident', alert: 'Alert', occurrences: 'Occurrences', lastSeen: 'Last seen', noneYet: 'None yet.', alertsMore: 'The {n} latest alerts are shown.',
    statuses: { new: 'New', triage: 'Triage', containment: 'Containment', eradication: 'Eradication', recovery: 'Recovery', closed: 'Closed', rejected: 'Rejected' },
    kinds: { notification: 'Notification', update: 'Update', initial: 'Initial report', final: 'Final report' },
    states: { pending: 'Pending', due: 'Due soon', overdue: 'Overdue', met: 'In time', met_late: 'Late' },
    taskStatuses: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
    from: 'from', on: 'on', alertsN: 'alerts', rules: {} as Record<string, string>,
  },
};

const MAX_ALERTS = 50;

/** Observables or matched indicators as one table of type and value (the two lists the report shows alike). */
function typeValueTable(t: (typeof T)[DocLang], items: { type: string; value: string }[]): DocBlock {
  return { kind: 'table', head: [t.type, t.value], rows: items.map((x) => [x.type, x.value]), empty: t.noneYet };
}

/** A title the server made (code and parameters) worded in the document's language, as the console does. */
export function incidentTitle(i: Pick<IncidentDetail, 'title' | 'titleCode' | 'titleParams'>, lang: DocLang): string {
  const t = T[lang];
  const p = i.titleParams ?? {};
  if (i.titleCode !== 'promoted' && i.titleCode !== 'alerts') return i.title;
  const what = p.signature ?? (i.titleCode === 'promoted' ? (p.rule && (t.rules[p.rule] ?? p.rule)) : `${p.count ?? 0} ${t.alertsN}`);
  if (!what) return i.title;
  return [what, p.attacker && `${t.from} ${p.attacker}`, p.asset && `${t.on} ${p.asset}`].filter(Boolean).join(' ');
}

/**
 * The incident report (the Circular 20 field set: reporting unit, affected system, times, category,
 * description, scope, indicators, actions, deadlines) of an incident the reader may open, with only
 * what the API shows that reader; marked with the incident's TLP.
 */
export function incidentDocument(i: IncidentDetail, tasks: IncidentTask[], lang: DocLang, generatedAt: string): PrintDocument {
  const t = T[lang];
  const c = COMMON[lang];
  const yn = (b: boolean) => (b ? c.yes : c.no);
  const time = (s: string | null) => vnTime(s, lang);
  const category = i.rsitClass ? [RSIT_CLASS[lang][i.rsitClass] ?? i.rsitClass, i.rsitType].filter(Boolean).join(' / ') : '–';
  const s = i.affectedSystem;
  const blocks: DocBlock[] = [
    { kind: 'heading', text: t.general },
    { kind: 'fields', rows: [
      [t.reference, i.reference], [t.name, incidentTitle(i, lang)], [t.owner, i.orgName], [t.status, t.statuses[i.status]], [t.severity, c.severity[i.severity] ?? String(i.severity)],
      ['TLP', i.tlp], [t.serious, yn(i.serious)], [t.category, category], [t.personal, yn(i.personalData)], [t.beyond, yn(i.beyondCapacity)],
      [t.discovered, time(i.discoveredAt)], [t.occurred, time(i.occurredAt)], [t.opened, time(i.createdAt)],
    ] },
    { kind: 'heading', text: t.description },
    { kind: 'paragraph', text: i.description.trim() || t.noDescription },
  ];
  if (s) {
    blocks.push({ kind: 'heading', text: t.system }, { kind: 'fields', rows: [
      [t.sysName, s.name], [t.sysOwner, s.owner ?? '–'], [t.sysOperator, s.operator ?? '–'], [t.level, s.securityLevel ? String(s.securityLevel) : '–'],
      [t.fn, s.functionType ?? '–'], [t.location, s.location ?? '–'],
    ] });
  }
  blocks.push(
    { kind: 'heading', text: t.scope },
    { kind: 'fields', rows: [[t.orgs, i.affectedOrgs.map((o) => o.name).join('; ') || c.none], [t.assets, i.affectedAssets.join('; ') || c.none]] },
    { kind: 'heading', text: t.iocs },
    typeValueTable(t, i.observables),
  );
  if (i.indicators.length) blocks.push({ kind: 'paragraph', text: t.matched }, typeValueTable(t, i.indicators));
  if (i.attack.length) blocks.push({ kind: 'heading', text: t.attack }, { kind: 'paragraph', text: i.attack.join(', ') });
  const m = i.metrics;
  blocks.push(
    { kind: 'heading', text: t.response },
    { kind: 'fields', rows: [
      [t.acknowledged, time(i.acknowledgedAt)], [t.contained, time(i.containedAt)], [t.eradicated, time(i.eradicatedAt)], [t.recovered, time(i.recoveredAt)],
      [t.ended, time(i.responseEndedAt)], [t.closed, time(i.closedAt)],
    ] },
    { kind: 'table', numeric: true, head: [t.times, t.ttd, t.tta, t.ttc, t.ttr], rows: [[i.reference, hours(m.timeToDetectSeconds, lang), hours(m.timeToAcknowledgeSeconds, lang), hours(m.timeToContainSeconds, lang), hours(m.timeToResolveSeconds, lang)]] },
    { kind: 'heading', text: t.deadlines },
    { kind: 'table', head: [t.kind, t.recipients, t.due, t.state, t.metAt], empty: t.noneYet,
      rows: i.deadlines.map((d) => [t.kinds[d.kind], recipientsText(d, lang), time(d.dueAt), t.states[d.state], time(d.metAt)]) },
    { kind: 'heading', text: t.tasks },
    { kind: 'table', head: [t.task, t.status, t.due], rows: tasks.map((k) => [k.title, t.taskStatuses[k.status], time(k.dueAt)]), empty: t.noneYet },
    { kind: 'heading', text: t.alerts },
    { kind: 'table', head: [t.alert, t.severity, t.occurrences, t.lastSeen], empty: t.noneYet,
      rows: i.alerts.slice(0, MAX_ALERTS).map((a) => [a.title, c.severity[a.severity] ?? String(a.severity), String(a.occurrences), time(a.lastSeen)]) },
  );
  if (i.alerts.length > MAX_ALERTS) blocks.push({ kind: 'paragraph', text: t.alertsMore.replace('{n}', String(MAX_ALERTS)) });
  return {
    lang, tlp: i.tlp, tlpNote: c.tlp[i.tlp], title: `${t.title} ${i.reference}`,
    meta: [t.basis, `${t.owner}: ${i.orgName} · ${t.status}: ${t.statuses[i.status]}`],
    blocks, footer: `${c.issuer} · ${c.generated}: ${vnTime(generatedAt, lang)}`, fileName: `lachan-${i.reference}-${lang}`,
  };
}
