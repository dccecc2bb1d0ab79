import { describe, expect, it } from 'vitest';
import type { LinkAlert } from './link-features.ts';
import { ValueIndex } from './value-index.ts';

const MAX_VALUES = 5_000;

const T0 = Date.parse('2026-11-01T00:00:00Z');
const alert = (org: number, srcIp: string, at: number): LinkAlert => ({
  orgId: `org-${org}`, at, severity: 3, rsitClass: 'intrusion-attempts', ruleId: 'R1', title: 'Exploitation attempt', srcIp, dstIp: null, attack: [], observables: [],
});
const ip = (n: number) => `45.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

describe('the campaign value index under national traffic', () => {
  it('holds at most its bound, and keeps a value several organisations share over newer ones seen once', () => {
    const index = new ValueIndex(() => null, undefined, MAX_VALUES);
    // An attacker address two organisations saw early: the kind of value a campaign is made of.
    index.observe(alert(1, '91.200.1.7', T0));
    index.observe(alert(2, '91.200.1.7', T0 + 1));
    // Then a flood of addresses each seen once, more than the index may hold.
    for (let n = 0; n < MAX_VALUES * 3; n++) index.observe(alert(3 + (n % 40), ip(n), T0 + 1000 + n));
    expect(index.values.size).toBeLessThanOrEqual(MAX_VALUES + 1);
    expect(index.values.get('ipv4:91.200.1.7')?.sightings.size).toBe(2);
    // The oldest single sightings went first; the newest are still there.
    expect(index.values.has(`ipv4:${ip(0)}`)).toBe(false);
    expect(index.values.has(`ipv4:${ip(MAX_VALUES * 3 - 1)}`)).toBe(true);
  });

  it('forgets a dropped value as the company of those it was seen with', () => {
    const index = new ValueIndex(() => null, undefined, MAX_VALUES);
    // A domain seen with a flood of one-off addresses, each of which is dropped in turn.
    const c2 = { type: 'domain', value: 'update.c2.example.net' };
    for (let n = 0; n < MAX_VALUES * 3; n++) index.observe({ ...alert(1 + (n % 40), ip(n), T0 + n), observables: [c2, { type: 'domain', value: `once-${n}.example.org` }] });
    const named = [...index.values.values()].flatMap((v) => [...v.edges]);
    expect(named.length).toBeGreaterThan(MAX_VALUES);
    expect(named.filter((k) => !index.values.has(k))).toEqual([]);
    // The domain's company is only what is still held, the newest addresses among it.
    const company = index.values.get('domain:update.c2.example.net')!.edges;
    expect(company.has(`ipv4:${ip(0)}`)).toBe(false);
    expect(company.has(`ipv4:${ip(MAX_VALUES * 3 - 1)}`)).toBe(true);
  });

  it('keeps each sighting\'s hosts, techniques and reporters its own, however many start empty', () => {
    const index = new ValueIndex(() => null);
    // Three organisations see one address: one reported by its SOC with a technique and a host, two with nothing more.
    index.observe({ ...alert(1, '91.200.1.8', T0), reporterOrgId: 'soc-a', dstIp: '10.1.1.1', attack: ['T1190'] });
    index.observe(alert(2, '91.200.1.8', T0 + 1));
    index.observe(alert(3, '91.200.1.8', T0 + 2));
    index.observe({ ...alert(3, '91.200.1.8', T0 + 3), dstIp: '10.3.3.3' });
    const seen = index.values.get('ipv4:91.200.1.8')!.sightings;
    expect([...seen.get('org-1')!.reporters]).toEqual(['soc-a']);
    expect([...seen.get('org-1')!.techniques]).toEqual(['T1190']);
    expect([...seen.get('org-1')!.hosts]).toEqual(['10.1.1.1']);
    expect([...seen.get('org-2')!.reporters, ...seen.get('org-2')!.techniques, ...seen.get('org-2')!.hosts]).toEqual([]);
    expect([...seen.get('org-3')!.hosts]).toEqual(['10.3.3.3']);
    expect(seen.get('org-3')!.reporters.size).toBe(0);
  });

  it('keeps beside each sighting how many hosts and reporters it holds, and its one reporter, as the noise model reads them', () => {
    const index = new ValueIndex(() => null);
    // One organisation through one SOC, then a second SOC; another through the same SOC twice; a third with 70 hosts (64 kept).
    index.observe({ ...alert(1, '91.200.1.9', T0), reporterOrgId: 'soc-a', dstIp: '10.1.1.1' });
    index.observe({ ...alert(1, '91.200.1.9', T0 + 1), reporterOrgId: 'soc-a', dstIp: '10.1.1.1' });
    index.observe({ ...alert(2, '91.200.1.9', T0 + 2), reporterOrgId: 'soc-a' });
    index.observe({ ...alert(2, '91.200.1.9', T0 + 3), reporterOrgId: 'soc-a', dstIp: '10.2.2.2' });
    for (let h = 0; h < 70; h++) index.observe({ ...alert(3, '91.200.1.9', T0 + 10 + h), dstIp: `10.3.3.${h}` });
    const seen = index.values.get('ipv4:91.200.1.9')!.sightings;
    expect(seen.get('org-1')).toMatchObject({ hostCount: 1, reporterCount: 1, soleReporter: 'soc-a' });
    index.observe({ ...alert(1, '91.200.1.9', T0 + 100), reporterOrgId: 'soc-b' });
    expect(seen.get('org-1')).toMatchObject({ hostCount: 1, reporterCount: 2, soleReporter: undefined });
    expect(seen.get('org-2')).toMatchObject({ hostCount: 1, reporterCount: 1, soleReporter: 'soc-a' });
    expect(seen.get('org-3')).toMatchObject({ hostCount: 64, reporterCount: 0, soleReporter: undefined });
    for (const [, s] of seen) {
      expect(s.hostCount).toBe(s.hosts.size);
      expect(s.reporterCount).toBe(s.reporters.size);
    }
  });
});
