import { describe, expect, it } from 'vitest';
import { ObservableSet } from './observable-set.ts';
import { normaliseDomain, normaliseEmail, normaliseHash, normaliseHostname, normaliseIp, normaliseIPv6, normaliseObservable, normaliseUrl, normaliseUser } from './observables.ts';

describe('IP addresses', () => {
  it('accepts dotted quads and rejects 0.0.0.0 and junk', () => {
    expect(normaliseIp(' 172.17.1.1 ')).toEqual({ type: 'ipv4', value: '172.17.1.1' });
    expect(normaliseIp('010.001.000.009')).toEqual({ type: 'ipv4', value: '10.1.0.9' });
    for (const bad of ['0.0.0.0', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', 'a.b.c.d', '', '1.2.3.4/24']) expect(normaliseIp(bad), bad).toBeNull();
  });

  it('writes IPv6 in RFC 5952 form', () => {
    const cases: Array<[string, string]> = [
      ['fe80:0000:0000:0000:fada:0cff:fedc:87f1', 'fe80::fada:cff:fedc:87f1'],
      ['ff02:0000:0000:0000:0000:0000:0001:0002', 'ff02::1:2'],
      ['2001:DB8::5', '2001:db8::5'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['[::1]', '::1'],
      ['fe80::1%eth0', 'fe80::1'],
      ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
      ['::FFFF:c000:0201', '::ffff:192.0.2.1'],
      ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
      ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ];
    for (const [input, want] of cases) expect(normaliseIPv6(input), input).toBe(want);
    for (const bad of ['::', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', '12:29:18', '00:0C:29:EB:35:DE']) expect(normaliseIPv6(bad), bad).toBeNull();
  });
});

describe('other observable types', () => {
  it('domains: lower case, no trailing dot, IDN kept, defanged accepted', () => {
    expect(normaliseDomain('Mail.Example.COM.')).toBe('mail.example.com');
    expect(normaliseDomain('evil[.]example[.]com')).toBe('evil.example.com');
    expect(normaliseDomain('bộcôngan.vn')).toBe('bộcôngan.vn');
    expect(normaliseDomain('_dmarc.example.org')).toBe('_dmarc.example.org');
    for (const bad of ['localhost', 'example.com:443', '1.2.3.4', '-bad.example.com', 'a..b', '*.icloud.com', 'a b.com', 'x'.repeat(64) + '.com']) expect(normaliseDomain(bad), bad).toBeNull();
  });

  it('URLs: refanged, scheme and host lower-cased, path kept', () => {
    expect(normaliseUrl('hxxps://Evil.Example[.]com/Path?Q=1')).toBe('https://evil.example.com/Path?Q=1');
    expect(normaliseUrl('hXXp://1.2.3[.]4:8080/a')).toBe('http://1.2.3.4:8080/a');
    expect(normaliseUrl('HTTP://user@Host.example/')).toBe('http://user@host.example/');
    for (const bad of ['/relative/path', 'example.com/x', 'http://', 'http:// spaced.example', 'http://a.example/b c']) expect(normaliseUrl(bad), bad).toBeNull();
  });

  it('hashes by length, e-mails, users, host names', () => {
    expect(normaliseHash('44D88612FEA8A8F36DE82E1278ABB02F')).toEqual({ type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f' });
    expect(normaliseHash('3395856CE81F2B7382DEE72602F798B642F14140')?.type).toBe('sha1');
    expect(normaliseHash('275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F')?.type).toBe('sha256');
    for (const bad of ['abc', 'z'.repeat(32), '0'.repeat(32), 'a'.repeat(33)]) expect(normaliseHash(bad), bad).toBeNull();
    expect(normaliseEmail('<Admin@Example.ORG>')).toBe('admin@example.org');
    expect(normaliseEmail('mailto:a.b+c@mail.example.vn')).toBe('a.b+c@mail.example.vn');
    expect(normaliseEmail('not-an-email@')).toBeNull();
    expect(normaliseUser(' alice ')).toBe('alice');
    expect(normaliseUser('(no user)')).toBeNull();
    expect(normaliseHostname('WIN-RM6HM42G65V')).toBe('win-rm6hm42g65v');
    expect(normaliseHostname('bad host')).toBeNull();
    expect(normaliseObservable('sha1', '44d88612fea8a8f36de82e1278abb02f')).toBeNull();
  });
});

describe('ObservableSet', () => {
  it('dedupes by (type, value) keeping the first role, and caps at 200', () => {
    const obs = new ObservableSet();
    obs.addIp('10.0.0.1', 'src');
    obs.addIp('010.0.0.1', 'related');
    obs.addHost('10.0.0.1', 'dst');
    obs.addHost('Files.Example.com', 'dst');
    obs.addHost('printer-3', 'dst');
    obs.addUrl('example.org', 'related');
    obs.add('ipv4', 'nonsense');
    obs.add('user', 42);
    obs.add('user', { not: 'text' });
    expect(obs.items).toEqual([
      { type: 'ipv4', value: '10.0.0.1', role: 'src' },
      { type: 'domain', value: 'files.example.com', role: 'dst' },
      { type: 'hostname', value: 'printer-3', role: 'dst' },
      { type: 'domain', value: 'example.org', role: 'related' },
      { type: 'user', value: '42' },
    ]);
    for (let i = 0; i < 300; i++) obs.addIp(`10.1.${i >> 8}.${i & 255}`);
    expect(obs.items).toHaveLength(200);
    expect(obs.full).toBe(true);
  });
});
