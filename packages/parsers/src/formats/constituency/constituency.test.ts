import { describe, expect, it } from 'vitest';
import type { NormalizedAlert } from '@lachan/contracts';
import { parseAlert } from '../../parse-alert.ts';
import { constituencySample } from '../../testing/samples.ts';
import { constituencyFacts, splitConstituencyReport, type ReportInput } from './index.ts';

const opts = { receivedAt: new Date('2026-12-06T00:00:00Z') };

/** Splits a sample and parses every row: the alerts, and the refusals with their codes. */
function read(input: Omit<ReportInput, 'body'> & { file: string }) {
  const split = splitConstituencyReport({ ...input, body: constituencySample(input.file) });
  if ('error' in split) throw new Error(split.error.message);
  const out = split.records.map((r) => parseAlert('constituency', r, opts));
  return {
    alerts: out.flatMap((o) => (o.ok ? [o.alert] : [])),
    refused: out.flatMap((o) => (o.ok ? [] : [o.code])),
    records: split.records,
  };
}

const MAPPING = {
  name: 'ISP abuse list', reportType: 'isp_abuse', delimiter: ';', rsitClass: 'malicious-code', rsitType: 'infected-system', severity: 2, timeZone: 'Asia/Ho_Chi_Minh',
  columns: { time: 'Thoi gian', ip: 'Dia chi IP', port: 'Cong', malware: 'Ma doc', severity: 'Muc do', description: 'Ghi chu' },
};

describe('Shadowserver reports', () => {
  it('reads an exposed-service scan (scan_rdp): the host, port, severity, classification, report day', () => {
    const { alerts, refused } = read({ feed: 'shadowserver', file: '2026-12-05-scan_rdp-vn-geo.csv', filename: '2026-12-05-scan_rdp-vn-geo.csv' });
    expect(refused).toEqual([]);
    expect(alerts).toHaveLength(2);
    const a = alerts[0]!;
    expect(a).toMatchObject({
      format: 'constituency', eventTime: '2026-12-05T04:21:09.000Z', assetIp: '203.0.113.21', dstPort: 3389, protocol: 'tcp', severity: 3, sourceSeverity: 'high',
      rsitClass: 'vulnerable', rsitType: 'vulnerable-system', vendor: 'Shadowserver', product: 'Accessible-RDP', ruleId: 'shadowserver:scan_rdp',
      title: 'Accessible-RDP: 203.0.113.21:3389 (rdp)',
    });
    expect(a.observables).toContainEqual({ type: 'domain', value: 'ts01.bank-a.example', role: 'related' });
    expect(constituencyFacts(a.tags)).toEqual({ feed: 'shadowserver', report: 'scan_rdp', reportDay: '2026-12-05' });
    expect(a.description).toContain('rdp_protocol: RDP_SSL|RDP_HYBRID');
  });

  it('reads scan_http and scan_smb; two ports of one host are two alerts, a report type comes from the file name', () => {
    const http = read({ feed: 'shadowserver', file: '2026-12-05-scan_http-vn-geo.csv', filename: 'reports/2026-12-05-scan_http-vn-geo.csv' });
    expect(http.alerts.map((a) => `${a.assetIp}:${a.dstPort}`)).toEqual(['203.0.113.10:80', '203.0.113.10:8080', '198.51.100.23:80']);
    expect(http.alerts.every((a) => a.rsitClass === 'other' && a.severity === 2)).toBe(true);
    const smb = read({ feed: 'shadowserver', file: '2026-12-05-scan_smb-vn-geo.csv', report: 'scan_smb' });
    expect(smb.alerts.map((a) => a.title)).toEqual(['Accessible-SMB: 203.0.113.22:445 (smb)', 'Accessible-SMB: 198.51.100.77:445 (smb)']);
  });

  it('reads compromised hosts seen by a sinkhole: the constituency host is src_ip, the infection names the alert', () => {
    const { alerts } = read({ feed: 'shadowserver', file: '2026-12-05-event4_sinkhole-vn-geo.csv', filename: '2026-12-05-event4_sinkhole-vn-geo.csv' });
    expect(alerts[0]).toMatchObject({
      assetIp: '203.0.113.30', srcIp: '203.0.113.30', dstIp: '192.0.2.200', dstPort: 80, severity: 3, rsitClass: 'malicious-code', rsitType: 'infected-system',
      title: 'Sinkhole-Events IPv4: 203.0.113.30 (andromeda)',
    });
    // Two connections of one infected host on one report day: one event key (one alert, two occurrences).
    expect(alerts[1]!.eventKey).toEqual(alerts[0]!.eventKey);
    expect(alerts[0]!.tags).toEqual(expect.arrayContaining(['andromeda', 'gamarue', 'botnet']));
    expect(alerts[2]).toMatchObject({ assetIp: '198.51.100.90', protocol: 'udp' });
  });

  it('reads honeypot brute-force attacks from the constituency (critical)', () => {
    const { alerts } = read({ feed: 'shadowserver', file: '2026-12-05-event4_honeypot_brute_force-vn-geo.csv', report: 'event4_honeypot_brute_force' });
    expect(alerts.map((a) => [a.assetIp, a.severity, a.rsitType])).toEqual([['203.0.113.40', 4, 'brute-force'], ['198.51.100.41', 4, 'brute-force']]);
    expect(alerts[0]!.description).toContain('username: root');
  });

  it('refuses a file without a report type or header, and quarantines a row that does not fit its header', () => {
    expect(splitConstituencyReport({ feed: 'shadowserver', body: 'timestamp,ip\n2026-12-05 00:00:00,203.0.113.1\n' })).toMatchObject({ error: { code: 'report_type_unknown' } });
    expect(splitConstituencyReport({ feed: 'shadowserver', report: 'scan_rdp', body: 'ip,port\n203.0.113.1,3389\n' })).toMatchObject({ error: { code: 'missing_header' } });
    expect(splitConstituencyReport({ feed: 'shadowserver', report: 'Scan RDP', body: 'timestamp\n' })).toMatchObject({ error: { code: 'invalid_report_type' } });
    const split = splitConstituencyReport({ feed: 'shadowserver', report: 'scan_rdp', body: 'timestamp,ip,port\n2026-12-05 00:00:00,203.0.113.1\nnot a time,203.0.113.2,3389\n2026-12-05 00:00:00,999.1.1.1,3389\n' });
    const codes = 'records' in split ? split.records.map((r) => parseAlert('constituency', r, opts)).map((o) => (o.ok ? 'ok' : o.code)) : [];
    expect(codes).toEqual(['column_count', 'invalid_value', 'invalid_value']);
  });
});

