import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';

// Records as the vendors publish them (PAN-OS CEF log format, Check Point Log Exporter, Cisco ESA
// consolidated event log), shortened to the keys that matter here.
const opts = { receivedAt: new Date('2023-03-21T15:00:30Z') };

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('cef', record, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('CEF as real senders write it', () => {
  it('PAN-OS: keys with a hyphen, dtz=UTC times stored as UTC', () => {
    const pan =
      'CEF:0|Palo Alto Networks|LF|2.0|THREAT|file|3|ProfileToken=xxxxx dtz=UTC rt=Mar 01 2021 21:06:06 PanOSDynamicUserGroup= PanOSX-Forwarded-ForIP= ' +
      'PanOSSourceDeviceCategory= start=Mar 01 2021 21:06:06 src=1.1.1.1 dst=2.2.2.2 spt=37404 dpt=25 proto=tcp act=alert filePath=page-icon.png dvchost=PA-5220';
    const a = parsed(pan);
    expect(a).toMatchObject({ eventTime: '2021-03-01T21:06:06.000Z', srcIp: '1.1.1.1', dstIp: '2.2.2.2', srcPort: 37404, dstPort: 25, assetHostname: 'PA-5220' });
    const xff = parsed('CEF:0|Palo Alto Networks|LF|2.0|TRAFFIC|end|3|dtz=UTC rt=Mar 21 2023 15:00:21 PanOSX-Forwarded-ForIP=203.0.113.9 src=10.1.1.1');
    expect(xff.eventTime).toBe('2023-03-21T15:00:21.000Z');
  });

  it('dtz as an IANA name, an offset or an abbreviation; a zone written in the time wins', () => {
    const at = (ext: string) => parsed(`CEF:0|V|P|1|1|n|5|${ext}`).eventTime;
    expect(at('dtz=Europe/Berlin rt=Jan 10 2021 12:00:00')).toBe('2021-01-10T11:00:00.000Z');
    expect(at('dtz=GMT+07:00 rt=Jan 10 2021 12:00:00')).toBe('2021-01-10T05:00:00.000Z');
    expect(at('dtz=-0500 rt=Jan 10 2021 12:00:00')).toBe('2021-01-10T17:00:00.000Z');
    expect(at('dtz=EST rt=Jan 10 2021 12:00:00')).toBe('2021-01-10T17:00:00.000Z');
    expect(at('dtz=UTC rt=Jan 10 2021 12:00:00 +0100')).toBe('2021-01-10T11:00:00.000Z');
    expect(at('deviceTimeZone=UTC receiptTime=Jan 10 2021 12:00:00')).toBe('2021-01-10T12:00:00.000Z');
    // Without dtz the zoneless time is read in the platform's zone (Asia/Ho_Chi_Minh by default).
    expect(at('rt=Jan 10 2021 12:00:00')).toBe('2021-01-10T05:00:00.000Z');
  });

  it('Check Point: escaped backslash before an equals sign in originsicname, empty header field', () => {
    const cp =
      'CEF:0|Check Point|VPN-1 & FireWall-1||Log|https|Unknown|act=Accept rt=1543270652000 spt=49363 dpt=443 cs2Label=Rule Name ' +
      'loguid={0x5bfc70fc,0x1,0xfe65a8c0,0xc0000001} origin=192.168.101.254 originsicname=CN\\\\=R80,O\\\\=R80_M..6u6bdo sequencenum=1 dst=52.173.84.157 src=192.168.101.100';
    const a = parsed(cp);
    expect(a).toMatchObject({ vendor: 'Check Point', eventTime: '2018-11-26T22:17:32.000Z', srcIp: '192.168.101.100', dstIp: '52.173.84.157', dstPort: 443 });
  });

  it('Cisco ESA: ctime times, Python-dict values with quotes and colons', () => {
    const esa =
      'CEF:0|Cisco|C100V Email Security Virtual Appliance|14.0.0-657|ESA_CONSOLIDATED_LOG_EVENT|Consolidated Log Event|5|deviceExternalId=42127C7DDEE76852677B-F80CE8074CD3 ' +
      'ESAMID=1053 endTime=Thu Mar 18 08:04:46 2021 dvc=1.128.3.4 ESAAttachmentDetails={\'test.txt\': {\'AMP\': {\'Verdict\': \'FILE UNKNOWN\', \'fileHash\': ' +
      "'7f843d263304fb0516d6210e9de4fa7f01f2f623074aab6e3ee7051f7b785cfa'}, 'BodyScanner': {'fsize': 10059}}} startTime=Thu Mar 18 08:04:29 2021 " +
      'suser=sender@example.com ESAURLDetails={\'url\': \'http://example.com/?a=b&c=d\'} act=QUARANTINED';
    const a = parsed(esa);
    expect(a).toMatchObject({ title: 'Consolidated Log Event', severity: 2, assetIp: '1.128.3.4', eventTime: '2021-03-18T01:04:46.000Z' });
  });

  it('reads the full ArcSight key names', () => {
    const full =
      'CEF:0|ArcSight|Logger|7|agent:030|Login failed|7|sourceAddress=198.51.100.7 sourcePort=51000 destinationAddress=10.0.0.5 destinationPort=22 ' +
      'transportProtocol=TCP sourceUserName=root deviceHostName=gw1 message=bad password requestUrl=http://evil.example/x deviceAction=blocked';
    expect(parsed(full)).toMatchObject({
      srcIp: '198.51.100.7', srcPort: 51000, dstIp: '10.0.0.5', dstPort: 22, protocol: 'tcp', assetHostname: 'gw1', description: 'bad password',
    });
    expect(parsed(full).observables).toContainEqual({ type: 'url', value: 'http://evil.example/x', role: 'related' });
    expect(parsed(full).tags).toContain('action:blocked');
  });
});
