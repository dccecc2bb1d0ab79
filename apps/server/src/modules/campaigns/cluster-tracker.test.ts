import { describe, expect, it } from 'vitest';
import { ClusterTracker, DEFAULT_DETECTOR, PUBLISH_AT_ONCE, type DetectorOptions } from './cluster-tracker.ts';
import { HeldAlerts, planRound } from './campaign-plan.ts';
import type { LinkAlert } from './link-features.ts';
import type { OrgTraits } from './noise-model.ts';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;
const SECTORS = ['BANKING', 'ENERGY', 'HEALTH', 'TELECOM', 'EGOV'];
/** 50 organisations, ten per sector; org-0..9 are banks. */
const traits = (o: string): OrgTraits | null => {
  const i = Number(o.slice(4));
  return Number.isNaN(i) ? null : { sectors: [SECTORS[Math.floor(i / 10)]!], provinceCode: String(10 + (i % 7)), kind: 'ci_operator' };
};
/** These tests are about what links: clusters are published when found (the provisional stage has its own tests below). */
const AT_ONCE: DetectorOptions = { ...DEFAULT_DETECTOR, publish: PUBLISH_AT_ONCE };
let seq = 0;
const alert = (org: number, over: Partial<LinkAlert> = {}, hours = 0): LinkAlert & { severity: number; id: string } => ({
  id: String(seq++), orgId: `org-${org}`, at: T0 + hours * HOUR, severity: 3, rsitClass: 'intrusion-attempts', ruleId: null, title: 'Exploitation attempt', srcIp: null, dstIp: `100.64.${org}.1`,
  attack: ['T1190'], observables: [], ...over,
});
/** Every organisation sends a few alerts of its own, so the base rates are those of 50 senders. */
const background = () => Array.from({ length: 50 }, (_, o) => alert(o, { observables: [{ type: 'sha256', value: `${o}`.padStart(64, 'f') }] }));
const active = (t: ClusterTracker, now: number) => [...t.round(now).clusters];
function feed(t: ClusterTracker, alerts: LinkAlert[][], now = T0 + 10 * HOUR) {
  const plans = alerts.map((batch) => planRound(t, batch.map((a) => ({ ...a, severity: a.severity })), now));
  return plans;
}

