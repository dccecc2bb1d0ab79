import { describe, expect, it } from 'vitest';
import { keysOf, refusingBlock, retryAfterSeconds, throttleAddress } from './throttle-rules.ts';

const at = (s: string) => new Date(`2026-11-21T08:${s}Z`);

describe('throttle addresses', () => {
  it('counts IPv4 as it is, also when IPv4-mapped', () => {
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:cb00:7109')).toBe('203.0.113.9');
  });

  it('counts IPv6 by its /64, so one subscriber cannot rotate through its addresses', () => {
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:DB8:0:0::9')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps an unknown or missing address as one bucket', () => {
    expect(throttleAddress(null)).toBe('unknown');
    expect(throttleAddress('not an address')).toBe('not an address');
  });
});

describe('throttle keys and blocks', () => {
  it('touches the address alone without an account, and the account from it and overall with one', () => {
    expect(keysOf('198.51.100.1', null).map((k) => k.scope)).toEqual(['address']);
    expect(keysOf('198.51.100.1', 'a@b.vn')).toEqual([
      { scope: 'address', account: '', address: '198.51.100.1' },
      { scope: 'account_address', account: 'a@b.vn', address: '198.51.100.1' },
      { scope: 'account', account: 'a@b.vn', address: '' },
    ]);
  });

  it('lets a client the account knows through its account-wide block, never through the others', () => {
    const account = { scope: 'account' as const, blockedUntil: at('10:00') };
    const pair = { scope: 'account_address' as const, blockedUntil: at('05:00') };
    expect(refusingBlock([account], true)).toBeNull();
    expect(refusingBlock([account], false)).toBe(account);
    expect(refusingBlock([account, pair], true)).toBe(pair);
    expect(refusingBlock([account, pair], false)).toBe(account);
    expect(refusingBlock([], false)).toBeNull();
  });

  it('answers Retry-After in whole seconds, at least one', () => {
    expect(retryAfterSeconds(at('00:30'), at('00:00'))).toBe(30);
    expect(retryAfterSeconds(at('00:00'), at('00:00'))).toBe(1);
  });
});
