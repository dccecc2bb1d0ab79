import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTimestamptz, serializeTimestamp, timestampText } from './pg-timestamp.ts';

describe('instants between JavaScript and PostgreSQL text', () => {
  it('writes years past 9999 and below 100 as PostgreSQL reads them', () => {
    expect(timestampText(new Date('+010000-01-05T23:59:59.000Z'))).toBe('10000-01-05 23:59:59.000+00');
    expect(timestampText(new Date('0001-01-01T00:00:00.000Z'))).toBe('0001-01-01 00:00:00.000+00');
    expect(timestampText(new Date('-000043-03-15T12:00:00.000Z'))).toBe('0044-03-15 12:00:00.000+00 BC');
    expect(serializeTimestamp('2026-01-01T00:00:00+07:00')).toBe('2026-01-01T00:00:00+07:00');
  });

  it('reads what PostgreSQL writes, years below 100 included', () => {
    expect((parseTimestamptz('0001-01-01 00:00:00+00') as Date).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect((parseTimestamptz('0050-06-15 19:00:00.123456+07') as Date).toISOString()).toBe('0050-06-15T12:00:00.123Z');
    expect((parseTimestamptz('2026-03-01 08:00:00+05:30') as Date).toISOString()).toBe('2026-03-01T02:30:00.000Z');
    expect((parseTimestamptz('10000-01-05 23:59:59+00') as Date).toISOString()).toBe('+010000-01-05T23:59:59.000Z');
    expect(parseTimestamptz('infinity')).toBe(Infinity);
  });

  it('round-trips every instant JavaScript holds', () => {
    fc.assert(fc.property(fc.date({ noInvalidDate: true }), (d) => {
      expect((parseTimestamptz(timestampText(d)) as Date).getTime()).toBe(d.getTime());
    }), { numRuns: 2000 });
  });
});