describe('campaigns as clusters', () => {
  it('judges a value again when its sightings change, and forgets it once it leaves the window', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    for (const a of [...background(), alert(1, { srcIp: '45.1.1.1' }), alert(22, { srcIp: '45.1.1.1' }), alert(2, { srcIp: '46.2.2.2' }), alert(23, { srcIp: '46.2.2.2' })]) t.observe(a);
    t.round(T0 + HOUR);
    expect(t.verdictOf('ipv4:45.1.1.1')?.orgs).toEqual(['org-1', 'org-22']);
    expect(t.verdictOf('ipv4:46.2.2.2')?.orgs).toEqual(['org-2', 'org-23']);
    // A third organisation sees one of them five hours later: only that value changed, and its verdict follows.
    t.observe(alert(33, { srcIp: '45.1.1.1' }, 5));
    t.round(T0 + 5 * HOUR);
    expect(t.verdictOf('ipv4:45.1.1.1')?.orgs).toEqual(['org-1', 'org-22', 'org-33']);
    // The first hours leave the window: one organisation still sees the first value (no verdict), nobody the second (gone).
    t.index.prune(T0 + 2 * HOUR);
    t.round(T0 + 5 * HOUR);
    expect(t.index.values.has('ipv4:45.1.1.1')).toBe(true);
    expect(t.verdictOf('ipv4:45.1.1.1')).toBeNull();
    expect(t.index.values.has('ipv4:46.2.2.2')).toBe(false);
    expect(t.verdictOf('ipv4:46.2.2.2')).toBeNull();
  });

  it('links organisations through a chain: one address at two, a domain shared with a third', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [plan] = feed(t, [[...background(),
      alert(1, { srcIp: '45.1.1.1', ruleId: 'R1' }), alert(22, { srcIp: '45.1.1.1', ruleId: 'R1', observables: [{ type: 'domain', value: 'c2.evil.example' }] }),
      alert(33, { ruleId: 'R1', observables: [{ type: 'domain', value: 'c2.evil.example' }] })]]);
    expect(plan!.campaigns).toHaveLength(1);
    expect([...plan!.campaigns[0]!.cluster.orgs.keys()].sort()).toEqual(['org-1', 'org-22', 'org-33']);
  });

  it('merges two campaigns when a new link joins them: the older survives, the absorbed one is named', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [first, second, joint] = feed(t, [
      [...background(), alert(1, { srcIp: '45.1.1.1', ruleId: 'R1' }), alert(22, { srcIp: '45.1.1.1', ruleId: 'R1' }), alert(23, { srcIp: '45.1.1.1', ruleId: 'R1' })],
      [alert(31, { srcIp: '77.2.2.2', ruleId: 'R2' }), alert(41, { srcIp: '77.2.2.2', ruleId: 'R2' }), alert(42, { srcIp: '77.2.2.2', ruleId: 'R2' })],
      [alert(5, { srcIp: '45.1.1.1', ruleId: 'R1', observables: [{ type: 'ipv4', value: '77.2.2.2' }] })],
    ]);
    const a = first!.campaigns[0]!.cluster.key;
    const b = second!.campaigns[0]!.cluster.key;
    expect(a).not.toBe(b);
    expect(joint!.campaigns).toHaveLength(1);
    expect(joint!.campaigns[0]!.cluster.key).toBe(a);
    expect(joint!.campaigns[0]!.cluster.absorbed.map((x) => x.key)).toEqual([b]);
    expect(joint!.campaigns[0]!.cluster.orgs.size).toBe(7);
  });

  it('does not link two organisations that saw unrelated addresses of one shared /24, but does with the same signature', () => {
    const unrelated = new ClusterTracker(traits, AT_ONCE);
    const [p1] = feed(unrelated, [[...background(), alert(1, { srcIp: '34.90.7.10', ruleId: 'A' }), alert(27, { srcIp: '34.90.7.99', ruleId: 'B' })]]);
    expect(p1!.campaigns).toHaveLength(0);
    const same = new ClusterTracker(traits, AT_ONCE);
    const [p2] = feed(same, [[...background(), alert(1, { srcIp: '34.90.7.10', ruleId: 'A' }), alert(27, { srcIp: '34.90.7.99', ruleId: 'A' })]]);
    expect(p2!.campaigns[0]!.cluster.values).toEqual(['net:34.90.7.0/24|a']);
  });

  it('links IPv6 addresses by their /64 and /48 under one signature', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [p] = feed(t, [[...background(), alert(1, { srcIp: '2a01:560:42:1::5', ruleId: 'V' }), alert(30, { srcIp: '2a01:560:42:9::7', ruleId: 'V' })]]);
    expect(p!.campaigns[0]!.cluster.values).toEqual(['net:2a01:560:42::/48|v']);
  });

  it('links by a file hash alone, by a phishing sender domain alone and by a TLS fingerprint', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [p] = feed(t, [[...background(),
      alert(1, { observables: [{ type: 'sha256', value: 'a'.repeat(64) }] }), alert(25, { observables: [{ type: 'sha256', value: 'a'.repeat(64) }] }),
      alert(2, { observables: [{ type: 'email', value: 'x1@hr-notice.example', role: 'src' }] }), alert(35, { observables: [{ type: 'email', value: 'y2@hr-notice.example', role: 'src' }] }),
      alert(47, { observables: [{ type: 'email', value: 'z3@hr-notice.example', role: 'src' }] }),
      alert(3, { tags: ['ja3:e7d705a3286e19ea42f587b344ee6865'] }), alert(45, { tags: ['ja3:e7d705a3286e19ea42f587b344ee6865'] })]]);
    expect(p!.campaigns.map((c) => c.cluster.values[0]).sort()).toEqual(['sender:hr-notice.example', `sha256:${'a'.repeat(64)}`, 'tls:e7d705a3286e19ea42f587b344ee6865']);
  });

  it('wants evidence beyond chance from two organisations: one shared sender or address alone is no campaign, a second feature or the same rule is', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [p] = feed(t, [[...background(),
      alert(2, { observables: [{ type: 'email', value: 'a@tax-refund.example', role: 'src' }] }), alert(35, { observables: [{ type: 'email', value: 'b@tax-refund.example', role: 'src' }] }),
      alert(4, { srcIp: '45.20.20.20', title: 'Exploit A' }), alert(38, { srcIp: '45.20.20.20', title: 'Exploit B' }),
      alert(6, { srcIp: '45.30.30.30', ruleId: 'SAME-RULE' }), alert(41, { srcIp: '45.30.30.30', ruleId: 'SAME-RULE' }),
      alert(7, { srcIp: '45.40.40.40', ruleId: 'P-7', observables: [{ type: 'domain', value: 'c2.pair.example' }] }), alert(43, { srcIp: '45.40.40.40', ruleId: 'P-43', observables: [{ type: 'domain', value: 'c2.pair.example' }] })]]);
    expect(p!.campaigns.map((c) => [...c.cluster.orgs.keys()].sort().join(' ')).sort()).toEqual(['org-41 org-6', 'org-43 org-7']);
  });

  it('judges an address by its network: one more address of a scanning farm\'s /24 is background, the same in a quiet /24 a campaign', () => {
    const farm = (t: ClusterTracker) => Array.from({ length: 40 }, (_, o) => [1, 2].map((h) => alert(o + 5, { srcIp: `185.99.7.${h}`, title: 'SSH brute force', rsitClass: 'intrusion-attempts', severity: 1, attack: ['T1110.001'] }))).flat().filter(() => t !== null);
    const trio = (net: string) => [11, 24, 37].map((o) => alert(o, { srcIp: `${net}.77`, ruleId: `OWN-${o}` }));
    const noisy = new ClusterTracker(traits, AT_ONCE);
    const [p1] = feed(noisy, [[...background(), ...farm(noisy), ...trio('185.99.7')]]);
    expect(p1!.campaigns).toHaveLength(0);
    const quiet = new ClusterTracker(traits, AT_ONCE);
    const [p2] = feed(quiet, [[...background(), ...farm(quiet), ...trio('91.77.3')]]);
    expect(p2!.campaigns.map((c) => c.cluster.values)).toEqual([['ipv4:91.77.3.77']]);
  });

  it('holds three organisations sharing one sender and nothing else to be chance where commodity senders circulate, not where none do', () => {
    const few = [2, 17, 29].map((o) => alert(o, { title: 'Phishing e-mail delivered', observables: [{ type: 'email', value: 'hr@other-notice.example', role: 'src' }] }));
    const quiet = new ClusterTracker(traits, AT_ONCE);
    expect(feed(quiet, [[...background(), ...few]])[0]!.campaigns).toHaveLength(1);
    const noisy = new ClusterTracker(traits, AT_ONCE);
    const spam = ['spam-a.example', 'spam-b.example', 'spam-c.example'].flatMap((d) => [0, 3, 12, 15, 21, 27, 33, 36, 44, 48].map((o) => alert(o, { title: 'Phishing e-mail delivered', observables: [{ type: 'email', value: `x@${d}`, role: 'src' }] })));
    expect(feed(noisy, [[...background(), ...spam, ...few]])[0]!.campaigns).toHaveLength(0);
  });

  it('takes the few sender domains every reporting gateway sees in turn for commodity vocabulary, and a campaign\'s own sender domain for a link', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const domains = ['tax-a.example', 'tax-b.example', 'tax-c.example', 'tax-d.example'];
    // Nine organisations of five sectors report phishing; each sees most of the four names, never two in one alert.
    const gateways = [0, 3, 12, 15, 21, 27, 33, 36, 44];
    const spam = gateways.flatMap((o, i) => domains.filter((_, d) => (i + d) % 4 !== 0).map((d) => alert(o, { title: 'Phishing e-mail delivered', observables: [{ type: 'email', value: `x@${d}`, role: 'src' }] })));
    const own = [1, 14, 25, 38].map((o) => alert(o, { title: 'Phishing e-mail delivered', observables: [{ type: 'email', value: 'hr@payroll-notice.example', role: 'src' }] }));
    const [p] = feed(t, [[...background(), ...spam, ...own]]);
    expect(p!.campaigns.map((c) => c.cluster.values)).toEqual([['sender:payroll-notice.example']]);
    // Not by breadth (too few of all organisations): by being one of the names the same gateways see in turn.
    expect(t.verdictOf('sender:tax-a.example')).toMatchObject({ background: false, orgs: expect.any(Array) });
  });
});

