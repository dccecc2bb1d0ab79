import type { CampaignDetail, WarningCreate } from '@lachan/contracts';

/** The evidence value of a campaign as a warning indicator (`domain:x` → domain x; a /24 → ipv4-cidr). */
export function indicatorOf(e: { kind: string; value: string }): { type: string; value: string } | null {
  if (e.kind === 'network') return { type: 'ipv4-cidr', value: e.value };
  if (e.kind !== 'observable') return null;
  const at = e.value.indexOf(':');
  return at > 0 ? { type: e.value.slice(0, at), value: e.value.slice(at + 1) } : null;
}

/** The ATT&CK pages of technique ids (`T1566`, `T1566.001`): the external references of a campaign warning. */
export function attackReferences(techniques: readonly string[]): { url: string; summary: string }[] {
  return techniques.filter((t) => /^T\d{4}(\.\d{3})?$/.test(t)).map((t) => ({ url: `https://attack.mitre.org/techniques/${t.replace('.', '/')}/`, summary: `MITRE ATT&CK ${t}` }));
}

/**
 * A bilingual warning drafted from a campaign as the centre sees it: aimed at the sectors of the
 * organisations it touched (so the same sector elsewhere is warned too; by province when none has a
 * sector), with the shared infrastructure as indicators, its techniques, and TLP:AMBER.
 */
export function draftFromCampaign(c: CampaignDetail): WarningCreate {
  const sectors = [...new Set(c.orgs.flatMap((o) => o.sectors))].sort();
  const provinces = [...new Set(c.orgs.map((o) => o.provinceCode).filter((p): p is string => !!p))].sort();
  const indicators = c.evidence.map(indicatorOf).filter((i): i is { type: string; value: string } => i !== null);
  const techniques = c.techniques.join(', ');
  const n = c.orgs.length; // the centre names every member
  const where = { vi: provinces.length ? `tỉnh/thành ${provinces.join(', ')}` : 'nhiều địa phương', en: provinces.length ? `provinces ${provinces.join(', ')}` : 'several provinces' };
  const sectorText = sectors.join(', ') || '—';
  const values = indicators.map((i) => i.value).join(', ');
  return {
    titleVi: `Cảnh báo: chiến dịch tấn công nhắm vào ${n} tổ chức (${sectorText})`,
    titleEn: `Warning: attack campaign against ${n} organisations (${sectorText})`,
    bodyVi: `Trung tâm ghi nhận một chiến dịch tấn công dùng hạ tầng chung (${values || 'chưa rõ'}) tại ${n} tổ chức thuộc lĩnh vực ${sectorText}, ${where.vi}, từ ${c.firstActivity} đến ${c.lastActivity}. `
      + `Kỹ thuật ATT&CK: ${techniques || 'chưa rõ'}. Các tổ chức cùng lĩnh vực cần kiểm tra và chặn các chỉ dấu đính kèm.`,
    bodyEn: `The centre sees an attack campaign using shared infrastructure (${values || 'unknown'}) at ${n} organisations of sector ${sectorText}, in ${where.en}, from ${c.firstActivity} to ${c.lastActivity}. `
      + `ATT&CK techniques: ${techniques || 'unknown'}. Organisations of the same sector should check for and block the attached indicators.`,
    severity: Math.min(4, Math.max(1, c.severity)),
    tlp: 'AMBER',
    targeting: sectors.length ? { sectors } : provinces.length ? { provinces } : { orgIds: c.orgs.map((o) => o.id) },
    actions: [
      { vi: 'Chặn các địa chỉ, dải mạng và tên miền trong danh sách chỉ dấu tại biên mạng.', en: 'Block the listed addresses, networks and domains at the perimeter.' },
      { vi: `Rà soát nhật ký 30 ngày gần nhất tìm dấu hiệu của các kỹ thuật ${techniques || 'nêu trên'}.`, en: `Hunt the last 30 days of logs for signs of ${techniques || 'the techniques above'}.` },
      { vi: 'Báo cáo ngay cho Trung tâm nếu phát hiện kết nối tới các chỉ dấu.', en: 'Report to the centre at once any connection to the indicators.' },
    ],
    indicators,
    cves: [],
    references: attackReferences(c.techniques),
  };
}

/** A campaign as its warning proposal is made from it: read in the campaign's own transaction. */
export interface CampaignFacts {
  id: string;
  severity: number;
  techniques: string[];
  firstActivity: Date;
  lastActivity: Date;
  alertCount: number;
  orgIds: string[];
  /** The members' sectors, with their names, the most hit first. */
  sectors: { code: string; nameVi: string; nameEn: string }[];
  /** The shared values (observables, networks), the most widely seen first. */
  evidence: { kind: string; value: string }[];
}

