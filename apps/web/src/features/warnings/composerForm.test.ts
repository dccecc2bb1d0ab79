import { describe, expect, it } from 'vitest';
import { bodyOf, EMPTY_FORM, targetingOf } from './composerForm.ts';

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

  it('targets everyone when no criterion is given', () => {
    expect(targetingOf(EMPTY_FORM)).toEqual({});
  });
});
