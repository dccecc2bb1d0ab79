import { describe, expect, it } from 'vitest';
import { incidentTitle } from './madeTitle.ts';

const vi: Record<string, string> = { 'incidents.madeTitle.from': 'từ {{attacker}}', 'incidents.madeTitle.on': 'trên {{asset}}', 'incidents.madeTitle.alerts': '{{count}} cảnh báo', 'incidents.madeTitle.rules.bruteForceBurst': 'Dò mật khẩu dồn dập' };
const t = (key: string, o: Record<string, unknown> = {}) => (vi[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(o[k]));

describe('incident titles the server made', () => {
  it('words a promoted group in the reader\'s language: its signature, attacker and asset', () => {
    const i = { title: 'Critical alert: Exploit (CVE-1) from 203.0.113.5', titleCode: 'promoted' as const, titleParams: { rule: 'Critical alert', signature: 'Exploit (CVE-1)', attacker: '203.0.113.5' } };
    expect(incidentTitle(t, i)).toBe('Exploit (CVE-1) từ 203.0.113.5');
    expect(incidentTitle(t, { ...i, titleParams: { rule: 'Brute-force burst', attacker: '198.51.100.7' } })).toBe('Dò mật khẩu dồn dập từ 198.51.100.7');
    expect(incidentTitle(t, { ...i, titleParams: { rule: 'Quy tắc riêng', attacker: '198.51.100.7' } })).toBe('Quy tắc riêng từ 198.51.100.7');
    expect(incidentTitle(t, { ...i, titleParams: { rule: 'Critical alert', signature: 'Ransomware', asset: 'fs01' } })).toBe('Ransomware trên fs01');
  });
  it('counts chosen alerts that share no signature, and shows a title someone wrote as written', () => {
    expect(incidentTitle(t, { title: '3 alerts', titleCode: 'alerts', titleParams: { count: '3', asset: 'web01' } })).toBe('3 cảnh báo trên web01');
    expect(incidentTitle(t, { title: 'Mã độc trên máy chủ tệp', titleCode: null, titleParams: null })).toBe('Mã độc trên máy chủ tệp');
  });
});
