import { describe, expect, it } from 'vitest';
import { alertsLink, periodOf, scopeLink } from './period.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');

describe('the dashboard period', () => {
  it('defaults to the last 30 days, ending today', () => {
    expect(periodOf(new URLSearchParams(), NOW)).toEqual({ from: '2026-10-23', to: '2026-11-21', days: 30 });
  });

  it('takes a preset or a custom range, and ignores nonsense', () => {
    expect(periodOf(new URLSearchParams('days=7'), NOW)).toMatchObject({ from: '2026-11-15', days: 7 });
    // the last 24 hours: hour by hour for the trend, the two days they touch for the breakdowns
    expect(periodOf(new URLSearchParams('days=1'), NOW)).toEqual({ from: '2026-11-20', to: '2026-11-21', days: 1 });
    expect(periodOf(new URLSearchParams('from=2026-01-01&to=2026-02-01'), NOW)).toEqual({ from: '2026-01-01', to: '2026-02-01', days: null });
    expect(periodOf(new URLSearchParams('days=13&from=2026-03-01&to=2026-02-01'), NOW).days).toBe(30);
  });
});

describe('drill-down addresses', () => {
  it('opens the alert stream with the figure’s filters', () => {
    expect(alertsLink({ sector: 'BANKING', province: '01', rsitClass: 'fraud', minSeverity: 3 })).toBe('/alerts?severity=3&rsit=fraud&sector=BANKING&province=01');
    expect(alertsLink({})).toBe('/alerts');
  });

  it('keeps the period when going to a sector or province page', () => {
    expect(scopeLink('province', '79', new URLSearchParams('days=90&sector=X'))).toBe('/dashboard/province/79?days=90');
  });
});
