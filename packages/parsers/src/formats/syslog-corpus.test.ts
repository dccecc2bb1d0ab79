import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { corpusRecord } from '../testing/corpus.ts';

// Real vendor lines of the corpus (fixtures/public/corpus/syslog, from Wazuh's ruleset tests) that used to
// be quarantined or read without their time, zone, endpoints, severity or rule.
const receivedAt = new Date('2024-06-15T12:00:00.000Z');

function line(file: string, index: number): NormalizedAlert {
  const r = parseAlert('syslog', corpusRecord('syslog', `syslog/${file}`, index), { receivedAt });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('syslog lines of the real-sample corpus', () => {
  it('a Sophos XML line opening with <log> has no PRI: accepted with its message', () => {
    const a = line('sophos-av.log', 0);
    expect(a.title.startsWith('<log><category>savscan.log</category>')).toBe(true);
    expect([a.eventTime, a.sourceSeverity]).toEqual([null, null]);
  });

  it('an Exchange CSV line keeps its leading RFC 3339 time and the whole line as message', () => {
    const a = line('exchange.log', 0);
    expect(a.eventTime).toBe('2021-04-06T14:54:34.255Z');
    expect(a.title.startsWith('2021-04-06T14:54:34.255Z,61d2c86f-')).toBe(true);
    expect(a.observables).toContainEqual({ type: 'ipv4', value: '192.168.0.60', role: 'related' });
  });

  it('Huawei USG: yyyy/mm/dd and yyyy-mm-dd header times, the host, Huawei codes, comma-separated and hyphenated keys', () => {
    expect(line('huawei-usg.log', 0)).toMatchObject({
      eventTime: '2018-10-05T02:52:14.000Z', assetHostname: 'USG6300', ruleId: 'URL/4/FILTER', severity: 2, sourceSeverity: '4',
      srcIp: '1.1.1.1', srcPort: 5702, dstIp: '2.2.2.2', dstPort: 80,
    });
    expect(line('huawei-usg.log', 1)).toMatchObject({ ruleId: 'POLICY/6/POLICYPERMIT', srcIp: '1.1.1.1', srcPort: 2426, dstIp: '2.2.2.2', dstPort: 2234 });
    expect(line('huawei-usg.log', 2)).toMatchObject({ eventTime: '2018-10-05T03:52:13.000Z', assetHostname: 'USG6300', ruleId: 'SECLOG/6/SESSION_TEARDOWN' });
  });

  it('Sophos XG: the time is read in the zone of its timezone="+08" field', () => {
    expect(line('sophos-xg.log', 0)).toMatchObject({ eventTime: '2019-10-09T09:19:06.000Z', srcIp: '11.22.33.44', dstPort: 10051 });
  });

  it('FortiGate event logs without addresses: date and time, level, logid and msg are read', () => {
    expect(line('fortigate.log', 0)).toMatchObject({
      eventTime: '2016-06-15T03:42:31.000Z', severity: 3, sourceSeverity: '3', ruleId: '9999999999', title: 'IPsec DPD failure',
    });
  });

  it('Cisco PIX/FTD: the message code gives rule and severity; ip/service and iface/ip endpoints are observables', () => {
    const pix = line('cisco-pix.log', 1);
    expect(pix).toMatchObject({ ruleId: 'PIX-3-710003', severity: 3, sourceSeverity: '3' });
    expect(pix.observables.map((o) => o.value)).toEqual(['216.39.220.130', '62.192.113.98']);
    expect(line('cisco-ftd.log', 11).observables.map((o) => o.value)).toContain('192.168.1.59');
  });
});
