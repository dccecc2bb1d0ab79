import { describe, expect, it } from 'vitest';
import { daysBetween, toCsv } from './stats-format.ts';

describe('daysBetween', () => {
  it('lists every day inclusive, across a month end', () => {
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
  });
});

describe('toCsv', () => {
  it('quotes commas and quotes, keeps Vietnamese, and neutralises formulas', () => {
    const csv = toCsv(['key', 'label'], [['org', 'Sở Y tế, "Hà Nội"'], ['x', '=HYPERLINK("http://evil")']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('org,"Sở Y tế, ""Hà Nội"""');
    expect(csv).toContain(`x,"'=HYPERLINK(""http://evil"")"`);
  });
});
