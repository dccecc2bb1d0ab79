import { describe, expect, it } from 'vitest';
import type { ReportingRule } from '@lachan/contracts';
import { addDuration, applicableRegimes, deadlinesOf, nextDeadline, reminderAt, type ClockInputs } from './reporting-clock.ts';

const rule = (key: string, kind: ReportingRule['kind'], trigger: ReportingRule['trigger'], amount: number, unit: ReportingRule['unit']): ReportingRule => ({ key, kind, trigger, amount, unit, recipients: 'x' });
const c20 = { id: 'c20', code: 'vn-circular-20-2017', rules: [rule('notification', 'notification', 'discovery', 5, 'calendar_days'), rule('final', 'final', 'response_end', 5, 'calendar_days')] };
const inc = (more: Partial<ClockInputs> = {}): ClockInputs => ({
  status: 'triage', createdAt: new Date('2026-11-02T03:00:00Z'), discoveredAt: new Date('2026-11-02T01:00:00Z'), occurredAt: null, beyondCapacityAt: null, responseEndedAt: null, seriousAt: null, ...more,
});

describe('reporting clocks', () => {
  it('counts Circular 20 notification five days from discovery, and the final report only once the response ended', () => {
    const [n, f] = deadlinesOf(inc(), [c20], [], new Date('2026-11-05T00:00:00Z'));
    expect(n).toMatchObject({ state: 'due', dueAt: new Date('2026-11-07T01:00:00Z'), secondsLeft: 2 * 86400 + 3600 });
    expect(f).toMatchObject({ state: 'pending', dueAt: null });
  });
  it('turns overdue after the deadline and met once a report of that kind is filed', () => {
    const late = new Date('2026-11-08T00:00:00Z');
    expect(deadlinesOf(inc(), [c20], [], late)[0]!.state).toBe('overdue');
    expect(deadlinesOf(inc(), [c20], [{ regimeId: 'c20', kind: 'notification', submittedAt: new Date('2026-11-03T00:00:00Z') }], late)[0]!.state).toBe('met');
    expect(deadlinesOf(inc(), [c20], [{ regimeId: null, kind: 'notification', submittedAt: late }], late)[0]!.state).toBe('met_late');
  });
  it('owes nothing more once rejected', () => {
    expect(deadlinesOf(inc({ status: 'rejected' }), [c20], [], new Date('2026-12-01T00:00:00Z'))).toEqual([]);
  });
  it('counts working days Monday to Friday in Vietnam time', () => {
    // Friday 2026-11-06 10:00 in Hanoi + 5 working days = Friday 2026-11-13 10:00.
    expect(addDuration(new Date('2026-11-06T03:00:00Z'), 5, 'working_days').toISOString()).toBe('2026-11-13T03:00:00.000Z');
    // Saturday 2026-11-07 + 1 working day = Monday.
    expect(addDuration(new Date('2026-11-07T03:00:00Z'), 1, 'working_days').toISOString()).toBe('2026-11-09T03:00:00.000Z');
  });
  it('stops a clock started at the end of year 9999 at its last instant, for every unit', () => {
    for (const unit of ['hours', 'calendar_days', 'working_days'] as const) {
      expect(addDuration(new Date('9999-12-31T12:00:00Z'), 10_000, unit).toISOString(), unit).toBe('9999-12-31T23:59:59.999Z');
    }
  });
  it('reminds a day ahead, or at half time on short clocks, and gives the next deadline', () => {
    const ds = deadlinesOf(inc(), [c20, { id: 'sbv', code: 'sbv', rules: [rule('n', 'notification', 'discovery', 24, 'hours')] }], [], new Date('2026-11-02T02:00:00Z'));
    expect(nextDeadline(ds)?.toISOString()).toBe('2026-11-03T01:00:00.000Z');
    expect(reminderAt(ds[0]!)?.toISOString()).toBe('2026-11-02T13:00:00.000Z');
    expect(reminderAt(ds[1]!)?.toISOString()).toBe('2026-11-06T01:00:00.000Z');
  });
});

describe('applicable regimes', () => {
  const base = { active: true, effectiveFrom: '2017-01-01', effectiveTo: null };
  const regimes = [
    { code: 'c20', applies: { track: 'routine' as const }, ...base },
    { code: 'd05', applies: { track: 'serious' as const }, ...base },
    { code: 'sbv', applies: { sectors: ['BANKING'] }, ...base },
    { code: 'pd', applies: { personalData: true }, ...base },
    { code: 'old', applies: {}, ...base, effectiveTo: '2020-01-01' },
  ];
  it('moves a serious incident from Circular 20 to the Decision 05 track, and adds sector and personal-data regimes', () => {
    const at = new Date('2026-11-02T00:00:00Z');
    expect(applicableRegimes(regimes, { serious: false, personalData: false, sectors: ['EGOV'], at }).map((r) => r.code)).toEqual(['c20']);
    expect(applicableRegimes(regimes, { serious: true, personalData: true, sectors: ['BANKING'], at }).map((r) => r.code)).toEqual(['d05', 'sbv', 'pd']);
  });
});
