import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isDay, isInstant, MAX_INSTANT_MS, MIN_INSTANT_MS, parseDay, parseInstant, parsePeriod } from './dates.ts';

describe('parseInstant', () => {
  it('reads RFC 3339 instants with their offset, far but real ones included', () => {
    expect(parseInstant('2026-03-01T08:00:00+07:00')?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(parseInstant('2024-02-29T23:59:59.123456789Z')?.toISOString()).toBe('2024-02-29T23:59:59.123Z');
    expect(parseInstant('0001-01-01T00:00:00Z')?.getTime()).toBe(MIN_INSTANT_MS);
    expect(parseInstant('9999-12-31T23:59:59.999Z')?.getTime()).toBe(MAX_INSTANT_MS);
    expect(parseInstant('0050-06-15T12:00:00Z')?.toISOString()).toBe('0050-06-15T12:00:00.000Z');
    expect(parseInstant('2016-12-31T23:59:60Z')?.toISOString()).toBe('2017-01-01T00:00:00.000Z');
  });

  it.each([
    ['0000-01-01T00:00:00Z', 'year 0'],
    ['0001-01-01T00:30:00+01:00', 'year 0 once in UTC'],
    ['9999-12-31T23:00:00-05:00', 'year 10000 once in UTC'],
    ['2025-02-29T00:00:00Z', 'not a leap year'],
    ['2025-02-30T00:00:00Z', '30 February'],
    ['2025-13-01T00:00:00Z', 'month 13'],
    ['2025-01-01T24:00:00Z', 'hour 24'],
    ['2025-01-01T10:00:00+24:00', 'offset of 24 h'],
    ['2025-01-01T10:00:00', 'no offset'],
    ['+010000-01-01T00:00:00Z', 'six-digit year'],
    ['2025-01-01', 'a day, not an instant'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
    expect(isInstant(text)).toBe(false);
  });

  it('never throws, and whatever it accepts is a Date of years 1 to 9999 (what PostgreSQL and Date both hold)', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    const candidate = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '+07:30'))
      .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
    fc.assert(fc.property(fc.oneof(candidate, fc.string()), (text) => {
      const at = parseInstant(text);
      if (at === null) return;
      expect(at.getTime()).toBeGreaterThanOrEqual(MIN_INSTANT_MS);
      expect(at.getTime()).toBeLessThanOrEqual(MAX_INSTANT_MS);
      expect(at.toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }), { numRuns: 5000 });
  });
});

describe('parseDay, addDays and parsePeriod', () => {
  it('accept real days of years 1 to 9999 only', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('0001-01-01')).toBe('0001-01-01');
    for (const bad of ['2025-02-30', '0000-01-01', '2025-00-10', '2025-1-10', '10000-01-01', '2025-01-01T00:00:00Z']) expect(isDay(bad), bad).toBe(false);
  });

  it('move by days and stop at the edge of the calendar', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('0001-01-30', -29)).toBe('0001-01-01');
    expect(addDays('0001-01-01', -1)).toBeNull();
    expect(addDays('9999-12-31', 1)).toBeNull();
    expect(addDays('2025-02-30', 1)).toBeNull();
  });

  it('read report periods, never year 0', () => {
    expect(parsePeriod('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('0001')).toEqual({ from: '0001-01-01', to: '0001-12-31' });
    for (const bad of ['0000-H1', '0000', '2026-H3', '26', '2026-h1']) expect(parsePeriod(bad), bad).toBeNull();
  });
});
