import { describe, expect, it } from 'vitest';
import type { StatsSeries } from '@lachan/contracts';
import { alertsBehind, breakdownCsv, breakdownRows, incidentsBehind } from './breakdown.ts';

const series = (days: string[], groups: Record<string, number[]>): StatsSeries => ({
  period: { from: days[0]!, to: days.at(-1)! },
  days,
  series: Object.entries(groups).map(([key, alerts]) => ({ key, label: null, alerts, occurrences: alerts.map((a) => a * 2) })),
});
const NOW = series(['2026-12-05', '2026-12-06'], { BANKING: [3, 4], ENERGY: [1, 0] });
const BEFORE = series(['2026-12-03', '2026-12-04'], { BANKING: [2, 5], HEALTH: [1, 1] });

describe('the breakdown of a dimension', () => {
  it('sums each group over the period, most alerts first', () => {
    expect(breakdownRows('sector', NOW, null)).toEqual([
      { key: 'BANKING', label: null, alerts: 7, occurrences: 14, previous: null, change: null },
      { key: 'ENERGY', label: null, alerts: 1, occurrences: 2, previous: null, change: null },
    ]);
  });
  it('compares with the period before, keeping groups seen only then', () => {
    const rows = breakdownRows('sector', NOW, BEFORE);
    expect(rows.find((r) => r.key === 'BANKING')).toMatchObject({ alerts: 7, previous: { alerts: 7 }, change: 0 });
    expect(rows.find((r) => r.key === 'ENERGY')).toMatchObject({ previous: { alerts: 0 }, change: null });
    expect(rows.find((r) => r.key === 'HEALTH')).toMatchObject({ alerts: 0, previous: { alerts: 2 }, change: -1 });
  });
  it('lists days in order, each beside the same day of the period before', () => {
    const rows = breakdownRows('day', series(['2026-12-05', '2026-12-06'], { '': [2, 3] }), series(['2026-12-03', '2026-12-04'], { '': [4, 3] }));
    expect(rows.map((r) => [r.key, r.alerts, r.change])).toEqual([['2026-12-05', 2, -0.5], ['2026-12-06', 3, 0]]);
  });
});

describe('the alerts and incidents behind a row', () => {
  const period = { from: '2026-11-07', to: '2026-12-06' };
  it('keeps the page filters and the period, and adds the row', () => {
    expect(alertsBehind('sector', 'BANKING', { province: '01' }, period)).toBe('/alerts?sector=BANKING&province=01&from=2026-11-07&to=2026-12-06');
    expect(incidentsBehind('class', 'fraud', {}, period)).toBe('/incidents?class=fraud&from=2026-11-07&to=2026-12-06');
    expect(alertsBehind('day', '2026-12-01', {}, period)).toBe('/alerts?from=2026-12-01&to=2026-12-01');
    expect(alertsBehind('format', 'wazuh', {}, period)).toBe('/alerts?format=wazuh&from=2026-11-07&to=2026-12-06');
    expect(incidentsBehind('format', 'wazuh', {}, period)).toBeNull();
  });
  it('leads unclassified alerts to the alerts without a class', () => {
    expect(alertsBehind('class', '', {}, period)).toBe('/alerts?rsit=&from=2026-11-07&to=2026-12-06');
  });
});

describe('the CSV export', () => {
  it('quotes what needs it and defuses spreadsheet formulas', () => {
    expect(breakdownCsv(['a', 'b'], [['Ngân hàng, tài chính', 3], ['=cmd', null]])).toBe('\uFEFFa,b\r\n"Ngân hàng, tài chính",3\r\n\'=cmd,\r\n');
  });
});
