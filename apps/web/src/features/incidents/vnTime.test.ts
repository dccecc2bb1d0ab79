import { describe, expect, it } from 'vitest';
import { isoToVnLocal, vnLocalToIso } from './vnTime.ts';

describe('times typed in Vietnam time', () => {
  it('reads a local field as UTC+7 and writes it back the same', () => {
    expect(vnLocalToIso('2026-11-21T14:30')).toBe('2026-11-21T07:30:00.000Z');
    expect(isoToVnLocal('2026-11-21T20:15:00.000Z')).toBe('2026-11-22T03:15');
    expect(isoToVnLocal(vnLocalToIso('2027-01-01T00:00')!)).toBe('2027-01-01T00:00');
  });

  it('refuses what is not a complete date and time', () => {
    expect(vnLocalToIso('')).toBeNull();
    expect(vnLocalToIso('2026-11-21')).toBeNull();
    expect(vnLocalToIso('2026-13-40T99:00')).toBeNull();
  });
});
