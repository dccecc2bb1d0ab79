import { describe, expect, it } from 'vitest';
import { parseIsoTime, parseMonthDayTime, readTime, resolveYearless } from './time.ts';
import { wallTimeToUtc, zoneOffsetMinutes } from './zone.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('time parsing', () => {
  it('ISO 8601 with every offset spelling; zoneless times read in the given zone', () => {
    expect(at(parseIsoTime('2022-05-11T12:29:19.905+0000', HCM))).toBe('2022-05-11T12:29:19.905Z');
    expect(at(parseIsoTime('2018-07-05T15:07:20.910626-0400', HCM))).toBe('2018-07-05T19:07:20.910Z');
    expect(at(parseIsoTime('2024-01-01T07:00:00+07:00', HCM))).toBe('2024-01-01T00:00:00.000Z');
    expect(at(parseIsoTime('2024-01-01T07:00:00+07', HCM))).toBe('2024-01-01T00:00:00.000Z');
    expect(at(parseIsoTime('2024-01-01T07:00:00', HCM))).toBe('2024-01-01T00:00:00.000Z');
    expect(at(parseIsoTime('2024-01-01 07:00:00Z', HCM))).toBe('2024-01-01T07:00:00.000Z');
    expect(parseIsoTime('2024-01-01T07:00:00', HCM, true)).toBeNull();
    for (const bad of ['2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:00+25:00', 'yesterday']) expect(parseIsoTime(bad, HCM), bad).toBeNull();
  });

  it('epoch seconds and milliseconds, CEF month-name times', () => {
    const recv = new Date('2025-06-01T00:00:00Z');
    expect(readTime(1_579_251_130_000, 'UTC', recv)).toBe('2020-01-17T08:52:10.000Z');
    expect(readTime('1579251130', 'UTC', recv)).toBe('2020-01-17T08:52:10.000Z');
    expect(at(parseMonthDayTime('Jan 17 2020 08:52:10', HCM, recv))).toBe('2020-01-17T01:52:10.000Z');
    expect(at(parseMonthDayTime('Jan 17 2020 08:52:10.123 UTC', HCM, recv))).toBe('2020-01-17T08:52:10.123Z');
    expect(at(parseMonthDayTime('Jan 17 2020 08:52:10 +0100', HCM, recv))).toBe('2020-01-17T07:52:10.000Z');
    expect(at(parseMonthDayTime('Jan 17 2020 08:52:10 Europe/Paris', HCM, recv))).toBe('2020-01-17T07:52:10.000Z');
    expect(at(parseMonthDayTime('May 31 23:00:00', 'UTC', recv))).toBe('2025-05-31T23:00:00.000Z');
    expect(parseMonthDayTime('Foo 17 2020 08:52:10', HCM, recv)).toBeNull();
    expect(readTime('not a time', HCM, recv)).toBeNull();
  });

  it('year inference for year-less times picks the nearest year not over a day ahead', () => {
    const recv = new Date('2026-01-01T00:00:30Z');
    expect(at(resolveYearless(12, 31, 23, 59, 59, 0, 'UTC', recv))).toBe('2025-12-31T23:59:59.000Z');
    expect(at(resolveYearless(1, 1, 0, 0, 10, 0, 'UTC', recv))).toBe('2026-01-01T00:00:10.000Z');
    expect(at(resolveYearless(6, 1, 0, 0, 0, 0, 7 * 60, recv))).toBe('2025-05-31T17:00:00.000Z');
  });

  it('zone offsets come from Intl, DST included', () => {
    expect(zoneOffsetMinutes(HCM, Date.UTC(2025, 0, 1))).toBe(420);
    expect(zoneOffsetMinutes('Europe/Paris', Date.UTC(2025, 0, 15))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Paris', Date.UTC(2025, 6, 15))).toBe(120);
    expect(new Date(wallTimeToUtc('Europe/Paris', 2025, 7, 15, 12, 0, 0, 0)).toISOString()).toBe('2025-07-15T10:00:00.000Z');
  });
});
