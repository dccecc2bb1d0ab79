import { describe, expect, it } from 'vitest';
import type { NormalizedAlert } from '@lachan/contracts';
import { fingerprint } from './fingerprint.ts';

const REPORTER = '00000000-0000-0000-0000-000000000001';
const EVENT_MS = 1_765_000_000_000;
const alert = (over: Partial<NormalizedAlert> = {}): NormalizedAlert =>
  ({
    format: 'suricata', ruleId: '2024217', title: 'ET POLICY Possible Kali Linux hostname in DHCP Request Packet', srcIp: '10.0.0.5', dstIp: '203.0.113.7',
    assetHostname: null, assetIp: '10.0.0.5', observables: [{ type: 'ipv4', value: '203.0.113.7' }, { type: 'domain', value: 'evil.example' }], eventKey: ['flow:1234'], ...over,
  }) as NormalizedAlert;

describe('fingerprint', () => {
  it('stays the digest that stored rows carry, so repeats sent after an upgrade still fold into them', () => {
    // Computed by the implementation that fed a SHA-1 Hash part by part (before 2026-12-07).
    expect(fingerprint(alert(), REPORTER, EVENT_MS, 3600)).toBe('PXZqAxYDCB-k7v3SCb2WFMkty9U');
    // Vietnamese text, an emoji and a lone surrogate (made U+FFFD by the UTF-8 encoding either way).
    const vietnamese = alert({ format: 'wazuh', ruleId: '5710', title: 'Đăng nhập thất bại: người dùng không tồn tại 🔒', srcIp: '198.51.100.7', dstIp: null, assetHostname: 'máy-chủ-01', assetIp: null,
      observables: [{ type: 'user', value: 'quản-trị' }, { type: 'domain', value: 'xn--vit-nam-4ya.example' }], eventKey: ['tệp:/tmp/a\ud800'] } as never);
    expect(fingerprint(vietnamese, '00000000-0000-0000-0000-000000000002', EVENT_MS, 3600)).toBe('t9XPrOTDwsc0caxC8XtLhwe5wZY');
  });

  it('ignores the order of observables but not their values, and a new time bucket is a new event', () => {
    const base = fingerprint(alert(), REPORTER, EVENT_MS, 3600);
    expect(fingerprint(alert({ observables: [{ type: 'domain', value: 'evil.example' }, { type: 'ipv4', value: '203.0.113.7' }] } as never), REPORTER, EVENT_MS, 3600)).toBe(base);
    expect(fingerprint(alert({ observables: [{ type: 'ipv4', value: '203.0.113.8' }, { type: 'domain', value: 'evil.example' }] } as never), REPORTER, EVENT_MS, 3600)).not.toBe(base);
    expect(fingerprint(alert(), REPORTER, EVENT_MS + 3_600_000, 3600)).not.toBe(base);
    expect(fingerprint(alert({ eventKey: ['flow:1235'] }), REPORTER, EVENT_MS, 3600)).not.toBe(base);
  });

  it('cannot be forged by moving text between the parts (each part is length-prefixed)', () => {
    const one = alert({ observables: [{ type: 'url', value: 'a|5:key:b' }], eventKey: undefined } as never);
    const two = alert({ observables: [{ type: 'url', value: 'a' }], eventKey: ['b'] } as never);
    expect(fingerprint(one, REPORTER, EVENT_MS, 3600)).not.toBe(fingerprint(two, REPORTER, EVENT_MS, 3600));
  });
});
