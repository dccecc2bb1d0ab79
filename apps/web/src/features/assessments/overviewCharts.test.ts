import { describe, expect, it } from 'vitest';
import { completionOption, complianceOption, pct } from './overviewCharts.ts';

const tally = (tasks: number, submitted: number, overdue: number) => ({ tasks, submitted, overdue, applicable: 0, answered: 0, met: 0, partly: 0, notMet: 0, notApplicable: 0 });

describe('overview charts', () => {
  it('splits tasks into submitted, open and overdue, biggest group on top', () => {
    const o = completionOption([{ label: 'Bộ A', tally: tally(10, 4, 3) }, { label: 'Bộ B', tally: tally(20, 20, 0) }], { submitted: 's', open: 'o', overdue: 'x' });
    expect((o.yAxis as { data: string[] }).data).toEqual(['Bộ A', 'Bộ B']);
    expect((o.series as { data: number[] }[]).map((s) => s.data[0])).toEqual([4, 3, 3]);
  });
  it('shows answers as shares of each group', () => {
    const o = complianceOption([{ label: 'L4', met: 1, partly: 1, notMet: 2, notApplicable: 0 }], { met: 'm', partly: 'p', notMet: 'n', notApplicable: 'na' });
    expect((o.series as { data: number[] }[]).map((s) => s.data[0])).toEqual([25, 25, 50, 0]);
    expect(pct(1, 3)).toBe(33.3);
    expect(pct(1, 0)).toBe(0);
  });
});
