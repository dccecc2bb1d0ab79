import { describe, expect, it } from 'vitest';
import { isReserved, RESERVED_RANGES } from './reserved-ranges.ts';

describe('the one list of reserved ranges', () => {
  it('holds the documentation networks (TEST-NET-1/2/3, 2001:db8::/32) besides private, loopback, link-local, multicast and reserved', () => {
    for (const ip of ['192.0.2.1', '198.51.100.200', '203.0.113.9', '2001:db8::1', '3fff::1', '198.19.255.1', '10.1.2.3', '127.0.0.1', '169.254.169.254', '100.64.0.1',
      '224.0.0.1', '240.0.0.1', '255.255.255.255', '::1', 'fd00::1', 'fe80::1', 'ff02::1', '::ffff:10.0.0.1', '::ffff:192.0.2.1', 'not an address']) {
      expect(isReserved(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '100.200.0.9', '113.160.0.1', '2606:4700::1111', '192.31.196.1']) expect(isReserved(ip), ip).toBe(false);
  });

  it('leaves out the example ranges only when asked: internal analysis treats them as public (the demo network and the simulator use them)', () => {
    expect(isReserved('203.0.113.9', { examples: false })).toBe(false);
    expect(isReserved('198.18.4.4', { examples: false })).toBe(false);
    expect(isReserved('10.0.0.1', { examples: false })).toBe(true);
    expect(RESERVED_RANGES.filter((r) => r.kind === 'example').map((r) => r.cidr)).toEqual(['192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '2001:2::/48', '2001:db8::/32', '3fff::/20']);
  });
});
