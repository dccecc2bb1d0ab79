import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IocMatcher, type MatcherIndicator } from './ioc-matcher.ts';
import { Warninglists, type MispWarninglist } from './warninglists.ts';

const RFC1918 = JSON.parse(readFileSync(new URL('../../../../../fixtures/public/misp/warninglists/rfc1918-list.json', import.meta.url), 'utf8')) as MispWarninglist;

const indicators: MatcherIndicator[] = [
  { id: 1, type: 'ipv4', value: '198.51.100.7' },
  { id: 2, type: 'ipv6', value: '2001:DB8::7' },
  { id: 3, type: 'cidr', value: '203.0.113.0/24' },
  { id: 4, type: 'cidr', value: '203.0.0.0/16' },
  { id: 5, type: 'cidr', value: '2001:db8:1::/48' },
  { id: 6, type: 'domain', value: 'Evil.Example.' },
  { id: 7, type: 'url', value: 'HTTP://Phish.Example:80/Login?next=1#top' },
  { id: 8, type: 'md5', value: 'A92E5B2BAE0B4B3A3D81C85610B95CD4' },
  { id: 9, type: 'sha1', value: '5374e08903744ceeaedd8f5e1bfc06b2c4688e76' },
  { id: 10, type: 'sha256', value: 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c' },
  { id: 11, type: 'email', value: 'Boss@Phish.Example' },
  { id: 12, type: 'ipv4', value: '198.51.100.7' },
  { id: 13, type: 'domain', value: 'evil.example' },
  { id: 6, type: 'domain', value: 'b.evil.example' },
];

const matcher = IocMatcher.build(indicators);
const hitsOf = (type: string, value: string): number[] => matcher.match([{ type, value }]).map((h) => h.indicatorId).sort((a, b) => a - b);

describe('IocMatcher', () => {
  it('matches exact IPv4 and IPv6 addresses, every indicator holding the value', () => {
    expect(hitsOf('ipv4', '198.51.100.7')).toEqual([1, 12]);
    expect(hitsOf('ipv4', '198.51.100.8')).toEqual([]);
    expect(hitsOf('ipv6', '2001:db8::7')).toEqual([2]);
    expect(hitsOf('ipv6', '2001:0db8:0:0:0:0:0:7')).toEqual([2]);
  });

  it('finds every CIDR block containing an address, nested ones included', () => {
    expect(hitsOf('ipv4', '203.0.113.9')).toEqual([3, 4]);
    expect(hitsOf('ipv4', '203.0.7.1')).toEqual([4]);
    expect(hitsOf('ipv4', '203.1.0.0')).toEqual([]);
    expect(hitsOf('ipv6', '2001:db8:1:ffff::1')).toEqual([5]);
    expect(hitsOf('ipv6', '2001:db8:2::1')).toEqual([]);
  });

  it('matches a domain and its sub-domains at label boundaries only, once per indicator', () => {
    expect(hitsOf('domain', 'evil.example')).toEqual([6, 13]);
    expect(hitsOf('domain', 'a.b.EVIL.example')).toEqual([6, 13]);
    expect(hitsOf('domain', 'notevil.example')).toEqual([]);
    expect(hitsOf('domain', 'example')).toEqual([]);
  });

  it('normalises URLs (scheme and host case, default port, fragment) and matches their host', () => {
    expect(hitsOf('url', 'http://phish.example/Login?next=1')).toEqual([7]);
    expect(hitsOf('url', 'http://phish.example/login?next=1')).toEqual([]);
    expect(hitsOf('url', 'https://x.evil.example:8443/a')).toEqual([6, 13]);
    expect(hitsOf('url', 'http://198.51.100.7/a')).toEqual([1, 12]);
  });

  it('matches digests by type and e-mail addresses case-insensitively', () => {
    expect(hitsOf('md5', 'a92e5b2bae0b4b3a3d81c85610b95cd4')).toEqual([8]);
    expect(hitsOf('sha1', '5374E08903744CEEAEDD8F5E1BFC06B2C4688E76')).toEqual([9]);
    expect(hitsOf('sha256', 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c')).toEqual([10]);
    expect(hitsOf('md5', 'ef537f25c895bfa782526529a9b63d97')).toEqual([]);
    expect(hitsOf('email', 'boss@phish.example')).toEqual([11]);
  });

  it('reports which observable of a batch matched', () => {
    const hits = matcher.match([{ type: 'ipv4', value: '8.8.8.8' }, { type: 'user', value: 'root' }, { type: 'md5', value: 'a92e5b2bae0b4b3a3d81c85610b95cd4' }]);
    expect(hits).toEqual([{ observableIndex: 2, indicatorId: 8 }]);
    expect(matcher.size).toBe(indicators.length);
  });

  it('leaves out invalid values and private ranges, and says so', () => {
    const m = IocMatcher.build([
      { id: 1, type: 'ipv4', value: '10.1.2.3' },
      { id: 2, type: 'ipv4', value: '300.1.1.1' },
      { id: 3, type: 'md5', value: 'xyz' },
      { id: 4, type: 'ipv6', value: 'fe80::1' },
      { id: 5, type: 'ipv4', value: '8.8.4.4' },
    ]);
    expect(m.report).toEqual({ loaded: 1, invalid: 2, suppressed: 2 });
    expect(m.match([{ type: 'ipv4', value: '10.1.2.3' }])).toEqual([]);
    expect(m.suppress('ipv4', '192.168.1.1')).toBe('Private and reserved IP ranges (built in)');
    expect(m.suppress('ipv4', '8.8.4.4')).toBeNull();
  });
});

describe('Warninglists', () => {
  it('applies the MISP RFC 1918 list to the attribute types it names', () => {
    const w = new Warninglists();
    w.add(RFC1918);
    expect(w.suppress('ipv4', '172.20.1.1')).toBe('List of RFC 1918 CIDR blocks');
    expect(w.suppress('ipv4', '172.32.0.1')).toBeNull();
    // matching_attributes lists IP attributes only, so a URL on a private host is not suppressed.
    expect(w.suppress('url', 'http://10.0.0.1/')).toBeNull();
  });

  it('suppresses a CIDR indicator equal to or inside a listed range, not one that only overlaps it', () => {
    const w = new Warninglists();
    w.add(RFC1918);
    w.add({ name: 'resolvers v6', type: 'cidr', list: ['2001:4860:4860::/48'] });
    expect(w.suppress('cidr', '172.16.0.0/12')).toBe('List of RFC 1918 CIDR blocks');
    expect(w.suppress('cidr', '192.168.10.0/24')).toBe('List of RFC 1918 CIDR blocks');
    expect(w.suppress('cidr', '10.255.255.255')).toBe('List of RFC 1918 CIDR blocks');
    expect(w.suppress('cidr', '172.0.0.0/8')).toBeNull();
    expect(w.suppress('cidr', '203.0.113.0/24')).toBeNull();
    expect(w.suppress('cidr', '2001:4860:4860::8888/128')).toBe('resolvers v6');
    expect(w.suppress('cidr', '2001:4860::/32')).toBeNull();
    const m = IocMatcher.build([{ id: 1, type: 'cidr', value: '10.20.0.0/16' }, { id: 2, type: 'cidr', value: '198.51.100.0/24' }], w);
    expect(m.report).toEqual({ loaded: 1, invalid: 0, suppressed: 1 });
    expect(m.match([{ type: 'ipv4', value: '10.20.1.1' }])).toEqual([]);
  });

  it('handles hostname, string, substring and regex lists, and never suppresses "known" lists', () => {
    const w = new Warninglists();
    w.add({ name: 'cdn', type: 'hostname', list: ['cdn.example', '.static.example'] });
    w.add({ name: 'empty file', type: 'string', matching_attributes: ['md5'], list: ['D41D8CD98F00B204E9800998ECF8427E'] });
    w.add({ name: 'shorteners', type: 'substring', matching_attributes: ['url'], list: ['bit.ly/'] });
    w.add({ name: 'tests', type: 'regex', list: ['/^test[0-9]+\\.invalid$/i'] });
    w.add({ name: 'universities', type: 'hostname', category: 'known', list: ['uni.example'] });
    expect(w.suppress('domain', 'a.cdn.example')).toBe('cdn');
    expect(w.suppress('url', 'https://img.static.example/x.png')).toBe('cdn');
    expect(w.suppress('domain', 'xcdn.example')).toBeNull();
    expect(w.suppress('md5', 'd41d8cd98f00b204e9800998ecf8427e')).toBe('empty file');
    expect(w.suppress('url', 'https://bit.ly/abc')).toBe('shorteners');
    expect(w.suppress('domain', 'TEST12.invalid')).toBe('tests');
    expect(w.suppress('domain', 'www.uni.example')).toBeNull();
  });
});
