import { describe, expect, it } from 'vitest';
import { CampaignIndex, DEFAULT_DETECTOR, type LinkAlert } from './campaign-index.ts';

const at = Date.parse('2026-11-21T08:00:00Z');
const alert = (org: number, observables: LinkAlert['observables'], minutes = 0): LinkAlert => ({ orgId: `org-${org}`, at: at + minutes * 60_000, srcIp: null, attack: ['T1190'], observables });
/** Feeds the alerts; returns the organisations of every link found, by campaign key. */
function feed(index: CampaignIndex, alerts: LinkAlert[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of alerts) for (const k of index.observe(a)) {
    const link = index.link(k);
    if (link) out.set(link.campaignKey, [...link.orgs.keys()].sort());
  }
  return out;
}
/** Background: 40 organisations active (each its own attacker /24), so share limits mean something. */
const background = Array.from({ length: 40 }, (_, i) => alert(i, [{ type: 'ipv4', value: `45.${i + 1}.7.1` }]));

describe('campaign noise control', () => {
  it('links four organisations sharing attacker infrastructure', () => {
    const links = feed(new CampaignIndex(), [...background, ...[1, 2, 3, 4].map((o) => alert(o, [{ type: 'ipv4', value: `198.18.5.${o}` }]))]);
    expect(links.get('network:198.18.5.0/24')).toEqual(['org-1', 'org-2', 'org-3', 'org-4']);
  });

  it('does not link warninglisted values: public resolvers, private ranges, top domains, bare host names', () => {
    const noisy = [{ type: 'ipv4', value: '8.8.8.8' }, { type: 'ipv4', value: '10.1.2.3' }, { type: 'ipv4', value: '192.168.1.1' }, { type: 'domain', value: 'update.microsoft.com' }, { type: 'hostname', value: 'dc01' }, { type: 'ipv6', value: 'fe80::1' }];
    expect(feed(new CampaignIndex(), [...background, ...[1, 2, 3, 4].map((o) => alert(o, noisy))]).size).toBe(0);
  });

  it('does not link values of a supplied warninglist (the intel module\'s MISP lists)', () => {
    const listed = new Set(['cdn.example-cdn.net', '198.18.9.9']);
    const index = new CampaignIndex({ ...DEFAULT_DETECTOR, warninglisted: (_t, v) => listed.has(v) });
    const alerts = [1, 2, 3, 4].map((o) => alert(o, [{ type: 'domain', value: 'cdn.example-cdn.net' }]));
    expect(feed(index, [...background, ...alerts]).size).toBe(0);
    expect(feed(new CampaignIndex(), [...background, ...alerts]).size).toBe(1);
  });

  it('does not link one organisation\'s own repeats, nor a value seen by too many organisations', () => {
    const repeats = Array.from({ length: 20 }, (_, m) => alert(7, [{ type: 'ipv4', value: '198.18.6.6' }], m));
    expect(feed(new CampaignIndex(), [...background, ...repeats]).size).toBe(0);
    // A scanner seen by 15 of 40 organisations (over a quarter): commodity noise, whatever it looked like at 3.
    const index = new CampaignIndex();
    feed(index, [...background, ...Array.from({ length: 15 }, (_, o) => alert(o, [{ type: 'ipv4', value: '198.18.7.7' }]))]);
    expect(index.link('observable:ipv4:198.18.7.7')).toBeNull();
  });
});
