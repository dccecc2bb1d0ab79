import { describe, expect, it } from 'vitest';
import { simulateOpenings, type PreviewAlert } from './promotion-preview.ts';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const MIN = 60_000;
let n = 0;
/** An alert of org A at `minutes` after T0, from `attacker`, of signature `rule`. */
const alert = (minutes: number, over: Partial<PreviewAlert> = {}): PreviewAlert => ({
  orgId: '00000000-0000-4000-8000-00000000000a', severity: 4, rsitClass: 'intrusions', format: 'lachan', ruleId: 'R1', title: `t${++n}`, attack: [],
  assetHostname: null, srcIp: '203.0.113.5', dstIp: '10.0.0.1', observables: [], lastSeen: new Date(T0 + minutes * MIN), occurrences: 1, ...over,
});

describe('simulateOpenings: what a rule would have opened', () => {
  it('opens one incident per group, and another after the group stayed quiet longer than its window', () => {
    const r = simulateOpenings({ minSeverity: 3, group: { by: ['attacker'], windowMinutes: 60 } }, [
      alert(0), alert(30), alert(200), alert(10, { srcIp: '198.51.100.9' }), alert(5, { severity: 2 }),
    ]);
    expect(r.alertsMatched).toBe(4);
    expect(r.incidents).toBe(3);
    expect(r.groups.map((g) => [g.label.attacker, g.alerts, g.incidents])).toEqual([['203.0.113.5', 3, 2], ['198.51.100.9', 1, 1]]);
  });

  it('opens for a count rule only when the occurrences within its window reach the threshold', () => {
    const c = { count: { threshold: 5, windowMinutes: 10 }, group: { by: ['signature' as const] } };
    expect(simulateOpenings(c, [alert(0, { occurrences: 2 }), alert(20, { occurrences: 2 }), alert(40, { occurrences: 2 })]).incidents).toBe(0);
    const r = simulateOpenings(c, [alert(0, { occurrences: 2 }), alert(5, { occurrences: 2 }), alert(8, { occurrences: 1 }), alert(9)]);
    expect(r.incidents).toBe(1);
    expect(r.groups[0]).toMatchObject({ alerts: 4, incidents: 1, firstSeen: new Date(T0).toISOString() });
  });

  it('lists no group that would have opened nothing', () => {
    const r = simulateOpenings({ count: { threshold: 100, windowMinutes: 60 } }, [alert(0), alert(1)]);
    expect(r).toEqual({ alertsMatched: 2, incidents: 0, groups: [] });
  });
});
