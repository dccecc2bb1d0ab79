import { ALERT_FORMATS, Observable, type AlertFormat, type NormalizedAlert } from '@lachan/contracts';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { parseAlert } from './parse-alert.ts';
import { splitRecords } from './split-records.ts';
import { sample } from './testing/samples.ts';

const opts = { receivedAt: new Date('2025-06-01T00:00:00Z') };

describe('parseAlert', () => {
  it('never throws, whatever it is given', () => {
    const junk = ['', ' ', '{', '}', '[', 'null', '0', '"x"', '<', '<1>', '<13>1', 'CEF:', 'CEF:0|', '\u0000', '{"rule":{"level":{}}}', '{"event_type":"alert","alert":[]}', '{"event":{"kind":["alert"]}}', 'x'.repeat(10_000)];
    for (const format of ALERT_FORMATS) {
      for (const record of junk) {
        const r = parseAlert(format, record, opts);
        expect(typeof r.ok, `${format} ${JSON.stringify(record).slice(0, 30)}`).toBe('boolean');
        if (!r.ok) expect(r.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      }
    }
    // wrong types from untyped callers
    expect(parseAlert('nope' as never, '{}', opts)).toMatchObject({ ok: false, code: 'unsupported_format' });
    expect(parseAlert('ecs', 42 as never, opts)).toMatchObject({ ok: false, code: 'invalid_record' });
    expect(parseAlert('ecs', '{}', { receivedAt: new Date('nope') })).toMatchObject({ ok: false, code: 'invalid_option' });
    expect(parseAlert('syslog', '<13>Oct 11 22:14:15 h a: x', { ...opts, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, code: 'invalid_option' });
    expect(parseAlert('ecs', '  ', opts)).toMatchObject({ ok: false, code: 'empty_record' });
  });

  it('gives every alert a non-empty title of at most 512 characters and a severity 1–4', () => {
    const records: Array<[(typeof ALERT_FORMATS)[number], string]> = [
      ['ecs', '{"event":{"kind":"alert"}}'],
      ['wazuh', '{"rule":{"level":3}}'],
      ['suricata', '{"event_type":"alert","alert":{}}'],
      ['cef', 'CEF:0|||||||'],
      ['syslog', '<13>1 - - - - - -'],
      ['syslog', `<13>Oct 11 22:14:15 h a: ${'é'.repeat(1000)}`],
    ];
    for (const [format, record] of records) {
      const r = parseAlert(format, record, opts);
      expect(r.ok, `${format}: ${r.ok ? '' : r.message}`).toBe(true);
      if (!r.ok) continue;
      expect(r.alert.title.length).toBeGreaterThan(0);
      expect(r.alert.title.length).toBeLessThanOrEqual(512);
      expect([1, 2, 3, 4]).toContain(r.alert.severity);
    }
  });
});

const SAMPLE_FILES: Array<[AlertFormat, string]> = [
  ['suricata', 'suricata/test-eve-small.log'],
  ['suricata', 'suricata/test-eve-6-0.log'],
  ['suricata', 'suricata/test-eve-metadata.log'],
  ['wazuh', 'wazuh/dashboard-sample-findings-malware-detection.ndjson'],
  ['ecs', 'ecs/snort-log-sample_event.json'],
  ['ecs', 'ecs/zeek-notice-sample_event.json'],
  ['ecs', 'wazuh/dashboard-sample-findings-malware-detection.ndjson'],
  ['cef', 'cef/test-cef.log'],
  ['cef', 'cef/test-fp-ngfw-smc.log'],
  ['cef', 'cef/beats-decode_cef-samples.log'],
];

function checkInvariants(a: NormalizedAlert, label: string): void {
  expect(a.title.length, label).toBeGreaterThan(0);
  expect(a.title.length, label).toBeLessThanOrEqual(512);
  expect([1, 2, 3, 4], label).toContain(a.severity);
  if (a.eventTime !== null) expect(new Date(a.eventTime).toISOString(), label).toBe(a.eventTime);
  for (const t of a.attackTechniques) expect(t, label).toMatch(/^T\d{4}(\.\d{3})?$/);
  for (const o of a.observables) expect(Value.Check(Observable, o), `${label} ${JSON.stringify(o)}`).toBe(true);
  expect(a.observables.length, label).toBeLessThanOrEqual(200);
  expect(a.tags.length, label).toBeLessThanOrEqual(50);
  for (const t of a.tags) expect(t.length, label).toBeLessThanOrEqual(64);
  for (const p of [a.srcPort, a.dstPort]) if (p !== null) expect(p >= 0 && p <= 65535, label).toBe(true);
}

describe('every sample record', () => {
  it('parses (or is not_an_alert) into an alert that keeps the contract invariants', () => {
    let parsed = 0;
    for (const [format, file] of SAMPLE_FILES) {
      const split = splitRecords(format, sample(file), undefined);
      expect('records' in split, file).toBe(true);
      if (!('records' in split)) continue;
      for (const [i, record] of split.records.entries()) {
        const r = parseAlert(format, record, opts);
        if (!r.ok) {
          expect(r.code, `${file}#${i}: ${r.message}`).toBe('not_an_alert');
          continue;
        }
        parsed++;
        checkInvariants(r.alert, `${file}#${i}`);
      }
    }
    expect(parsed).toBe(1 + 1 + 1 + 8 + 2 + 8 + 4 + 10 + 14);
  });

  it('survives truncation at every position without an internal error', () => {
    for (const [format, file] of SAMPLE_FILES.slice(0, 10)) {
      const split = splitRecords(format, sample(file), undefined);
      const record = 'records' in split ? split.records[split.records.length - 1]! : '';
      for (let end = 0; end < record.length; end += 7) {
        const r = parseAlert(format, record.slice(0, end), opts);
        if (r.ok) checkInvariants(r.alert, `${file}[0..${end}]`);
        else expect(r.code, `${file}[0..${end}]: ${r.message}`).not.toBe('internal_error');
      }
    }
  });
});
