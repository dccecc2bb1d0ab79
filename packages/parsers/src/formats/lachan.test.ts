import { LachanAlertInput } from '@lachan/contracts';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';

const opts = { receivedAt: new Date('2025-06-01T00:00:00Z') };
const full = {
  time: '2025-05-31T21:15:00+07:00',
  sourceRef: 'edr-42-7781',
  title: 'Ransomware behaviour on finance workstation',
  description: 'Mass file renames (*.locked) by an unsigned process.',
  severity: 'critical',
  vendor: 'ExampleSec',
  product: 'EDR',
  rule: { id: 'R-1001', name: 'Mass rename' },
  rsit: { class: 'malicious-code', type: 'ransomware' },
  attack: ['T1486', 'T1059.001'],
  src: { ip: '10.20.30.40', port: 445 },
  dst: { ip: '2001:0db8::0001' },
  protocol: 'smb',
  asset: { hostname: 'fin-ws-12', ip: '10.20.30.40' },
  observables: [
    { type: 'sha256', value: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', role: 'related' },
    { type: 'domain', value: 'Pay.Ransom.example.' },
  ],
  tags: ['ransomware', 'finance'],
};

describe('lachan format', () => {
  it('maps a complete alert (which the contract schema also accepts)', () => {
    expect(Value.Check(LachanAlertInput, full)).toBe(true);
    const r = parseAlert('lachan', JSON.stringify(full), opts);
    expect(r).toEqual({
      ok: true,
      alert: {
        format: 'lachan',
        eventTime: '2025-05-31T14:15:00.000Z',
        sourceRef: 'edr-42-7781',
        title: 'Ransomware behaviour on finance workstation',
        description: 'Mass file renames (*.locked) by an unsigned process.',
        vendor: 'ExampleSec',
        product: 'EDR',
        ruleId: 'R-1001',
        ruleName: 'Mass rename',
        severity: 4,
        sourceSeverity: 'critical',
        rsitClass: 'malicious-code',
        rsitType: 'infected-system',
        attackTechniques: ['T1486', 'T1059.001'],
        srcIp: '10.20.30.40',
        srcPort: 445,
        dstIp: '2001:db8::1',
        dstPort: null,
        protocol: 'smb',
        assetHostname: 'fin-ws-12',
        assetIp: '10.20.30.40',
        observables: [
          { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', role: 'related' },
          { type: 'domain', value: 'pay.ransom.example' },
          { type: 'ipv4', value: '10.20.30.40', role: 'src' },
          { type: 'ipv6', value: '2001:db8::1', role: 'dst' },
        ],
        tags: ['ransomware', 'finance'],
      },
    });
  });

  it('accepts the minimum: a title and a severity word or number', () => {
    expect(parseAlert('lachan', '{"title":"t","severity":"low"}', opts)).toMatchObject({ ok: true, alert: { severity: 1, eventTime: null, observables: [] } });
    expect(parseAlert('lachan', '{"title":"t","severity":3,"extra":"ignored"}', opts)).toMatchObject({ ok: true, alert: { severity: 3, sourceSeverity: '3' } });
  });

  it('rejects what the contract rejects (and a few semantic errors it lets through), with missing_field or invalid_value', () => {
    // [document, code, the contract schema rejects it too]
    const cases: Array<[object, string, boolean]> = [
      [{ severity: 1 }, 'missing_field', true],
      [{ title: 't' }, 'missing_field', true],
      [{ title: '', severity: 1 }, 'invalid_value', true],
      [{ title: 't', severity: 5 }, 'invalid_value', true],
      [{ title: 't', severity: 'severe' }, 'invalid_value', true],
      [{ title: 't', severity: 1, time: '2025-05-31 21:15' }, 'invalid_value', true],
      [{ title: 't', severity: 1, attack: ['t1486'] }, 'invalid_value', true],
      [{ title: 't', severity: 1, dst: { port: 70000 } }, 'invalid_value', true],
      [{ title: 't', severity: 1, observables: [{ type: 'cve', value: 'CVE-2024-1' }] }, 'invalid_value', true],
      [{ title: 't', severity: 1, tags: ['x'.repeat(65)] }, 'invalid_value', true],
      [{ title: 't'.repeat(513), severity: 1 }, 'invalid_value', true],
      [{ title: 't', severity: 1, src: { ip: '300.1.1.1' } }, 'invalid_value', false],
      [{ title: 't', severity: 1, rsit: { class: 'bad-things' } }, 'invalid_value', false],
      [{ title: 't', severity: 1, observables: [{ type: 'ipv4', value: 'example.com' }] }, 'invalid_value', false],
    ];
    for (const [doc, code, schemaRejects] of cases) {
      const label = JSON.stringify(doc).slice(0, 80);
      expect(parseAlert('lachan', JSON.stringify(doc), opts), label).toMatchObject({ ok: false, code });
      if (schemaRejects) expect(Value.Check(LachanAlertInput, doc), label).toBe(false);
    }
  });
});