describe('abuse.ch feeds', () => {
  it('reads URLhaus: the URL host (address or domain) is the constituency host', () => {
    const { alerts } = read({ feed: 'urlhaus', file: 'urlhaus-csv-recent.csv' });
    expect(alerts.map((a) => [a.assetIp, a.assetHostname, a.severity])).toEqual([['203.0.113.50', null, 3], [null, 'shop.bank-a.example', 3], ['198.51.100.60', null, 2]]);
    expect(alerts[1]).toMatchObject({ rsitType: 'malware-distribution', product: 'URLhaus', sourceRef: '3400120', eventTime: '2026-12-05T09:41:37.000Z' });
    expect(alerts[1]!.observables).toContainEqual({ type: 'url', value: 'https://shop.bank-a.example/wp-content/uploads/inv.zip', role: 'related' });
    expect(alerts[0]!.tags).toEqual(expect.arrayContaining(['malware_download', 'Mozi', 'elf']));
    expect(constituencyFacts(alerts[0]!.tags)?.reportDay).toBe('2026-12-05');
  });

  it('reads Feodo Tracker botnet C2 servers', () => {
    const { alerts } = read({ feed: 'feodo', file: 'feodo-ipblocklist.csv' });
    expect(alerts.map((a) => [a.assetIp, a.dstPort, a.severity, a.rsitType])).toEqual([['203.0.113.70', 443, 4, 'c2-server'], ['198.51.100.71', 8080, 3, 'c2-server']]);
    expect(alerts[0]!.title).toBe('Feodo Tracker: QakBot C2 server 203.0.113.70:443');
  });

  it('reads ThreatFox ip:port and domain indicators; a file hash names no host and is refused by design', () => {
    const { alerts, refused } = read({ feed: 'threatfox', file: 'threatfox-recent.csv' });
    expect(alerts.map((a) => [a.assetIp, a.assetHostname, a.dstPort, a.severity])).toEqual([['203.0.113.80', null, 7777, 4], [null, 'update.bank-a.example', null, 3]]);
    expect(alerts[1]!.rsitType).toBe('malware-distribution');
    expect(refused).toEqual(['no_constituency_host']);
  });

  it('takes a header-less file in the documented column order', () => {
    const body = '"2026-12-05 02:03:11","198.51.100.71","8080","online","2026-12-05","Pikabot"\n';
    const split = splitConstituencyReport({ feed: 'feodo', body });
    expect('records' in split && parseAlert('constituency', split.records[0]!, opts)).toMatchObject({ ok: true, alert: { assetIp: '198.51.100.71' } });
  });
});

describe('a centre-defined CSV mapping', () => {
  it('renames the columns, reads times in the mapping zone, and refuses bad rows with their reason', () => {
    const { alerts, refused } = read({ feed: 'csv', file: 'generic-isp-abuse.csv', mapping: MAPPING });
    expect(refused).toEqual(['invalid_value', 'column_count']);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({
      eventTime: '2026-12-05T07:02:11.000Z', assetIp: '203.0.113.90', dstPort: 23, severity: 3, rsitClass: 'malicious-code', rsitType: 'infected-system',
      title: 'ISP abuse list: 203.0.113.90:23 (Mirai)', description: 'Telnet mo ra Internet, thiet bi IoT nhiem Mirai',
    } satisfies Partial<NormalizedAlert>);
    expect(alerts[1]).toMatchObject({ severity: 2, dstPort: null });
    expect(constituencyFacts(alerts[0]!.tags)?.report).toBe('isp_abuse');
  });

  it('refuses a file whose header lacks a mapped column', () => {
    const split = splitConstituencyReport({ feed: 'csv', body: 'a;b\n1;2\n', mapping: MAPPING });
    expect(split).toMatchObject({ error: { code: 'missing_column' } });
  });
});

describe('dedup per report day', () => {
  it('gives repeats of one host, port and report day the same event key, and another day another', () => {
    const body = 'timestamp,ip,port\n2026-12-05 01:00:00,203.0.113.1,3389\n2026-12-05 23:00:00,203.0.113.1,3389\n';
    const keys = (reportDate?: string) => {
      const split = splitConstituencyReport({ feed: 'shadowserver', report: 'scan_rdp', body, reportDate });
      return 'records' in split ? split.records.map((r) => parseAlert('constituency', r, opts)).map((o) => (o.ok ? o.alert.eventKey : null)) : [];
    };
    const [a, b] = keys();
    expect(a).toEqual(b);
    expect(keys('2026-12-06')[0]).not.toEqual(a);
  });
});
