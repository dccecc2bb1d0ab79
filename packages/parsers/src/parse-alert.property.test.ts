import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseAlert } from './parse-alert.ts';
import { anyDate, anyFormat, anyText, expectSound, mutatedRecord, structuredRecord } from './testing/arbitraries.ts';

const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris'];

describe('parseAlert, for every format (property-based)', () => {
  it('never throws on any text: a failure comes back with its reason, an alert keeps every invariant', () => {
    fc.assert(fc.property(anyFormat, anyText, anyDate, fc.constantFrom(...ZONES), (format, record, receivedAt, timeZone) => {
      expectSound(parseAlert(format, record, { receivedAt, timeZone }), `${format} ${JSON.stringify(record)}`);
    }), { numRuns: 1500 });
  });

  for (const format of ['lachan', 'ecs', 'wazuh', 'suricata'] as const) {
    it(`${format}: never throws on its own fields holding arbitrary values`, () => {
      fc.assert(fc.property(structuredRecord(format), anyDate, (record, receivedAt) => {
        expectSound(parseAlert(format, record, { receivedAt }), `${format} ${record}`);
      }), { numRuns: 400 });
    });
  }

  for (const format of ['lachan', 'ecs', 'wazuh', 'suricata', 'cef', 'syslog'] as const) {
    it(`${format}: never throws on real samples cut, spliced and overwritten at random`, () => {
      fc.assert(fc.property(mutatedRecord(format), anyDate, fc.constantFrom(...ZONES), (record, receivedAt, timeZone) => {
        expectSound(parseAlert(format, record, { receivedAt, timeZone }), `${format} ${JSON.stringify(record)}`);
      }), { numRuns: 300 });
    });
  }

  it('gives the same answer twice (no state carried between records)', () => {
    fc.assert(fc.property(anyFormat, fc.oneof(anyText, mutatedRecord('cef'), structuredRecord('ecs')), anyDate, (format, record, receivedAt) => {
      const a = parseAlert(format, record, { receivedAt });
      const b = parseAlert(format, record, { receivedAt });
      return JSON.stringify(a) === JSON.stringify(b);
    }), { numRuns: 300 });
  });
});
