import { describe, expect, it } from 'vitest';
import { AssetIndex } from './asset-index.ts';

const index = new AssetIndex([
  { orgId: 'bank', kind: 'cidr', value: '203.0.113.0/24' },
  { orgId: 'branch', kind: 'cidr', value: '203.0.113.128/25' },
  { orgId: 'isp', kind: 'cidr', value: '198.51.100.7' },
  { orgId: 'hospital', kind: 'cidr', value: '2001:db8:10::/48' },
  { orgId: 'bank', kind: 'domain', value: 'nganhang.example.vn' },
  { orgId: 'bank', kind: 'hostname', value: 'core-db01' },
]);

describe('asset attribution index', () => {
  it('finds the most specific IPv4 range', () => {
    expect(index.ownerOfIp('203.0.113.5')).toBe('bank');
    expect(index.ownerOfIp('203.0.113.200')).toBe('branch');
    expect(index.ownerOfIp('198.51.100.7')).toBe('isp');
    expect(index.ownerOfIp('198.51.100.8')).toBeNull();
  });
  it('matches IPv6 ranges', () => {
    expect(index.ownerOfIp('2001:db8:10::25')).toBe('hospital');
    expect(index.ownerOfIp('2001:db8:11::1')).toBeNull();
  });
  it('matches a domain and its subdomains, and exact host names', () => {
    expect(index.ownerOfName('nganhang.example.vn')).toBe('bank');
    expect(index.ownerOfName('ebank.nganhang.example.vn.')).toBe('bank');
    expect(index.ownerOfName('xnganhang.example.vn')).toBeNull();
    expect(index.ownerOfName('CORE-DB01')).toBe('bank');
  });
});
