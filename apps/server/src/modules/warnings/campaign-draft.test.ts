import { describe, expect, it } from 'vitest';
import { proposalFromCampaign, proposalFromSurge, type CampaignFacts } from './campaign-draft.ts';

const campaign = (over: Partial<CampaignFacts>): CampaignFacts => ({
  id: 'c1', severity: 3, techniques: ['T1190'], firstActivity: new Date('2026-11-20T01:00:00Z'), lastActivity: new Date('2026-11-21T09:00:00Z'), alertCount: 42,
  orgIds: ['o2', 'o1', 'o3'], sectors: [{ code: 'BANKING', nameVi: 'Ngân hàng', nameEn: 'Banking' }], evidence: [{ kind: 'network', value: '198.51.100.0/24' }], ...over,
});

describe('proposals made by the platform', () => {
  it('tells campaigns apart by sector, technique and infrastructure, in both languages, counting no organisation', () => {
    const a = proposalFromCampaign(campaign({}));
    const b = proposalFromCampaign(campaign({ techniques: ['T1566', 'T1204', 'T1059'], evidence: [{ kind: 'observable', value: 'domain:login-vcb.example' }, { kind: 'observable', value: 'sha256:ab12' }],
      sectors: [{ code: 'HEALTH', nameVi: 'Y tế', nameEn: 'Health' }, { code: 'EGOV', nameVi: 'Chính phủ điện tử', nameEn: 'E-government' }, { code: 'BANKING', nameVi: 'Ngân hàng', nameEn: 'Banking' }] }));
    expect(a.titleEn).toBe('Attack campaign against Banking: T1190 from 198.51.100.0/24');
    expect(a.titleVi).toBe('Chiến dịch tấn công nhắm vào Ngân hàng: T1190 từ 198.51.100.0/24');
    expect(b.titleEn).toBe('Attack campaign against Health, E-government +1: T1566, T1204 +1 from login-vcb.example +1');
    expect(a.targeting).toEqual({ orgIds: ['o1', 'o2', 'o3'] });
    expect(b.indicators).toEqual([{ type: 'domain', value: 'login-vcb.example' }, { type: 'sha256', value: 'ab12' }]);
    for (const p of [a, b]) expect(`${p.titleVi} ${p.titleEn} ${p.bodyVi} ${p.bodyEn}`).not.toMatch(/[0-9]+ (organisations|tổ chức)/);
    expect(a.bodyEn).toContain('42 linked alerts');
  });

  it('keeps titles within the contract when the infrastructure is a long URL', () => {
    const p = proposalFromCampaign(campaign({ evidence: [{ kind: 'observable', value: `url:https://x.example/${'a'.repeat(2000)}` }] }));
    expect(p.titleEn.length).toBeLessThanOrEqual(300);
    expect(p.titleEn).toContain('…');
  });

  it('words a surge with its sector, the hour in Vietnam time, and what was expected', () => {
    const p = proposalFromSurge({ sector: { code: 'HEALTH', nameVi: 'Y tế', nameEn: 'Health' }, observed: 412.4, expected: 80.2, hour: '2026-11-21T02:00:00.000Z', day: '2026-11-21', openedAt: '2026-11-21T02:20:00.000Z', signals: 1, severity: 3 });
    expect(p.titleEn).toBe('Abnormal surge of attack activity in the Health sector');
    expect(p.bodyEn).toBe('412 alerts in the hour from 09:00 21/11/2026 (UTC+7), against about 80 usually. The surge began at 09:20 21/11/2026 (UTC+7) (1 signal).');
    expect(p.targeting).toEqual({ sectors: ['HEALTH'] });
  });
});