describe('the noise model', () => {
  it('keeps an internet-wide scanner on the mass-scanning list, never as a campaign', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const scan = Array.from({ length: 30 }, (_, i) => alert(i + 5, { srcIp: '185.220.101.7', title: 'ET SCAN Nmap SYN scan', rsitClass: 'information-gathering', severity: 1, attack: ['T1595.001'], dstIp: `100.64.${i}.${i % 9}` }));
    const [p] = feed(t, [[...background(), ...scan]]);
    expect(p!.campaigns).toHaveLength(0);
    expect(p!.scanners.map((s) => s.key)).toContain('ipv4:185.220.101.7');
  });

  it('keeps a wave that hits all ten banks a campaign, by their concentration beyond chance', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const wave = Array.from({ length: 10 }, (_, i) => alert(i, { srcIp: `${60 + i}.${i}.3.4`, ruleId: 'CORE-BANK-RCE', title: 'Core banking gateway RCE CVE-2026-4001' }));
    const [p] = feed(t, [[...background(), ...wave]]);
    expect(p!.campaigns).toHaveLength(1);
    expect(p!.campaigns[0]!.cluster.orgs.size).toBe(10);
    expect(p!.campaigns[0]!.cluster.explanation.factors.map((f) => f.code)).toContain('concentrated');
  });

  it('retracts a campaign whose link turns out to be everywhere, with the reason', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    // (Under a rule of its own: an address doing only what everyone sees is opportunistic from the start.)
    const early = [alert(1, { srcIp: '91.5.5.5', ruleId: 'W' }), alert(22, { srcIp: '91.5.5.5', ruleId: 'W' }), alert(43, { srcIp: '91.5.5.5', ruleId: 'W' })];
    const later = Array.from({ length: 45 }, (_, i) => alert(i + 2, { srcIp: '91.5.5.5', ruleId: 'W' }));
    const [p1, p2] = feed(t, [[...background(), ...early], later]);
    expect(p1!.campaigns).toHaveLength(1);
    expect(p2!.retracted).toEqual([{ key: p1!.campaigns[0]!.cluster.key, reasons: expect.arrayContaining([expect.objectContaining({ code: 'broad', params: expect.objectContaining({ value: 'ipv4:91.5.5.5' }) })]) }]);
  });

  it('takes an address seen only with commodity signatures for opportunistic, however many organisations it hits', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [p] = feed(t, [[...background(), ...[1, 22, 43, 17].map((o) => alert(o, { srcIp: '91.8.8.8' }))]]);
    expect(p!.campaigns).toHaveLength(0);
  });

  it('takes analysts\' false-positive marks: a link marked by its organisations stops counting', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const [p1] = feed(t, [[...background(), alert(1, { srcIp: '91.6.6.6', ruleId: 'F' }), alert(22, { srcIp: '91.6.6.6', ruleId: 'F' })]]);
    expect(p1!.campaigns).toHaveLength(1);
    t.index.markFalsePositive('org-1', t.keysOfObservables('org-1', [{ type: 'ipv4', value: '91.6.6.6' }]));
    const round = t.round(T0 + 11 * HOUR);
    expect(round.retracted[0]!.reasons.map((r) => r.code)).toContain('false_positive');
  });

  it('does not count a SOC provider\'s own collector, present in all its clients\' alerts, as a link', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    const soc = [3, 17, 28, 39].map((o) => alert(o, { reporterOrgId: 'soc-1', observables: [{ type: 'hostname', value: 'collector.soc1.example' }] }));
    const [p] = feed(t, [[...background(), ...soc]]);
    expect(p!.campaigns).toHaveLength(0);
  });

  it('lets evidence age: a campaign quiet for longer than its half-lives loses confidence', () => {
    const t = new ClusterTracker(traits, AT_ONCE);
    feed(t, [[...background(), alert(1, { srcIp: '45.9.9.9', ruleId: 'Z' }), alert(22, { srcIp: '45.9.9.9', ruleId: 'Z' }), alert(33, { srcIp: '45.9.9.9', ruleId: 'Z' })]]);
    const aged = active(t, T0 + 13 * 24 * HOUR);
    expect(aged).toHaveLength(0); // nothing changed: no rewrite
    t.observe(alert(44, { srcIp: '45.9.9.9', ruleId: 'Z' }, 0));
    const [c] = active(t, T0 + 13 * 24 * HOUR);
    expect(c!.explanation.factors.map((f) => f.code)).toContain('aged');
  });
});

