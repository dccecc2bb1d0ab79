import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import type { ParseOptions } from '../types.ts';
import { parseSyslogLine } from './syslog-parse.ts';

const RECEIVED = new Date('2025-10-12T03:00:00Z');

function parsed(record: string, opts: Partial<ParseOptions> = {}): NormalizedAlert {
  const r = parseAlert('syslog', record, { receivedAt: RECEIVED, ...opts });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('RFC 5424 (the three reference messages of RFC 5424 §6.5)', () => {
  it('message with a BOM before MSG', () => {
    expect(parsed("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8")).toEqual({
      format: 'syslog',
      eventTime: '2003-10-11T22:14:15.003Z',
      sourceRef: null,
      title: "'su root' failed for lonvick on /dev/pts/8",
      description: null,
      vendor: null,
      product: 'su',
      ruleId: 'ID47',
      ruleName: null,
      severity: 3,
      sourceSeverity: '2',
      rsitClass: null,
      rsitType: null,
      attackTechniques: [],
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      protocol: null,
      assetHostname: 'mymachine.example.com',
      assetIp: null,
      observables: [],
      tags: ['facility:auth'],
    });
  });

  it('message with microseconds, an offset and an IP as HOSTNAME', () => {
    expect(parsed("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.")).toMatchObject({
      eventTime: '2003-08-24T12:14:15.000Z',
      title: "%% It's time to make the do-nuts.",
      product: 'myproc',
      ruleId: null,
      severity: 1,
      sourceSeverity: '5',
      assetIp: '192.0.2.1',
      assetHostname: null,
      tags: ['facility:local4'],
    });
  });

  it('structured data and no MSG', () => {
    const line = '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]';
    const msg = parseSyslogLine(line, { receivedAt: RECEIVED, timeZone: 'UTC' });
    expect(msg.structuredData).toEqual([
      { id: 'exampleSDID@32473', params: [['iut', '3'], ['eventSource', 'Application'], ['eventID', '1011']] },
      { id: 'examplePriority@32473', params: [['class', 'high']] },
    ]);
    expect(msg.message).toBe('');
    expect(parsed(line)).toMatchObject({ title: 'evntslog ID47', description: '[exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]' });
  });

  it('bracketed text that is not RFC 5424 structured data is kept as the message (Check Point writes its fields so)', () => {
    expect(parsed('<13>1 2003-10-11T22:14:15Z host app - - [x a="1"')).toMatchObject({ title: '[x a="1"', eventTime: '2003-10-11T22:14:15.000Z' });
    const cp = '1 2019-05-15T16:25:50Z HOSTNAME CheckPoint 19710 - [action:"Drop"; ifdir:"inbound"; src:"192.0.2.7"; dst:"198.51.100.8"]';
    expect(parsed(cp)).toMatchObject({ eventTime: '2019-05-15T16:25:50.000Z', assetHostname: 'HOSTNAME', product: 'CheckPoint' });
    expect(parsed(cp).observables.map((o) => o.value)).toEqual(['192.0.2.7', '198.51.100.8']);
  });

  it('NILVALUE everywhere, escaped PARAM-VALUEs, and malformed headers', () => {
    const msg = parseSyslogLine('<13>1 - - - - - [x@1 a="q\\"uote\\]\\\\ \\n" b=""] hi', { receivedAt: RECEIVED, timeZone: 'UTC' });
    expect([msg.time, msg.hostname, msg.appName, msg.procId, msg.msgId]).toEqual([null, null, null, null, null]);
    expect(msg.structuredData[0]!.params).toEqual([['a', 'q"uote]\\ \\n'], ['b', '']]);
    expect(msg.message).toBe('hi');
    for (const bad of ['<13>1 2003-10-11T22:14:15Z host app - -', '<13>1 not-a-time host app - - - hi', '<13>1 2003-10-11T22:14:15 host app - - - zoneless', '<13>1 2003-10-11T22:14:15Z host app - - x hi']) {
      expect(parseAlert('syslog', bad, { receivedAt: RECEIVED }), bad).toMatchObject({ ok: false, code: 'bad_syslog_header' });
    }
  });
});

describe('RFC 3164', () => {
  it('the RFC example, read in Asia/Ho_Chi_Minh (UTC+7) by default', () => {
    expect(parsed("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")).toMatchObject({
      eventTime: '2025-10-11T15:14:15.000Z',
      title: "'su root' failed for lonvick on /dev/pts/8",
      assetHostname: 'mymachine',
      product: 'su',
      severity: 3,
      tags: ['facility:auth'],
    });
    expect(parsed("<34>Oct 11 22:14:15 mymachine su: 'su root' failed", { timeZone: 'UTC' }).eventTime).toBe('2025-10-11T22:14:15.000Z');
  });

  it('a space-padded day (Oct  1) with a pid in the TAG', () => {
    const line = '<86>Oct  1 09:05:03 bastion sshd[2041]: Failed password for root from 203.0.113.9 port 52144 ssh2';
    const msg = parseSyslogLine(line, { receivedAt: RECEIVED, timeZone: 'Asia/Ho_Chi_Minh' });
    expect([msg.hostname, msg.appName, msg.procId, msg.message]).toEqual(['bastion', 'sshd', '2041', 'Failed password for root from 203.0.113.9 port 52144 ssh2']);
    expect(parsed(line)).toMatchObject({
      eventTime: '2025-10-01T02:05:03.000Z',
      severity: 1,
      observables: [{ type: 'ipv4', value: '203.0.113.9', role: 'related' }],
      tags: ['facility:authpriv'],
    });
  });

  it('year rollover: Dec 31 23:59:59 received on Jan 1 is last year', () => {
    const line = '<13>Dec 31 23:59:59 host app: tick';
    expect(parsed(line, { receivedAt: new Date('2025-12-31T17:00:30Z') }).eventTime).toBe('2025-12-31T16:59:59.000Z');
    expect(parsed(line, { receivedAt: new Date('2026-01-01T00:00:30Z'), timeZone: 'UTC' }).eventTime).toBe('2025-12-31T23:59:59.000Z');
    // and a Jan 1 line received late on Dec 31 (clock skew) is next year
    expect(parsed('<13>Jan  1 00:00:10 host app: tock', { receivedAt: new Date('2025-12-31T23:59:50Z'), timeZone: 'UTC' }).eventTime).toBe('2026-01-01T00:00:10.000Z');
  });

  it('never more than about a day in the future', () => {
    const receivedAt = new Date('2025-06-01T00:00:00Z');
    expect(parsed('<13>Jun  1 20:00:00 h a: x', { receivedAt, timeZone: 'UTC' }).eventTime).toBe('2025-06-01T20:00:00.000Z');
    expect(parsed('<13>Jun  3 00:00:00 h a: x', { receivedAt, timeZone: 'UTC' }).eventTime).toBe('2024-06-03T00:00:00.000Z');
    expect(parsed('<13>Feb 29 12:00:00 h a: leap', { receivedAt, timeZone: 'UTC' }).eventTime).toBe('2024-02-29T12:00:00.000Z');
  });

  it('lines without PRI, with a year, with an RFC 3339 time, without HOSTNAME', () => {
    expect(parsed('May 11 12:29:18 localhost sshd[17584]: Invalid user paco from 172.17.1.1 port 56404')).toMatchObject({ severity: 2, sourceSeverity: null, assetHostname: 'localhost', product: 'sshd' });
    expect(parsed('<14>Jan 17 2020 08:52:10 fw1 kernel: drop', { timeZone: 'UTC' }).eventTime).toBe('2020-01-17T08:52:10.000Z');
    expect(parsed('<14>2024-02-03T04:05:06.789+07:00 fw1 kernel: drop').eventTime).toBe('2024-02-02T21:05:06.789Z');
    expect(parsed("<34>Oct 11 22:14:15 su: 'su root' failed")).toMatchObject({ assetHostname: null, product: 'su' });
    expect(parsed('<34>yesterday h a: x')).toMatchObject({ eventTime: null, title: 'yesterday h a: x', severity: 3 });
    for (const bad of ['<999>Oct 11 22:14:15 h a: x', '<3a>Oct 11 22:14:15 h a: x', '<34>Oct 32 22:14:15 h a: x']) {
      expect(parseAlert('syslog', bad, { receivedAt: RECEIVED }), bad).toMatchObject({ ok: false, code: 'bad_syslog_header' });
    }
  });

  it('PRI severities 0–1 → 4, 2–3 → 3, 4 → 2, 5–7 → 1', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((s) => parsed(`<${8 + s}>Oct 11 22:14:15 h a: x`).severity)).toEqual([4, 4, 3, 3, 2, 1, 1, 1]);
  });
});

