import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { splitRecords } from '../split-records.ts';
import { RECEIVED_AT, sample } from '../testing/samples.ts';

const opts = { receivedAt: RECEIVED_AT };

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('ecs', record, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

function one(file: string): string {
  const split = splitRecords('ecs', sample(file), 'application/json');
  if (!('records' in split) || split.records.length !== 1) throw new Error(`${file} is not one record`);
  return split.records[0]!;
}

describe('ECS alert documents', () => {
  it('maps the Snort sample event', () => {
    expect(parsed(one('ecs/snort-log-sample_event.json'))).toEqual({
      format: 'ecs',
      eventTime: '2022-09-05T21:02:55.000Z',
      sourceRef: null,
      title: 'Pinging...',
      description: null,
      vendor: 'snort',
      product: 'ids',
      ruleId: '1000015',
      ruleName: null,
      severity: 1,
      sourceSeverity: '3',
      rsitClass: 'other',
      rsitType: 'other',
      attackTechniques: [],
      srcIp: '10.50.10.88',
      srcPort: null,
      dstIp: '175.16.199.1',
      dstPort: null,
      protocol: 'icmp',
      assetHostname: null,
      assetIp: null,
      observables: [
        { type: 'ipv4', value: '10.50.10.88', role: 'src' },
        { type: 'ipv4', value: '175.16.199.1', role: 'dst' },
      ],
      tags: ['snort.log'],
    });
  });

  it('maps the Zeek port-scan notice', () => {
    const a = parsed(one('ecs/zeek-notice-sample_event.json'));
    expect(a).toMatchObject({
      eventTime: '2019-02-28T22:36:28.426Z',
      title: 'Scan::Port_Scan',
      ruleName: 'Scan::Port_Scan',
      description: '8.42.77.171 scanned at least 15 unique ports of host 207.154.238.205 in 0m0s',
      product: 'zeek',
      severity: 2,
      sourceSeverity: null,
      rsitClass: 'information-gathering',
      rsitType: 'scanner',
      srcIp: '8.42.77.171',
      dstIp: '207.154.238.205',
      assetHostname: 'Lees-MBP.localdomain',
      tags: ['zeek-notice'],
    });
  });

  it('maps a Kibana detection alert with flattened kibana.alert.* keys', () => {
    const doc = {
      '@timestamp': '2025-03-01T10:00:05.000Z',
      'kibana.alert.original_time': '2025-03-01T09:59:58.120Z',
      'kibana.alert.uuid': '7d3f0c2e-1111-4a3b-9c3d-0f0e0d0c0b0a',
      'kibana.alert.rule.name': 'Potential Credential Access via LSASS',
      'kibana.alert.rule.rule_id': 'lsass-001',
      'kibana.alert.severity': 'critical',
      'kibana.alert.risk_score': 21,
      'kibana.alert.reason': 'process event with process lsass.exe by SYSTEM on ws-07 created critical alert',
      'kibana.alert.rule.threat': [{ framework: 'MITRE ATT&CK', technique: [{ id: 'T1003', subtechnique: [{ id: 'T1003.001' }] }] }],
      event: { kind: 'signal' },
      host: { name: 'ws-07', ip: ['10.1.2.3', 'fe80::1'] },
      user: { name: 'SYSTEM' },
      process: { hash: { sha256: 'A'.repeat(64) } },
    };
    const a = parsed(JSON.stringify(doc));
    expect(a).toMatchObject({
      eventTime: '2025-03-01T09:59:58.120Z',
      sourceRef: '7d3f0c2e-1111-4a3b-9c3d-0f0e0d0c0b0a',
      title: 'Potential Credential Access via LSASS',
      description: 'process event with process lsass.exe by SYSTEM on ws-07 created critical alert',
      ruleId: 'lsass-001',
      vendor: 'Elastic',
      product: 'Elastic Security',
      severity: 4,
      sourceSeverity: 'critical',
      attackTechniques: ['T1003', 'T1003.001'],
      assetHostname: 'ws-07',
      assetIp: '10.1.2.3',
    });
    expect(a.observables).toEqual([
      { type: 'sha256', value: 'a'.repeat(64), role: 'related' },
      { type: 'user', value: 'SYSTEM', role: 'related' },
    ]);
  });

  it('derives severity from risk score bands, then event.severity, then medium', () => {
    const sev = (event: object, extra: object = {}) => parsed(JSON.stringify({ event: { kind: 'alert', ...event }, ...extra })).severity;
    expect([0, 21, 22, 47, 48, 73, 74, 100].map((risk_score) => sev({ risk_score }))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(sev({ severity: 80 })).toBe(4);
    expect(sev({ severity: 500 })).toBe(2);
    expect(sev({ risk_score_norm: 80 })).toBe(4);
    expect(sev({})).toBe(2);
    expect(sev({ severity: 1, module: 'suricata' })).toBe(3);
    expect(sev({}, { kibana: { alert: { risk_score: 50 } } })).toBe(3);
  });

  it('reads a third-party event.severity on its own small scale and a vendor severity word before it', () => {
    const sev = (event: object, extra: object = {}) => parsed(JSON.stringify({ event: { kind: 'alert', ...event }, ...extra })).severity;
    expect([0, 3, 4, 6, 7, 8, 9, 10].map((severity) => sev({ severity }))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(sev({ severity: 73 })).toBe(3);
    expect(sev({ severity: 2 }, { crowdstrike: { event: { SeverityName: 'High' } } })).toBe(3);
    expect(sev({ severity: 1 }, { m365_defender: { alert: { severity: 'critical' } } })).toBe(4);
    expect(sev({ severity: 9 }, { 'sophos_central.alert.severity': 'medium' })).toBe(2);
    // ECS's own groups are not a vendor's word: log.level says nothing about the alert's severity.
    expect(sev({ severity: 9 }, { log: { level: 'low' } })).toBe(4);
  });

  it('titles an alert without rule.name from what it says, never the same generic text', () => {
    const title = (doc: object) => parsed(JSON.stringify({ event: { kind: 'alert' }, ...doc })).title;
    expect(title({ event: { kind: 'alert', reason: 'malware was detected on host ws-1', action: 'x' } })).toBe('malware was detected on host ws-1');
    expect(title({ event: { kind: 'alert', action: 'process-blocked' } })).toBe('process-blocked');
    expect(title({ threat: { technique: { name: ['Phishing'], id: ['T1566'] } } })).toBe('Phishing');
    const bare = { event: { kind: 'alert', code: 'DET-42' }, observer: { vendor: 'Acme', product: 'EDR' }, host: { name: 'ws-9' } };
    expect(title(bare)).toBe('Acme EDR DET-42 on ws-9');
    expect(title({ event: { kind: 'alert', category: ['malware'], dataset: 'acme.alerts' } })).toBe('acme malware');
  });

  it('accepts rule/threat documents without event.kind and refuses other kinds', () => {
    expect(parseAlert('ecs', '{"rule":{"name":"x"}}', opts).ok).toBe(true);
    expect(parseAlert('ecs', '{"threat.technique.id":"T1059"}', opts)).toMatchObject({ ok: true, alert: { attackTechniques: ['T1059'] } });
    expect(parseAlert('ecs', '{"event":{"kind":"event"},"rule":{"name":"x"}}', opts)).toMatchObject({ ok: false, code: 'not_an_alert' });
    expect(parseAlert('ecs', '{"message":"hello"}', opts)).toMatchObject({ ok: false, code: 'not_an_alert' });
  });

  it('collects url, dns, file and related observables', () => {
    const a = parsed(
      JSON.stringify({
        event: { kind: 'alert', id: 'e-1' },
        url: { original: 'hxxps://Bad.Example[.]com/payload.exe' },
        dns: { question: { name: 'c2.example.net' } },
        file: { hash: { md5: '44D88612FEA8A8F36DE82E1278ABB02F' } },
        related: { ip: ['0.0.0.0', '192.0.2.7'], hosts: ['printer', 'www.example.org'], user: ['alice'] },
      }),
    );
    expect(a.observables).toEqual([
      { type: 'url', value: 'https://bad.example.com/payload.exe', role: 'related' },
      { type: 'domain', value: 'c2.example.net', role: 'related' },
      { type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f', role: 'related' },
      { type: 'ipv4', value: '192.0.2.7', role: 'related' },
      { type: 'user', value: 'alice', role: 'related' },
      { type: 'hostname', value: 'printer', role: 'related' },
      { type: 'domain', value: 'www.example.org', role: 'related' },
    ]);
    expect(a.sourceRef).toBe('e-1');
    expect(a.title).toBe('ECS alert');
  });
});