describe('provisional clusters (no cold-start churn)', () => {
  const SEC = 1_000;
  type A = LinkAlert & { severity: number; id: string };
  const at = (a: A, ms: number): A => ({ ...a, at: ms });
  /** Every organisation reports an address and a domain of its own: base rates for those types. */
  const warm = (when: number) => Array.from({ length: 50 }, (_, o) => at(alert(o, { srcIp: `203.0.${o}.9`, observables: [{ type: 'domain', value: `own${o}.example` }] }), when));
  const c2 = (org: number, when: number) => at(alert(org, { srcIp: '45.6.7.8', ruleId: 'EXP-1', observables: [{ type: 'domain', value: 'c2.op.example' }] }), when);

  it('publishes a clear campaign at once when the base rates are warm', () => {
    const t = new ClusterTracker(traits);
    const p = planRound(t, [...warm(T0), c2(1, T0 + HOUR), c2(22, T0 + HOUR), c2(33, T0 + HOUR)], T0 + HOUR);
    expect(p.campaigns).toHaveLength(1);
    expect(p.campaigns[0]!.cluster.created).toBe(true);
    expect(p.provisional).toBe(0);
  });

  it('holds a cluster found on a cold start until its wait ends, then publishes it with the alerts that made it', () => {
    const t = new ClusterTracker(traits);
    const held = new HeldAlerts<A, A>(DEFAULT_DETECTOR.publish.maxHoldMs + SEC, (a) => a);
    const first = planRound(t, [c2(1, T0), c2(22, T0), c2(33, T0)], T0, held);
    expect(first.campaigns).toHaveLength(0);
    expect(first.provisional).toBe(1);
    // Rounds without new alerts before the longest wait: still provisional, nothing written.
    expect(planRound(t, [], T0 + 10 * SEC, held).campaigns).toHaveLength(0);
    const later = planRound(t, [], T0 + DEFAULT_DETECTOR.publish.maxHoldMs, held);
    expect(later.campaigns).toHaveLength(1);
    expect(later.campaigns[0]!.cluster.created).toBe(true);
    expect(later.campaigns[0]!.members.map((m) => m.orgId).sort()).toEqual(['org-1', 'org-22', 'org-33']);
    expect(later.provisional).toBe(0);
  });

  it('lets a cluster that turns out to be background end unseen: no campaign, no retraction', () => {
    // An address three organisations saw on a cold start, then most organisations of every sector: broad background.
    const scan = (org: number, when: number) => at(alert(org, { srcIp: '91.1.1.1', ruleId: null, title: 'Connection attempt', observables: [{ type: 'domain', value: 'cdn.common.example' }] }), when);
    const run = (opts: DetectorOptions) => {
      const t = new ClusterTracker(traits, opts);
      const a = planRound(t, [scan(1, T0), scan(12, T0), scan(25, T0)], T0);
      const b = planRound(t, Array.from({ length: 40 }, (_, o) => scan(o + 5, T0 + SEC)), T0 + SEC);
      return { created: a.campaigns.length + b.campaigns.filter((c) => c.cluster.created).length, retracted: a.retracted.length + b.retracted.length, dropped: a.dropped + b.dropped };
    };
    // Published when found, it would have been announced then retracted.
    expect(run(AT_ONCE)).toEqual({ created: 1, retracted: 1, dropped: 0 });
    expect(run(DEFAULT_DETECTOR)).toEqual({ created: 0, retracted: 0, dropped: 1 });
  });

  it('makes a weak cluster wait rounds and time even when warm, then publishes it', () => {
    const t = new ClusterTracker(traits);
    // One kind of evidence (a domain) at three organisations: weak.
    const weak = (org: number, when: number) => at(alert(org, { observables: [{ type: 'domain', value: 'drop.op.example' }] }), when);
    const plans = [planRound(t, [...warm(T0), weak(1, T0 + HOUR), weak(22, T0 + HOUR), weak(33, T0 + HOUR)], T0 + HOUR)];
    for (const i of [1, 4, 5]) plans.push(planRound(t, [], T0 + HOUR + i * SEC));
    // Held three rounds at 2 s and 4 s, not yet 5 s; published at 5 s.
    expect(plans.map((p) => p.campaigns.length)).toEqual([0, 0, 0, 1]);
  });

  it('keeps a published campaign when a provisional cluster joins it, without announcing a merge', () => {
    const t = new ClusterTracker(traits);
    const p1 = planRound(t, [...warm(T0), c2(1, T0 + HOUR), c2(22, T0 + HOUR), c2(33, T0 + HOUR)], T0 + HOUR);
    const key = p1.campaigns[0]!.cluster.key;
    const other = (org: number) => at(alert(org, { observables: [{ type: 'domain', value: 'second.op.example' }] }), T0 + HOUR + SEC);
    const p2 = planRound(t, [other(41), other(42), other(43)], T0 + HOUR + SEC);
    expect(p2.campaigns).toHaveLength(0);
    const p3 = planRound(t, [at(alert(44, { observables: [{ type: 'domain', value: 'second.op.example' }, { type: 'domain', value: 'c2.op.example' }] }), T0 + HOUR + 2 * SEC)], T0 + HOUR + 2 * SEC);
    expect(p3.campaigns.map((c) => c.cluster.key)).toEqual([key]);
    expect(p3.campaigns[0]!.cluster.absorbed).toEqual([]);
    expect(p3.dropped).toBe(1);
  });
});

describe('the held alerts', () => {
  it('keep at most their bound in memory, however long the traffic runs within the hold', () => {
    const held = new HeldAlerts<{ orgId: string; n: number }, { orgId: string; n: number }>(HOUR, (a) => a);
    let most = 0;
    for (let n = 0; n < 200_000; n++) {
      held.add(T0 + n, { orgId: 'org-1', n }, ['ipv4:203.0.113.9']);
      most = Math.max(most, held.retained);
    }
    // 50,000 recent alerts are held; dropped ones leave the array every 4,096, not once half of it is dead.
    expect(most).toBeLessThanOrEqual(50_000 + 4_096);
    const carried = [...held.carrying(new Set(['ipv4:203.0.113.9']), T0)];
    expect(carried).toHaveLength(50_000);
    expect(carried[0]!.n).toBe(150_000);
  });
});
