import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { splitRecords } from '../split-records.ts';
import { RECEIVED_AT, sample, sampleLines } from '../testing/samples.ts';

const opts = { receivedAt: RECEIVED_AT };

function parsed(record: string): NormalizedAlert {
  const r = parseAlert('suricata', record, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('suricata EVE', () => {
  it('keeps alerts and answers not_an_alert for the other event types of test-eve-small.log', () => {
    const lines = sampleLines('suricata/test-eve-small.log');
    expect(lines).toHaveLength(12);
    const outcomes = lines.map((l) => parseAlert('suricata', l, opts));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const o of outcomes) if (!o.ok) expect(o.code).toBe('not_an_alert');
    const alert = outcomes.find((o) => o.ok);
    expect(alert).toMatchObject({
      alert: {
        sourceRef: '904992230150281:2024833:2018-07-05T15:07:20.910626-0400',
        eventTime: '2018-07-05T19:07:20.910Z',
        title: 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)',
        ruleId: '1:2024833:3',
        severity: 3,
        sourceSeverity: '1',
        rsitClass: 'other',
        rsitType: 'undetermined',
        protocol: 'tcp',
        tags: ['action:allowed'],
      },
    });
  });

  it('maps the Suricata 6.0 alert like the Elastic pipeline does (cross-checked with -expected.json)', () => {
    for (const file of ['suricata/test-eve-6-0.log', 'suricata/test-eve-metadata.log']) {
      const split = splitRecords('suricata', sample(file), undefined);
      expect('records' in split && split.records).toHaveLength(1);
      const line = 'records' in split ? split.records[0]! : '';
      const expected = JSON.parse(sample(`${file}-expected.json`)).expected[0];
      expect(expected.event.original).toBe(line);
      const a = parsed(line);
      expect(a.eventTime).toBe(expected['@timestamp']);
      expect(a.title).toBe(expected.rule.name);
      expect(a.ruleId!.split(':')[1]).toBe(expected.rule.id);
      expect(a.description).toBe(expected.rule.category);
      expect([a.srcIp, a.srcPort, a.dstIp, a.dstPort]).toEqual([expected.source.ip, expected.source.port, expected.destination.ip, expected.destination.port]);
      expect(a.protocol).toBe(expected.network.transport);
      expect(a.sourceRef!.split(':')[0]).toBe(expected.suricata.eve.flow_id);
      expect(a.vendor).toBe('OISF');
      expect(a.product).toBe('Suricata');
      for (const ip of expected.related.ip) expect(a.observables).toContainEqual(expect.objectContaining({ value: ip }));
      for (const host of expected.related.hosts) expect(a.observables).toContainEqual({ type: 'domain', value: host, role: 'related' });
    }
  });

  it('maps the metadata-rich alert: ATT&CK id from metadata, victim from metadata.hostile, URL built from host and path', () => {
    const a = parsed(sample('suricata/test-eve-metadata.log'));
    expect(a).toMatchObject({
      sourceRef: '1805461738637437:2100498:2021-01-27T01:28:11.488362+0100',
      ruleId: '1:2100498:7',
      severity: 2,
      attackTechniques: ['T1190'],
      srcIp: '175.16.199.1',
      assetIp: '10.31.64.240',
      rsitClass: 'other',
      rsitType: 'undetermined',
    });
    expect(a.observables).toEqual([
      { type: 'ipv4', value: '175.16.199.1', role: 'src' },
      { type: 'ipv4', value: '10.31.64.240', role: 'dst' },
      { type: 'domain', value: 'testmynids.org', role: 'related' },
      { type: 'url', value: 'http://testmynids.org/uid/index.html', role: 'related' },
    ]);
  });

  it('keeps a flow_id above 2^53 exactly as written', () => {
    const line = sampleLines('suricata/test-eve-small.log')[1]!.replace('"flow_id":904992230150281', '"flow_id":18446744073709551557');
    expect(parsed(line).sourceRef).toBe('18446744073709551557:2024833:2018-07-05T15:07:20.910626-0400');
    // a nested key of the same name and a quoted look-alike do not fool the raw-text lookup
    const tricky = line.replace('{"timestamp"', '{"note":"\\"flow_id\\":1","x":{"flow_id":18446744073709551556},"timestamp"');
    expect(parsed(tricky).sourceRef!.split(':')[0]).toBe('18446744073709551557');
    expect(parsed(line.replace('"flow_id":18446744073709551557', '"flow_id":"18446744073709551557"')).sourceRef!.split(':')[0]).toBe('18446744073709551557');
  });

  it('maps alert.severity 1 → 3 (4 when signature_severity is Critical), 2 → 2, 3+ → 1', () => {
    const base = JSON.parse(sampleLines('suricata/test-eve-small.log')[1]!);
    const sev = (severity: number, metadata?: object) => parsed(JSON.stringify({ ...base, alert: { ...base.alert, severity, metadata } })).severity;
    expect(sev(1)).toBe(3);
    expect(sev(1, { signature_severity: ['Critical'] })).toBe(4);
    expect(sev(2, { signature_severity: ['Critical'] })).toBe(2);
    expect(sev(3)).toBe(1);
    expect(sev(4)).toBe(1);
  });

  it('classifies by classtype and collects TLS, DNS and file observables', () => {
    const base = JSON.parse(sampleLines('suricata/test-eve-small.log')[1]!);
    const a = parsed(
      JSON.stringify({
        ...base,
        alert: { ...base.alert, category: 'A Network Trojan was detected', metadata: { mitre_technique_id: ['T1071'] } },
        dns: { query: [{ rrname: 'Evil.Example.COM.' }] },
        fileinfo: { sha256: 'F610428EBDDF6F8CF9E39322E672583C45FCDCF885EFAD0AB48FD53A3DFC2C4B' },
      }),
    );
    expect([a.rsitClass, a.rsitType]).toEqual(['malicious-code', 'infected-system']);
    expect(a.attackTechniques).toEqual(['T1071']);
    expect(a.observables).toContainEqual({ type: 'domain', value: 'l2.io', role: 'related' });
    expect(a.observables).toContainEqual({ type: 'domain', value: 'evil.example.com', role: 'related' });
    expect(a.observables).toContainEqual({ type: 'sha256', value: 'f610428ebddf6f8cf9e39322e672583c45fcdcf885efad0ab48fd53a3dfc2c4b', role: 'related' });
    const scan = parsed(JSON.stringify({ ...base, alert: { ...base.alert, category: 'Attempted Information Leak' } }));
    expect([scan.rsitClass, scan.rsitType]).toEqual(['information-gathering', 'scanner']);
    const dos = parsed(JSON.stringify({ ...base, alert: { ...base.alert, category: 'Detection of a Denial of Service Attack' } }));
    expect([dos.rsitClass, dos.rsitType]).toEqual(['availability', 'dos']);
  });

  it('canonicalises IPv6 endpoints and rejects records without an alert object', () => {
    const base = JSON.parse(sampleLines('suricata/test-eve-small.log')[1]!);
    const a = parsed(JSON.stringify({ ...base, src_ip: 'fe80:0000:0000:0000:fada:0cff:fedc:87f1', proto: 17 }));
    expect(a.srcIp).toBe('fe80::fada:cff:fedc:87f1');
    expect(a.protocol).toBe('udp');
    expect(parseAlert('suricata', JSON.stringify({ ...base, alert: undefined }), opts)).toMatchObject({ ok: false, code: 'missing_field' });
    expect(parseAlert('suricata', '{"flow_id":1}', opts)).toMatchObject({ ok: false, code: 'missing_field' });
    expect(parseAlert('suricata', '{"event_type":"alert",', opts)).toMatchObject({ ok: false, code: 'malformed_json' });
  });
});