/** What a proposal says and whom it goes to; refreshed while it is only proposed. */
export interface ProposalContent {
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  severity: number;
  targeting: { orgIds?: string[]; sectors?: string[] };
  indicators: { type: string; value: string }[];
  actions: { vi: string; en: string }[];
  /** External references (CSAF requires one for an informational advisory; ATT&CK pages of the techniques). */
  references: { url: string; summary: string }[];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** The first `n` items, and how many more there are as "+k". */
const some = (xs: string[], n: number) => (xs.length > n ? `${xs.slice(0, n).join(', ')} +${xs.length - n}` : xs.join(', '));
const date = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The early warning a campaign proposes, one per campaign and updated as it grows. Its title tells it
 * apart from every other: the sectors hit, the techniques and the shared infrastructure, in both
 * languages. Issued by a policy it reaches the members unread by anyone, so it counts none of them.
 */
export function proposalFromCampaign(c: CampaignFacts): ProposalContent {
  const indicators = c.evidence.map(indicatorOf).filter((i): i is { type: string; value: string } => i !== null).slice(0, 1000);
  const infra = some(indicators.map((i) => clip(i.value, 64)), 1);
  const techniques = some(c.techniques, 2);
  const where = { vi: some(c.sectors.map((s) => s.nameVi), 2) || 'nhiều lĩnh vực', en: some(c.sectors.map((s) => s.nameEn), 2) || 'several sectors' };
  const how = { vi: techniques || 'chưa rõ kỹ thuật', en: techniques || 'technique unknown' };
  const values = indicators.map((i) => i.value).slice(0, 50).join(', ');
  const period = `${date(c.firstActivity)} – ${date(c.lastActivity)}`;
  return {
    titleVi: clip(`Chiến dịch tấn công nhắm vào ${where.vi}: ${how.vi} từ ${infra || 'hạ tầng chung'}`, 300),
    titleEn: clip(`Attack campaign against ${where.en}: ${how.en} from ${infra || 'shared infrastructure'}`, 300),
    bodyVi: `Hạ tầng tấn công chung (${values || 'chưa rõ'}) được ghi nhận tại các tổ chức thuộc lĩnh vực ${c.sectors.map((s) => s.nameVi).join(', ') || 'chưa rõ'} `
      + `trong khoảng ${period} (${c.alertCount} cảnh báo liên kết). Kỹ thuật ATT&CK: ${c.techniques.join(', ') || 'chưa rõ'}.`,
    bodyEn: `Shared attack infrastructure (${values || 'unknown'}) seen at organisations of ${c.sectors.map((s) => s.nameEn).join(', ') || 'unknown sectors'} `
      + `during ${period} (${c.alertCount} linked alerts). ATT&CK techniques: ${c.techniques.join(', ') || 'unknown'}.`,
    severity: Math.min(4, Math.max(1, c.severity)),
    targeting: { orgIds: [...c.orgIds].sort() },
    indicators,
    actions: [
      { vi: 'Chặn các địa chỉ, dải mạng và tên miền trong danh sách chỉ dấu tại biên mạng.', en: 'Block the listed addresses, networks and domains at the perimeter.' },
      { vi: `Rà soát nhật ký tìm dấu hiệu của các kỹ thuật ${c.techniques.join(', ') || 'nêu trên'}.`, en: `Hunt the logs for signs of ${c.techniques.join(', ') || 'the techniques above'}.` },
    ],
    references: attackReferences(c.techniques),
  };
}

/** A surge episode as its warning proposal is made from it. */
export interface SurgeFacts {
  sector: { code: string; nameVi: string; nameEn: string };
  /** The strongest signal so far: an hour (so far) or a day, observed against expected. */
  observed: number;
  expected: number;
  hour: string | null;
  day: string;
  openedAt: string;
  signals: number;
  severity: number;
}

/** `2026-05-14T09:00:00Z` as `16:00 14/05/2026 (UTC+7)`, the time readers live in. */
const vnTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} (UTC+7)`;
};

/** The early warning a sector's surge episode proposes to the sector, one per episode, updated as it grows. */
export function proposalFromSurge(s: SurgeFacts): ProposalContent {
  const when = s.hour ? { vi: `trong giờ từ ${vnTime(s.hour)}`, en: `in the hour from ${vnTime(s.hour)}` } : { vi: `ngày ${s.day}`, en: `on ${s.day}` };
  const obs = Math.round(s.observed);
  const exp = Math.round(s.expected);
  return {
    titleVi: `Gia tăng bất thường hoạt động tấn công trong lĩnh vực ${s.sector.nameVi}`,
    titleEn: `Abnormal surge of attack activity in the ${s.sector.nameEn} sector`,
    bodyVi: `${obs} cảnh báo ${when.vi}, so với khoảng ${exp} thường thấy. Đợt gia tăng bắt đầu lúc ${vnTime(s.openedAt)} (${s.signals} tín hiệu).`,
    bodyEn: `${obs} alerts ${when.en}, against about ${exp} usually. The surge began at ${vnTime(s.openedAt)} (${s.signals} signal${s.signals === 1 ? '' : 's'}).`,
    severity: s.severity,
    targeting: { sectors: [s.sector.code] },
    indicators: [],
    actions: [{ vi: 'Rà soát các cảnh báo gần đây và tăng cường giám sát.', en: 'Review recent alerts and step up monitoring.' }],
    references: [],
  };
}
