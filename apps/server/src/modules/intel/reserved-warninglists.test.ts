import { describe, expect, it } from 'vitest';
import { RESERVED_RANGES } from '../../common/reserved-ranges.ts';
import { isNoise } from '../campaigns/index.ts';
import { EXAMPLE_RANGES, RESERVED_RANGES as RESERVED_WARNINGLIST } from './warninglists.ts';
import { warninglistsFrom } from './warninglist-files.ts';

describe('the reserved ranges in matching, exports and campaign linking', () => {
  it('is the one list the campaign noise check and the IOC warninglists read', () => {
    expect(isNoise('ipv4', '192.88.99.1')).toBe(true);
    expect(isNoise('ipv6', '5f00::1')).toBe(true);
    expect(isNoise('ipv4', '203.0.113.9')).toBe(false);
    expect([...RESERVED_WARNINGLIST.list, ...EXAMPLE_RANGES.list].sort()).toEqual(RESERVED_RANGES.map((r) => r.cidr).sort());
  });

  it('keeps documentation addresses out of exports only: matched at ingest, suppressed in the export lists', () => {
    expect(warninglistsFrom(null).suppress('ipv4', '203.0.113.9')).toBeNull();
    expect(warninglistsFrom(null).suppress('ipv4', '10.1.1.1')).toBe('Private and reserved IP ranges (built in)');
    expect(warninglistsFrom(null, true).suppress('ipv4', '203.0.113.9')).toBe('Documentation and benchmarking ranges (built in)');
    expect(warninglistsFrom(null, true).suppress('cidr', '192.0.2.0/25')).toBe('Documentation and benchmarking ranges (built in)');
    expect(warninglistsFrom(null, true).suppress('url', 'http://[2001:db8::5]/a')).toBe('Documentation and benchmarking ranges (built in)');
    expect(warninglistsFrom(null, true).suppress('ipv4', '100.200.0.9')).toBeNull();
  });
});
