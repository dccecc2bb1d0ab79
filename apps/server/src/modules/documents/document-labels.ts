import type { ReportRecipient, Tlp } from '@lachan/contracts';
import type { DocLang } from './document.model.ts';

/** Words every document shares, in both languages. */
export const COMMON = {
  vi: {
    yes: 'Có', no: 'Không', none: 'Không có', generated: 'Lập lúc', issuer: 'Lá Chắn — Hệ thống điều phối ứng cứu sự cố',
    severity: ['', 'Thấp', 'Trung bình', 'Cao', 'Nghiêm trọng'],
    tlp: {
      CLEAR: 'TLP:CLEAR — được công bố rộng rãi.', GREEN: 'TLP:GREEN — chỉ chia sẻ trong cộng đồng, không công bố công khai.',
      AMBER: 'TLP:AMBER — chỉ chia sẻ trong tổ chức của người nhận và khách hàng cần biết.', 'AMBER+STRICT': 'TLP:AMBER+STRICT — chỉ chia sẻ trong tổ chức của người nhận.',
      RED: 'TLP:RED — chỉ dành cho người nhận, không chia sẻ thêm.',
    } satisfies Record<Tlp, string>,
  },
  en: {
    yes: 'Yes', no: 'No', none: 'None', generated: 'Generated', issuer: 'Lachan — incident-response coordination platform',
    severity: ['', 'Low', 'Medium', 'High', 'Critical'],
    tlp: {
      CLEAR: 'TLP:CLEAR — may be shared publicly.', GREEN: 'TLP:GREEN — within the community, not publicly.',
      AMBER: 'TLP:AMBER — within the recipient organisation and its clients, on a need-to-know basis.', 'AMBER+STRICT': 'TLP:AMBER+STRICT — within the recipient organisation only.',
      RED: 'TLP:RED — for the named recipients only, no further disclosure.',
    } satisfies Record<Tlp, string>,
  },
} as const;

/** A time as the reader of Vietnam reads it: local time (UTC+7), day first. */
export function vnTime(iso: string | null | undefined, lang: DocLang): string {
  if (!iso) return '–';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${date} (${lang === 'vi' ? 'giờ Việt Nam' : 'Vietnam time'}, UTC+7)`;
}

/** A figure for a document: thousands grouped as the language writes them, a dash for none. */
export function figure(n: number | null | undefined, lang: DocLang): string {
  if (n === null || n === undefined) return '–';
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}

/** Seconds as hours with one decimal (the unit of the response-time tables). */
export const hours = (s: number | null, lang: DocLang) => (s === null ? '–' : `${figure(Math.round(s / 360) / 10, lang)} h`);

/** RSIT class names (Reference Security Incident Taxonomy v1003), as the console words them. */
export const RSIT_CLASS: Record<DocLang, Record<string, string>> = {
  vi: {
    'abusive-content': 'Nội dung lạm dụng', 'malicious-code': 'Mã độc', 'information-gathering': 'Thu thập thông tin', 'intrusion-attempts': 'Cố gắng xâm nhập',
    intrusions: 'Xâm nhập', availability: 'Tính sẵn sàng', 'information-content-security': 'An toàn nội dung thông tin', fraud: 'Gian lận', vulnerable: 'Lỗ hổng',
    other: 'Khác', test: 'Thử nghiệm',
  },
  en: {
    'abusive-content': 'Abusive content', 'malicious-code': 'Malicious code', 'information-gathering': 'Information gathering', 'intrusion-attempts': 'Intrusion attempts',
    intrusions: 'Intrusions', availability: 'Availability', 'information-content-security': 'Information content security', fraud: 'Fraud', vulnerable: 'Vulnerable',
    other: 'Other', test: 'Test',
  },
};

/** Who a report goes to, by recipient code, as the console words them (a missing code fails the type check). */
export const RECIPIENTS: Record<DocLang, Record<ReportRecipient, string>> = {
  vi: {
    system_owner: 'Chủ quản hệ thống thông tin', national_coordinator: 'Cơ quan điều phối quốc gia', specialised_unit: 'Đơn vị chuyên trách ứng cứu sự cố',
    supervising_ministry: 'Bộ, ngành chủ quản', standing_agency: 'Cơ quan thường trực', sbv_it_department: 'Cục Công nghệ thông tin, Ngân hàng Nhà nước',
    mps_a05: 'Cục An ninh mạng (A05), Bộ Công an',
  },
  en: {
    system_owner: 'System owner', national_coordinator: 'National coordinating agency', specialised_unit: 'Specialised response unit',
    supervising_ministry: 'Supervising ministry', standing_agency: 'Standing agency', sbv_it_department: 'State Bank IT Department',
    mps_a05: 'Ministry of Public Security (A05)',
  },
};

/** A deadline's recipients in the document's language: the coded ones, then the author's own words (an address). */
export function recipientsText(d: { recipientCodes: ReportRecipient[]; recipients: string }, lang: DocLang): string {
  const named = d.recipientCodes.map((c) => RECIPIENTS[lang][c]).join(', ');
  const extra = d.recipients.trim();
  if (!named) return extra || '–';
  return extra ? `${named} (${extra})` : named;
}
