import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { splitRecords } from '../split-records.ts';
import { corpusRecord } from '../testing/corpus.ts';
import { RECEIVED_AT, sample, wazuhAlertSamples } from '../testing/samples.ts';

const opts = { receivedAt: RECEIVED_AT };
const samples = wazuhAlertSamples('wazuh/cases_integratord_read_valid_json_alerts.yaml');
const invalid = wazuhAlertSamples('wazuh/cases_integratord_read_invalid_json_alerts.yaml');

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('wazuh', record, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('wazuh 4.x alerts.json', () => {
  it('maps the rule 5712 sshd brute-force alert', () => {
    const a = parsed(samples[0]!.alert);
    expect(a).toEqual({
      format: 'wazuh',
      eventTime: '2022-05-11T12:29:19.905Z',
      sourceRef: '1652272159.1549653',
      title: 'sshd: brute force trying to get access to the system. Non existent user.',
      description: 'May 11 12:29:18 localhost sshd[17584]: Invalid user paco from 172.17.1.1 port 56404',
      vendor: 'Wazuh',
      product: 'Wazuh',
      ruleId: '5712',
      ruleName: 'sshd: brute force trying to get access to the system. Non existent user.',
      severity: 3,
      sourceSeverity: '10',
      rsitClass: 'intrusion-attempts',
      rsitType: 'brute-force',
      attackTechniques: ['T1110'],
      srcIp: '172.17.1.1',
      srcPort: 56404,
      dstIp: null,
      dstPort: null,
      protocol: null,
      assetHostname: 'localhost.localdomain',
      assetIp: null,
      observables: [
        { type: 'ipv4', value: '172.17.1.1', role: 'src' },
        { type: 'user', value: 'paco', role: 'src' },
      ],
      tags: ['syslog', 'sshd', 'authentication_failures'],
    });
  });

  it('maps rule levels to severity by the 0–4 / 5–7 / 8–11 / 12–15 bands', () => {
    const base = JSON.parse(samples[0]!.alert);
    const cases: Array<[number, number]> = [[0, 1], [4, 1], [5, 2], [7, 2], [8, 3], [11, 3], [12, 4], [15, 4]];
    for (const [level, severity] of cases) {
      base.rule.level = level;
      expect(parsed(JSON.stringify(base)).severity, `level ${level}`).toBe(severity);
    }
  });

  it('classifies by rule groups: malware first, file integrity alone undetermined', () => {
    const base = JSON.parse(samples[0]!.alert);
    const rsitOf = (groups: string[], data?: object) => {
      const a = parsed(JSON.stringify({ ...base, rule: { ...base.rule, groups }, data: data ?? base.data }));
      return [a.rsitClass, a.rsitType];
    };
    expect(rsitOf(['ossec', 'syscheck', 'syscheck_entry_modified', 'syscheck_file'])).toEqual(['other', 'undetermined']);
    expect(rsitOf(['syscheck', 'malware'])).toEqual(['malicious-code', 'infected-system']);
    expect(rsitOf(['ossec', 'rootcheck'])).toEqual(['malicious-code', 'infected-system']);
    expect(rsitOf(['web', 'accesslog', 'attack', 'sql_injection'])).toEqual(['intrusion-attempts', 'exploit']);
    expect(rsitOf(['web', 'accesslog', 'web_scan', 'recon'])).toEqual(['information-gathering', 'scanner']);
    expect(rsitOf(['virustotal'], { virustotal: { malicious: '0' } })).toEqual([null, null]);
    expect(rsitOf(['virustotal'], { virustotal: { malicious: '1', source: { md5: '44D88612FEA8A8F36DE82E1278ABB02F' } } })).toEqual(['malicious-code', 'infected-system']);
    expect(rsitOf(['syslog', 'sshd', 'authentication_success'])).toEqual([null, null]);
  });

  it('takes file hashes from syscheck and peer addresses from data', () => {
    const a = parsed(
      JSON.stringify({
        timestamp: '2024-01-02T03:04:05.000+0700',
        id: '1704139445.42',
        rule: { level: 7, id: '550', description: 'Integrity checksum changed.', groups: ['ossec', 'syscheck'] },
        agent: { id: '001', name: 'web-01', ip: '10.0.0.5' },
        syscheck: { path: '/etc/passwd', md5_after: 'D41D8CD98F00B204E9800998ECF8427E', sha1_after: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', sha256_after: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
        data: { dstip: '10.0.0.9', dstport: 443, protocol: 'TCP', dstuser: 'root' },
      }),
    );
    expect(a.eventTime).toBe('2024-01-01T20:04:05.000Z');
    expect(a.assetHostname).toBe('web-01');
    expect(a.assetIp).toBe('10.0.0.5');
    expect([a.dstIp, a.dstPort, a.protocol]).toEqual(['10.0.0.9', 443, 'tcp']);
    expect(a.observables.map((o) => o.type)).toEqual(['ipv4', 'user', 'md5', 'sha1', 'sha256']);
    expect(a.observables[2]!.value).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('rejects the malformed cases of the integratord test suite with a clear code', () => {
    const removedKey = invalid.find((c) => c.name === 'read_invalid_json_alert')!;
    const r = parseAlert('wazuh', removedKey.alert, opts);
    expect(r).toMatchObject({ ok: false, code: 'malformed_json' });

    // The overlong case is padded past 64 KB by the upstream test; do the same here.
    const overlong = invalid.find((c) => c.name === 'read_overlong_json_alert')!;
    const padded = overlong.alert.replace('padding_input', 'x'.repeat(65_536));
    expect(parseAlert('wazuh', padded, { ...opts, maxRecordLength: 65_536 })).toMatchObject({ ok: false, code: 'record_too_large' });
    const huge = overlong.alert.replace('padding_input', 'x'.repeat(1_100_000));
    expect(parseAlert('wazuh', huge, opts)).toMatchObject({ ok: false, code: 'record_too_large' });
    expect(parseAlert('wazuh', overlong.alert, opts).ok).toBe(true);
  });

  it('answers not_an_alert for archive events and missing_field without a level', () => {
    expect(parseAlert('wazuh', '{"timestamp":"2022-05-11T12:29:19.905+0000","full_log":"x"}', opts)).toMatchObject({ ok: false, code: 'not_an_alert' });
    expect(parseAlert('wazuh', '{"rule":{"id":"1"}}', opts)).toMatchObject({ ok: false, code: 'missing_field' });
    expect(parseAlert('wazuh', '{"rule":{"level":"high"}}', opts)).toMatchObject({ ok: false, code: 'invalid_value' });
    expect(parseAlert('wazuh', '[1,2]', opts)).toMatchObject({ ok: false, code: 'not_an_object' });
  });
});

describe('wazuh 5 findings (ECS style)', () => {
  const body = sample('wazuh/dashboard-sample-findings-malware-detection.ndjson');
  const split = splitRecords('wazuh', body, 'application/x-ndjson');
  const records = 'records' in split ? split.records : [];

  it('parses every sample finding', () => {
    expect(records).toHaveLength(8);
    for (const record of records) expect(parseAlert('wazuh', record, opts).ok).toBe(true);
  });

  it('maps the first finding', () => {
    const a = parsed(records[0]!);
    expect(a).toMatchObject({
      format: 'wazuh',
      eventTime: '2026-07-06T12:06:40.000Z',
      sourceRef: 'doc-0001-2054d0b9',
      title: 'Malware detection: suspicious virus.exe detected',
      ruleId: 'net-001',
      severity: 2,
      sourceSeverity: 'medium',
      attackTechniques: ['T1595'],
      assetHostname: 'wazuh-endpoint-linux',
      assetIp: '192.168.1.2',
      rsitClass: 'malicious-code',
      rsitType: 'infected-system',
      vendor: 'Wazuh',
    });
    expect(a.description).toContain("Files hidden inside directory '/var/tmp/us.electronic.eveusbd'");
    expect(a.observables).toEqual([
      { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e', role: 'related' },
      { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', role: 'related' },
    ]);
  });

  it('reads the level words informational…critical', () => {
    expect(records.map((r) => parsed(r).severity)).toEqual([2, 3, 1, 1, 4, 2, 3, 1]);
    const second = parsed(records[1]!);
    expect([second.dstPort, second.protocol]).toEqual([55555, 'tcp']);
  });

  it('reads a finding that also carries the source ECS rule (GuardDuty, SCA) by its wazuh.rule', () => {
    const guardDuty = parsed(corpusRecord('wazuh', 'wazuh/findings-aws-guardduty.ndjson', 0));
    expect(guardDuty).toMatchObject({
      eventTime: '2026-07-06T12:22:48.000Z',
      ruleId: 'net-007',
      title: 'Potentially malicious DNS_REQUEST detected via GuardDuty',
      severity: 1,
      sourceSeverity: 'informational',
      assetHostname: 'wazuh-endpoint-linux',
    });
    const sca = parsed(corpusRecord('wazuh', 'wazuh/findings-sca.ndjson', 0));
    expect([sca.ruleId, sca.severity, sca.title]).toEqual(['sec-008', 4, 'Unexpected Ensure password expiration is 365 days or less reported by SCA']);
  });
});
