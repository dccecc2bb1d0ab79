import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { splitRecords } from '../split-records.ts';
import { RECEIVED_AT, sample } from '../testing/samples.ts';
import { parseCefMessage } from './cef-parse.ts';
import { cefSeverity } from './cef.ts';

const opts = { receivedAt: RECEIVED_AT };

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('cef', record, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

function records(file: string): string[] {
  const split = splitRecords('cef', sample(file), 'text/plain');
  if (!('records' in split)) throw new Error(split.error.message);
  return split.records;
}

const ext = (line: string) => Object.fromEntries(parseCefMessage(line, 0).extensions);

describe('CEF sample files', () => {
  it('parses every line of the three sample files (blank trailing lines ignored)', () => {
    const counts = { 'cef/test-cef.log': 4, 'cef/test-fp-ngfw-smc.log': 10, 'cef/beats-decode_cef-samples.log': 14 };
    for (const [file, n] of Object.entries(counts)) {
      const lines = records(file);
      expect(lines, file).toHaveLength(n);
      for (const line of lines) expect(parseAlert('cef', line, opts), line).toMatchObject({ ok: true });
    }
  });

  it('maps the Elastic web-request line', () => {
    expect(parsed(records('cef/test-cef.log')[0]!)).toEqual({
      format: 'cef',
      eventTime: null,
      sourceRef: '3457',
      title: 'Web request',
      description: null,
      vendor: 'Elastic',
      product: 'Vaporware',
      ruleId: '18',
      ruleName: 'Web request',
      severity: 1,
      sourceSeverity: 'low',
      rsitClass: null,
      rsitType: null,
      attackTechniques: [],
      srcIp: '89.160.20.156',
      srcPort: 33876,
      dstIp: '192.168.10.1',
      dstPort: 443,
      protocol: 'tcp',
      assetHostname: null,
      assetIp: '192.168.10.1',
      observables: [
        { type: 'ipv4', value: '89.160.20.156', role: 'src' },
        { type: 'ipv4', value: '192.168.10.1', role: 'dst' },
        { type: 'url', value: 'https://www.example.com/cart', role: 'related' },
      ],
      tags: [],
    });
  });

  it('reads hashes, users and the trailing-space line of test-cef.log', () => {
    const [, auth, , padded] = records('cef/test-cef.log');
    const a = parsed(auth!);
    expect(a.observables).toEqual([
      { type: 'ipv4', value: '89.160.20.156', role: 'src' },
      { type: 'user', value: 'bob', role: 'src' },
      { type: 'user', value: 'alice', role: 'dst' },
      { type: 'md5', value: 'bc8bbe52f041fd17318f08a0f73762ce', role: 'related' },
      { type: 'md5', value: 'a9796280592f86b74b27e370662d41eb', role: 'related' },
    ]);
    expect(padded!.endsWith(' ')).toBe(true);
    expect(ext(padded!)).toEqual({ message: 'This event is padded with whitespace', dst: '192.168.1.2', src: '192.168.3.4' });
  });

  it('decodes \\= in a Forcepoint value, reads rt in the default zone and keeps cs1 as a tag', () => {
    const a = parsed(records('cef/test-fp-ngfw-smc.log')[2]!);
    expect(a).toMatchObject({
      title: 'Connection_Allowed',
      ruleId: '70018',
      description: 'Referred connection: 10.1.1.40 -> 10.37.133.35 frag=0x4000 TCP 47413->3020',
      eventTime: '2020-01-17T01:52:09.000Z',
      severity: 1,
      protocol: 'icmp',
      assetHostname: null,
      assetIp: '10.1.1.40',
      tags: ['RuleID:2097157.1', 'action:Allow'],
    });
    expect(parseAlert('cef', records('cef/test-fp-ngfw-smc.log')[2]!, { ...opts, timeZone: 'UTC' })).toMatchObject({ alert: { eventTime: '2020-01-17T08:52:09.000Z' } });
  });

  it('reads the Beats samples: odd keys, escaped backslashes, vendor hash keys', () => {
    const lines = records('cef/beats-decode_cef-samples.log');
    expect(ext(lines[0]!)).toMatchObject({ 'ad.Error_,Code': '3221225578', 'ad.field[0]': 'field0', 'ad.foo.name[1]': 'new_name', dst: '12.121.122.82' });
    expect(parsed(lines[0]!).severity).toBe(4);
    const trend = parsed(lines[2]!);
    expect(ext(lines[2]!).filePath).toBe('C:\\Users\\trend\\Desktop\\eicar.exe');
    expect(trend.observables.map((o) => o.type)).toEqual(['md5', 'sha1', 'sha256']);
    expect(trend.tags).toContain('Container:ContainerImageName | ContainerName | ContainerID');
    expect(trend.assetHostname).toBe('hostname');
    const netscaler = parsed(lines[10]!);
    expect(netscaler.observables).toContainEqual({ type: 'url', value: 'http://vpx247.example.net/FFC/login_post.html?abc=def', role: 'related' });
    const ipv6 = parsed(lines[1]!);
    expect(ipv6.description).toBe('User signed in from 2001:db8::5');
  });
});

describe('CEF edge cases (Elastic Beats cef_test.go)', () => {
  const H = 'CEF:0|security|threatmanager|1.0|100|trojan successfully stopped|10|';

  it('escaped pipe and equals sign in the header', () => {
    const e = parseCefMessage('CEF:26|security|threat\\|->manager|1.0|100|trojan successfully stopped|10|src=10.0.0.192 dst=12.121.122.82 spt=1232', 0);
    expect([e.version, e.deviceProduct, e.name, e.severity]).toEqual(['26', 'threat|->manager', 'trojan successfully stopped', '10']);
    expect(Object.fromEntries(e.extensions)).toEqual({ src: '10.0.0.192', dst: '12.121.122.82', spt: '1232' });
    expect(parseCefMessage('CEF:26|security|threat=manager|1.0|100|trojan successfully stopped|10|src=10.0.0.192', 0).deviceProduct).toBe('threat=manager');
    const escaped = parseCefMessage('CEF:0|security\\\\compliance|threat\\|->manager|1.0|100|message contains escapes|10|spt=1232 msg=Newlines in messages\\nare allowed.\\r\\nAnd so are carriage feeds\\\\newlines\\\\\\=.', 0);
    expect([escaped.deviceVendor, escaped.deviceProduct]).toEqual(['security\\compliance', 'threat|->manager']);
    expect(escaped.extensions.get('msg')).toBe('Newlines in messages\nare allowed.\r\nAnd so are carriage feeds\\newlines\\=.');
  });

  it('empty extension values, leading whitespace, header only, empty header fields', () => {
    expect(ext(`${H}src=10.0.0.192 dst= spt=1232`)).toEqual({ src: '10.0.0.192', dst: '', spt: '1232' });
    expect(parsed(`${H}src=10.0.0.192 dst= spt=1232`).dstIp).toBeNull();
    expect(ext(`${H} src=10.0.0.192 dst=12.121.122.82 spt=1232`)).toEqual({ src: '10.0.0.192', dst: '12.121.122.82', spt: '1232' });
    expect(ext('CEF:26|security|threatmanager|1.0|100|trojan successfully stopped|10|')).toEqual({});
    expect(ext('CEF:0|||1.0|100|trojan successfully stopped|10|src=10.0.0.192')).toEqual({ src: '10.0.0.192' });
    expect(parsed('CEF:0|||||||a=')).toMatchObject({ title: 'CEF event', severity: 2, sourceSeverity: null, vendor: null });
  });

  it('pipes are plain in the extension; an escaped pipe is decoded', () => {
    expect(ext(`${H}moo=this|has an pipe`)).toEqual({ moo: 'this|has an pipe' });
    expect(ext(`${H}moo=this\\|has an escaped pipe`)).toEqual({ moo: 'this|has an escaped pipe' });
  });

  it('extension escapes are decoded; an unescaped equals sign inside a value is kept, as senders write it', () => {
    expect(ext(`${H}msg=a+b\\=c x=c\\\\d\\=z`)).toEqual({ msg: 'a+b=c', x: 'c\\d=z' });
    expect(ext(`${H}moo=this =has = equals\\=`)).toEqual({ moo: 'this =has = equals=' });
    const webGateway = "CEF:0|FooBar|Web Gateway|1.2.3.45.67|200|Success|2|rt=Sep 07 2018 14:50:39 cat=Access Log dst=1.1.1.1 dhost=foo.example.com suser=redacted src=2.2.2.2 requestMethod=POST request='https://foo.example.com/bar/bingo/1' requestClientApplication='Foo-Bar/2018.1.7; =Email:user@example.com; Guid:test=' cs1= cs1Label=Foo Bar";
    expect(ext(webGateway).requestClientApplication).toBe("'Foo-Bar/2018.1.7; =Email:user@example.com; Guid:test='");
    expect(ext(`${H}key1=\\\\hi= key2=a`)).toEqual({ key1: '\\hi=', key2: 'a' });
    expect(parseAlert('cef', `${H}=no key`, opts)).toMatchObject({ ok: false, code: 'bad_cef_extension' });
  });

  it('trailing whitespace: kept on inner values, trimmed on the last; tabs are not separators', () => {
    const padded = 'CEF:0|security|threatmanager|1.0|100|message is padded|10|spt=1232 msg=Trailing space in non-final extensions is  preserved    src=10.0.0.192 ';
    expect(ext(padded)).toEqual({ spt: '1232', msg: 'Trailing space in non-final extensions is  preserved   ', src: '10.0.0.192' });
    const crlf = 'CEF:0|security|threatmanager|1.0|100|message is padded|10|spt=1232 msg=Trailing space in final extensions is not preserved\t \r\n';
    expect(ext(crlf)).toEqual({ spt: '1232', msg: 'Trailing space in final extensions is not preserved' });
    const tabs = 'CEF:0|security|threatmanager|1.0|100|message is padded|10|spt=1232 msg=Tabs\tand\rcontrol\ncharacters are preserved\t src=127.0.0.1';
    expect(ext(tabs)).toEqual({ spt: '1232', msg: 'Tabs\tand\rcontrol\ncharacters are preserved\t', src: '127.0.0.1' });
    const tabNoSep = 'CEF:0|security|threatmanager|1.0|100|message has tabs|10|spt=1232 msg=Tab is not a separator\tsrc=127.0.0.1';
    expect(ext(tabNoSep)).toEqual({ spt: '1232', msg: 'Tab is not a separator\tsrc=127.0.0.1' });
  });

  it('truncated headers and the fuzz inputs are bad_cef_header', () => {
    const truncated = 'CEF:0|SentinelOne|Mgmt|activityID=1111111111111111111 activityType=3505 siteId=None siteName=None accountId=1222222222222222222 accountName=foo-bar mdr notificationScope=ACCOUNT';
    for (const line of [truncated, 'CEF:0|a=\\\\ b|', 'CEF:0|\\|a=|b=', 'CEF:0|\\||a=b', 'CEF:0|a=|b\\\\ c=d', 'CEF:x|a|b|c|d|e|f|']) {
      expect(parseAlert('cef', line, opts), line).toMatchObject({ ok: false, code: 'bad_cef_header' });
    }
    expect(parseAlert('cef', 'just some text', opts)).toMatchObject({ ok: false, code: 'bad_cef_header' });
  });

  it('severity: numbers in four bands, words in any case, Unknown medium', () => {
    expect(['0', '3', '4', '6', '7', '8', '9', '10'].map(cefSeverity)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(['Low', 'medium', 'HIGH', 'Very-High', 'very-high', 'Unknown', 'bogus'].map(cefSeverity)).toEqual([1, 2, 3, 4, 4, 2, 2]);
  });
});

describe('CEF behind a syslog header', () => {
  const cef = 'CEF:0|Trend Micro|Deep Security Agent|10.0|4000000|Eicar_test_file|6|act=Delete fname=eicar.exe';

  it('strips an RFC 3164 header and uses its host and time as fallbacks', () => {
    const a = parsed(`<134>Jan 17 08:52:10 agent-07 ${cef}`);
    expect(a).toMatchObject({ format: 'cef', assetHostname: 'agent-07', title: 'Eicar_test_file', severity: 2, eventTime: '2025-01-17T01:52:10.000Z' });
    expect(parsed(`<134>Jan 17 08:52:10 agent-07 deepsec[42]: ${cef}`).assetHostname).toBe('agent-07');
  });

  it('strips an RFC 5424 header', () => {
    const a = parsed(`<134>1 2025-01-17T08:52:10.5+07:00 10.9.8.7 deepsec - - - ${cef}`);
    expect(a).toMatchObject({ format: 'cef', assetIp: '10.9.8.7', assetHostname: null, eventTime: '2025-01-17T01:52:10.500Z' });
  });

  it('rejects a prefix that is not a syslog header', () => {
    expect(parseAlert('cef', `hello ${cef}`, opts)).toMatchObject({ ok: false, code: 'bad_syslog_header' });
  });
});
