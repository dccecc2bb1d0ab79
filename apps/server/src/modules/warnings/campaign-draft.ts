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
