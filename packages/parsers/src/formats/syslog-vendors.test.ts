import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';

// Lines as the devices send them: Cisco NX-OS (Elastic's cisco_nexus test log), SonicWall and FortiGate
// key=value lines (Wazuh ruleset tests, Fortinet log reference).
const receivedAt = new Date('2023-05-09T08:00:00Z');

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('syslog', record, { receivedAt });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('syslog without a standard header', () => {
  it('Cisco NX-OS: PRI, optional sequence and host, the device time with its zone', () => {
    expect(parsed('<189>: 2023 May  2 12:57:15 UTC: %ETHPORT-5-IF_DOWN_ADMIN_DOWN: Interface Ethernet1/42 is down (Administratively down)')).toMatchObject({
      eventTime: '2023-05-02T12:57:15.000Z', severity: 1, title: '%ETHPORT-5-IF_DOWN_ADMIN_DOWN: Interface Ethernet1/42 is down (Administratively down)',
    });
    expect(parsed('<189>10.100.0.32: 2023 Apr 27 09:38:56 UTC: %ETHPORT-5-IF_ADMIN_UP: Interface Ethernet1/42 is admin up .')).toMatchObject({
      eventTime: '2023-04-27T09:38:56.000Z', assetIp: '10.100.0.32',
    });
    expect(parsed('<189>109692: switchname: May 9 14:40:12.903: %AUTHPRIV-5-SYSTEM_MSG: Login failed for user admin - sshd[10021]')).toMatchObject({
      eventTime: '2023-05-09T07:40:12.903Z', assetHostname: 'switchname',
    });
    expect(parsed('2023 May  1 22:58:09 switchname %LLDP-3-DETECT_MULTIPLE_PEERS: Multiple peers detected on Eth1/14')).toMatchObject({
      eventTime: '2023-05-01T15:58:09.000Z', assetHostname: 'switchname',
    });
  });

  it('a relay header before the device prefix: the device time and zone win, the prefix leaves the title', () => {
    const a = parsed('<189>May 3 13:20:50 10.100.0.34 6031594: May 3 13:20:48.739 AEST: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: username] [Source: 81.2.69.142] [localport: 22]');
    expect(a).toMatchObject({ eventTime: '2023-05-03T03:20:48.739Z', assetIp: '10.100.0.34' });
    expect(a.title.startsWith('%SEC_LOGIN-5-LOGIN_SUCCESS')).toBe(true);
    expect(a.observables).toContainEqual({ type: 'ipv4', value: '81.2.69.142', role: 'related' });
  });

  it('SonicWall key=value line without any header: endpoints, its own UTC time, msg as title, pri as severity', () => {
    const line = 'id=NSA2650GG sn=18B169D79980 time="2019-03-18 08:33:45 UTC" fw=83.211.91.146 pri=3 c=4 m=14 msg="Web site access denied" app=49177 appName="General HTTPS" n=838005 src=192.168.0.62:54993:X0:pc048.example.com dst=151.101.242.49:443:X1 proto=tcp/https dstname=example.com arg=/ code=49';
    const a = parsed(line);
    expect(a).toMatchObject({
      eventTime: '2019-03-18T08:33:45.000Z', title: 'Web site access denied', description: line, ruleId: '14', severity: 3, sourceSeverity: '3',
      srcIp: '192.168.0.62', srcPort: 54993, dstIp: '151.101.242.49', dstPort: 443, protocol: 'tcp',
    });
    expect(a.observables.slice(0, 2)).toEqual([{ type: 'ipv4', value: '192.168.0.62', role: 'src' }, { type: 'ipv4', value: '151.101.242.49', role: 'dst' }]);
  });

  it('a key=value line with no time at all keeps the message and leaves the time to the receipt', () => {
    const a = parsed('devname=FGT60D srcip=10.0.0.5 srcport=51234 dstip=203.0.113.80 dstport=80 proto=6 action=blocked level="warning" msg="URL blocked"');
    expect(a).toMatchObject({ eventTime: null, srcIp: '10.0.0.5', srcPort: 51234, dstIp: '203.0.113.80', dstPort: 80, protocol: 'tcp', severity: 2, title: 'URL blocked' });
  });

  it('FortiGate date= time= tz= fields inside an RFC 3164 message', () => {
    const a = parsed('<189>date=2019-05-10 time=11:37:47 devname="FGT" logid="0000000013" type="traffic" tz="+0200" srcip=10.8.0.2 srcport=62210 dstip=8.8.8.8 dstport=53 proto=17');
    expect(a).toMatchObject({ eventTime: '2019-05-10T09:37:47.000Z', ruleId: '0000000013', protocol: 'udp', dstPort: 53 });
  });
});
