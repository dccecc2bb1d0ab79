import type { Warning } from '@lachan/contracts';
import type { DocBlock, DocLang, PrintDocument } from './document.model.ts';
import { COMMON, vnTime } from './document-labels.ts';

const T = {
  vi: {
    title: 'Cảnh báo sớm an toàn thông tin mạng', basis: 'Cảnh báo của cơ quan điều phối gửi các thành viên mạng lưới ứng cứu sự cố', summary: 'Thông tin cảnh báo',
    severity: 'Mức độ', status: 'Trạng thái', issued: 'Phát hành', validFrom: 'Hiệu lực từ', validUntil: 'Hiệu lực đến', origin: 'Nguồn', content: 'Nội dung',
    targets: 'Đối tượng nhận', sectors: 'Lĩnh vực', provinces: 'Tỉnh, thành phố', orgs: 'Tổ chức', levels: 'Cấp độ hệ thống', keywords: 'Sản phẩm, từ khóa', everyone: 'Tất cả thành viên',
    actions: 'Khuyến nghị xử lý', indicators: 'Dấu hiệu nhận biết (IOC)', type: 'Loại', value: 'Giá trị', cves: 'Lỗ hổng (CVE)', cve: 'Mã CVE', exploited: 'Đã bị khai thác',
    references: 'Tài liệu tham khảo', revisions: 'Lịch sử phiên bản', revision: 'Phiên bản', date: 'Ngày', change: 'Nội dung thay đổi', noneYet: 'Không có.',
    statuses: { draft: 'Bản nháp', proposed: 'Đề xuất', issued: 'Đã phát hành', withdrawn: 'Đã thu hồi', discarded: 'Đã hủy' },
    origins: { manual: 'Soạn thủ công', campaign: 'Từ chiến dịch tấn công', surge: 'Từ đột biến theo lĩnh vực' },
  },
  en: {
    title: 'Early cybersecurity warning', basis: 'Warning of the coordinating agency to the members of the incident-response network', summary: 'Warning',
    severity: 'Severity', status: 'Status', issued: 'Issued', validFrom: 'Valid from', validUntil: 'Valid until', origin: 'Origin', content: 'Content',
    targets: 'Addressed to', sectors: 'Sectors', provinces: 'Provinces and cities', orgs: 'Organisations', levels: 'System security levels', keywords: 'Products, keywords', everyone: 'All members',
    actions: 'Recommended actions', indicators: 'Indicators of compromise', type: 'Type', value: 'Value', cves: 'Vulnerabilities (CVE)', cve: 'CVE', exploited: 'Known exploited',
    references: 'References', revisions: 'Revision history', revision: 'Revision', date: 'Date', change: 'Change', noneYet: 'None.',
    statuses: { draft: 'Draft', proposed: 'Proposed', issued: 'Issued', withdrawn: 'Withdrawn', discarded: 'Discarded' },
    origins: { manual: 'Written by hand', campaign: 'From an attack campaign', surge: 'From a sector surge' },
  },
};

/** Names for the codes a warning's targeting holds, in the document's language. */
export interface WarningNames {
  sector: (code: string) => string;
  province: (code: string) => string;
  org: (id: string) => string;
}

/**
 * An early warning as a document, in the reader's chosen language: exactly what the API shows that
 * reader (other recipients it may not name are already out of the targeting), marked with its TLP.
 */
export function warningDocument(w: Warning, lang: DocLang, names: WarningNames, generatedAt: string): PrintDocument {
  const t = T[lang];
  const c = COMMON[lang];
  const g = w.targeting;
  const time = (s: string | null) => vnTime(s, lang);
  const targets: [string, string][] = [];
  if (g.sectors?.length) targets.push([t.sectors, g.sectors.map(names.sector).join('; ')]);
  if (g.provinces?.length) targets.push([t.provinces, g.provinces.map(names.province).join('; ')]);
  if (g.orgIds?.length) targets.push([t.orgs, g.orgIds.map(names.org).join('; ')]);
  if (g.securityLevels?.length) targets.push([t.levels, g.securityLevels.join(', ')]);
  if (g.keywords?.length) targets.push([t.keywords, g.keywords.join('; ')]);
  if (targets.length === 0) targets.push([t.targets, t.everyone]);
  const blocks: DocBlock[] = [
    { kind: 'heading', text: t.summary },
    { kind: 'fields', rows: [
      [t.severity, c.severity[w.severity] ?? String(w.severity)], ['TLP', w.tlp], [t.status, t.statuses[w.status]], [t.origin, t.origins[w.origin]],
      [t.issued, time(w.issuedAt)], [t.validFrom, time(w.validFrom)], [t.validUntil, time(w.validUntil)],
    ] },
    { kind: 'heading', text: t.content },
    { kind: 'paragraph', text: lang === 'vi' ? w.bodyVi : w.bodyEn },
    { kind: 'heading', text: t.targets },
    { kind: 'fields', rows: targets },
    { kind: 'heading', text: t.actions },
    w.actions.length ? { kind: 'list', items: w.actions.map((a) => (lang === 'vi' ? a.vi : a.en) || a.vi || a.en) } : { kind: 'paragraph', text: t.noneYet },
    { kind: 'heading', text: t.indicators },
    { kind: 'table', head: [t.type, t.value], rows: w.indicators.map((i) => [i.type, i.value]), empty: t.noneYet },
  ];
  if (w.cves.length) {
    blocks.push({ kind: 'heading', text: t.cves }, { kind: 'table', head: [t.cve, 'CVSS', 'EPSS', t.exploited], rows: w.cves.map((v) => [
      v.id, v.cvss === undefined ? '–' : String(v.cvss), v.epss === undefined ? '–' : `${Math.round(v.epss * 1000) / 10}%`, v.knownExploited ? c.yes : c.no,
    ]) });
  }
  if (w.references.length) blocks.push({ kind: 'heading', text: t.references }, { kind: 'list', items: w.references.map((r) => `${r.summary} — ${r.url}`) });
  if (w.revisions.length) {
    blocks.push({ kind: 'heading', text: t.revisions }, { kind: 'table', head: [t.revision, t.date, t.change], rows: w.revisions.map((r) => [String(r.number), time(r.date), r.summary]) });
  }
  return {
    lang, tlp: w.tlp, tlpNote: c.tlp[w.tlp], title: lang === 'vi' ? w.titleVi : w.titleEn,
    meta: [`${t.title} · ${t.basis}`, `${t.status}: ${t.statuses[w.status]} · ${t.issued}: ${time(w.issuedAt)}`],
    blocks, footer: `${c.issuer} · ${c.generated}: ${vnTime(generatedAt, lang)}`, fileName: `lachan-warning-${w.id.slice(0, 8)}-${lang}`,
  };
}
