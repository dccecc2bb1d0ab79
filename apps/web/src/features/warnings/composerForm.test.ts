import { describe, expect, it } from 'vitest';
import type { Warning } from '@lachan/contracts';
import { bodyOf, EMPTY_FORM, formOf, targetingOf } from './composerForm.ts';

describe('the warning composer form', () => {
  it('pairs actions by line, parses indicators and CVEs, and leaves empty criteria out of the targeting', () => {
    const body = bodyOf({ ...EMPTY_FORM, titleVi: ' Tiêu đề ', titleEn: 'Title', bodyVi: 'a', bodyEn: 'b', sectors: ['BANKING'], actionsVi: 'Vá ngay\nĐổi mật khẩu', actionsEn: 'Patch now', indicators: 'ipv4: 198.51.100.7\nevil.example', cves: 'cve-2024-1234, CVE-2023-99999' });
    expect(body.titleVi).toBe('Tiêu đề');
    expect(body.targeting).toEqual({ sectors: ['BANKING'] });
    expect(body.actions).toEqual([{ vi: 'Vá ngay', en: 'Patch now' }, { vi: 'Đổi mật khẩu', en: 'Đổi mật khẩu' }]);
    expect(body.indicators).toEqual([{ type: 'ipv4', value: '198.51.100.7' }, { type: 'other', value: 'evil.example' }]);
    expect(body.cves).toEqual([{ id: 'CVE-2024-1234' }, { id: 'CVE-2023-99999' }]);
    expect(body.validFrom).toBeNull();
  });

  it('reads CVE scores and known exploitation, security levels and products, and writes them back', () => {
    const form = { ...EMPTY_FORM, titleVi: 'a', titleEn: 'a', bodyVi: 'a', bodyEn: 'a', securityLevels: ['4', '5'], keywords: 'PAN-OS GlobalProtect\nFortiOS', cves: 'CVE-2024-3400 cvss=10 epss=0.95 kev\ncve-2023-1 cvss=7.5', references: 'https://attack.mitre.org/techniques/T1566/ ATT&CK Phishing\nhttps://vendor.example/psirt' };
    const body = bodyOf(form);
    expect(body.targeting).toEqual({ securityLevels: [4, 5], keywords: ['PAN-OS GlobalProtect', 'FortiOS'] });
    expect(body.cves).toEqual([{ id: 'CVE-2024-3400', cvss: 10, epss: 0.95, knownExploited: true }, { id: 'CVE-2023-1', cvss: 7.5 }]);
    expect(body.references).toEqual([{ url: 'https://attack.mitre.org/techniques/T1566/', summary: 'ATT&CK Phishing' }, { url: 'https://vendor.example/psirt', summary: 'https://vendor.example/psirt' }]);
    const again = formOf({ ...body, id: 'x', status: 'draft', origin: 'manual', campaignId: null, authorOrgId: 'o', tlp: 'GREEN', actions: [], indicators: [], validFrom: null, validUntil: null, issuedAt: null, revisions: [], createdAt: '', updatedAt: '' } as Warning);
    expect(again.cves).toBe('CVE-2024-3400 cvss=10 epss=0.95 kev\nCVE-2023-1 cvss=7.5');
    expect(again.references).toBe(form.references);
    expect(again.securityLevels).toEqual(['4', '5']);
  });

  it('targets everyone when no criterion is given', () => {
    expect(targetingOf(EMPTY_FORM)).toEqual({});
  });
});