describe('syslog message contents', () => {
  it('extracts URLs, e-mails, hashes, IPv6 and domains, not file names', () => {
    const a = parsed(
      '<12>Oct 11 22:14:15 mail postfix/smtpd[77]: reject from unknown[2001:DB8::25]: sender <Phish@Evil-Mail.example.com> url=hxxp://login.evil[.]example/x?a=1, ' +
        'sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 via relay.example.org (see /etc/postfix/main.cf, sshd.service, index.html) 0.0.0.0',
    );
    expect(a.product).toBe('postfix/smtpd');
    expect(a.observables).toEqual([
      { type: 'ipv6', value: '2001:db8::25', role: 'related' },
      { type: 'email', value: 'phish@evil-mail.example.com', role: 'related' },
      { type: 'url', value: 'http://login.evil.example/x?a=1', role: 'related' },
      { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', role: 'related' },
      { type: 'domain', value: 'relay.example.org', role: 'related' },
    ]);
  });

  it('cuts the title at 512 characters and keeps the whole message as description', () => {
    const text = `start ${'x'.repeat(600)} end`;
    const a = parsed(`<13>Oct 11 22:14:15 h a: ${text}`);
    expect(a.title).toHaveLength(512);
    expect(a.description).toBe(text);
  });

  it('hands CEF content to the CEF mapper', () => {
    const a = parsed('<134>Oct 11 22:14:15 fw01 CEF:0|Check Point|VPN-1 & FireWall-1|R81|drop|Drop|7|src=198.51.100.4 dst=10.0.0.8 dpt=445 externalId=cp-991');
    expect(a).toMatchObject({ format: 'cef', sourceRef: 'cp-991', severity: 3, vendor: 'Check Point', srcIp: '198.51.100.4', dstPort: 445, eventTime: '2025-10-11T15:14:15.000Z', assetIp: '10.0.0.8' });
  });
});
