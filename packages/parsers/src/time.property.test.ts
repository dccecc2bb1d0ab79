import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyDate, anyText } from './testing/arbitraries.ts';
import { MAX_TIME_MS, MIN_TIME_MS, parseIsoTime, parseMonthDayTime, readTime } from './time.ts';

const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const inRange = (ms: number | null) => ms === null || (ms >= MIN_TIME_MS && ms <= MAX_TIME_MS);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('time readers (property-based)', () => {
  it('never throw and never give an instant outside years 1–9999 UTC, whatever they are given', () => {
    const value = fc.oneof(anyText, fc.double(), fc.integer(), fc.bigInt().map(String), anyDate.map((d) => d.toISOString()));
    fc.assert(fc.property(value, fc.constantFrom(...ZONES), anyDate, (v, zone, receivedAt) => {
      const iso = readTime(v, zone, receivedAt);
      if (iso !== null) expect(inRange(Date.parse(iso)), iso).toBe(true);
      if (typeof v === 'string') {
        expect(inRange(parseIsoTime(v, zone))).toBe(true);
        expect(inRange(parseMonthDayTime(v, zone, receivedAt))).toBe(true);
      }
    }), { numRuns: 2000 });
  });

  it('read back every ISO 8601 instant of years 1000–9999 exactly, whatever the offset it is written with', () => {
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(fc.property(fc.date({ min: new Date('1000-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), offset, fc.boolean(), (d, minutes, colon) => {
      const local = new Date(d.getTime() + minutes * 60_000);
      const sign = minutes < 0 ? '-' : '+';
      const off = `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60)}`;
      const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}${off}`;
      expect(parseIsoTime(text, 'UTC', true), text).toBe(d.getTime());
    }), { numRuns: 1000 });
  });

  it('refuse an ISO time whose offset carries it past 9999-12-31 UTC or before year 1', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 14 * 60 }), (minutes) => {
      const o = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
      expect(parseIsoTime(`9999-12-31T23:59:59-${o}`, 'UTC', true)).toBeNull();
      expect(parseIsoTime(`9999-12-31T23:59:59+${o}`, 'UTC', true)).not.toBeNull();
    }), { numRuns: 200 });
  });
});
