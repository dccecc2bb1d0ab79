import { describe, expect, it } from 'vitest';
import { parseCidr, parseIPv4, parseIPv6 } from './ip-codec.ts';

const v6 = (s: string): number[] | null => {
  const out = new Uint32Array(4);
  return parseIPv6(s, out) ? [...out] : null;
};

describe('address parsing', () => {
  it('reads dotted quads and refuses anything else', () => {
    expect(parseIPv4('198.51.100.7')).toBe(0xc6336407);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', 'a.b.c.d', '', '1.2.3.4/24', '1234.1.1.1']) expect(parseIPv4(bad), bad).toBe(-1);
  });

  it('reads IPv6 in full, compressed and IPv4-suffixed forms', () => {
    expect(v6('2001:db8::1')).toEqual([0x20010db8, 0, 0, 1]);
    expect(v6('::')).toEqual([0, 0, 0, 0]);
    expect(v6('::1')).toEqual([0, 0, 0, 1]);
    expect(v6('fe80::')).toEqual([0xfe800000, 0, 0, 0]);
    expect(v6('2001:0DB8:85a3:0000:0000:8a2e:0370:7334')).toEqual([0x20010db8, 0x85a30000, 0x8a2e, 0x03707334]);
    expect(v6('::ffff:192.0.2.1')).toEqual([0, 0, 0xffff, 0xc0000201]);
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', ':1:2', '1:2:3:4:5:6:7:8::', '1.2.3.4', '']) expect(v6(bad), bad).toBeNull();
  });

  it('turns CIDR text into first and last addresses, clearing host bits', () => {
    const c = parseCidr('10.1.2.3/8')!;
    expect([c.family, c.first[0], c.last[0]]).toEqual([4, 0x0a000000, 0x0affffff]);
    const d = parseCidr('2001:db8::/32')!;
    expect([...d.first]).toEqual([0x20010db8, 0, 0, 0]);
    expect([...d.last]).toEqual([0x20010db8, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
  });
});
