import { describe, expect, it } from 'vitest';
import { parseAlert } from '@lachan/parsers';
import { GENERATORS } from './generators/index.ts';
import { Rng } from './rng.ts';
import { injectCampaign, planInjection } from './campaigns.ts';
import type { Format, OrgAssets } from './types.ts';
import { CampaignIndex } from '../../apps/server/src/modules/campaigns/campaign-index.ts';

const SECTORS = ['BANKING', 'ENERGY', 'HEALTH', 'TELECOM', 'EGOV'];
const org = (i: number): OrgAssets => ({ orgId: `org-${i}`, name: `org ${i}`, kind: 'ci_operator', index: i, slug: `org${i}`, net: `10.70.${i}`, cidr: `10.70.${i}.0/24`, domain: `org${i}.example.vn`, hosts: [`web.org${i}.example.vn`, 'dc01'],
  sectors: [SECTORS[i % SECTORS.length]!], provinceCode: String(10 + (i % 6)) });

describe('campaign detection on injected campaigns mixed with background traffic', () => {
  it('finds them with precision and recall of at least 0.9', () => {
    const rng = new Rng(7);
    const orgs = Array.from({ length: 40 }, (_, i) => org(i));
    const now = Date.now();
    const window = 6 * 3_600_000;
    const records: { orgId: string; format: Format; raw: string }[] = [];
    const formats: Format[] = ['lachan', 'wazuh', 'suricata', 'ecs'];
    for (let i = 0; i < 8000; i++) {
      const v = orgs[i % orgs.length]!;
      const format = formats[i % formats.length]!;
      records.push({ orgId: v.orgId, format, raw: GENERATORS[format]({ rng, now: now - rng.int(0, window), victim: v, reporter: v, seq: i }) });
    }
    // The simulator's own injection (`--campaigns 10 --surge BANKING`): campaigns by sector or province, and a surge that is no campaign.
    const { campaigns, surge } = planInjection(rng, orgs, { campaigns: 10, surge: 'BANKING', surgeAlerts: 200, start: now - window, spanMs: window });
    expect(new Set(campaigns.map((c) => c.group.split(':')[0]))).toEqual(new Set(['sector', 'province']));
    for (const r of [...campaigns.flatMap((c) => c.records), ...surge!.records]) records.push({ orgId: r.orgId, format: 'lachan', raw: r.record });
    // Decoys: one organisation repeating its own infrastructure is not a campaign.
    for (let i = 0; i < 5; i++) records.push({ orgId: 'org-3', format: 'lachan', raw: injectCampaign(rng, 100, [orgs[3]!], 1, now - window, window).records[0]!.record });

    const index = new CampaignIndex();
    const detected = new Map<string, Set<string>>();
    for (const r of rng.shuffle(records)) {
      const out = parseAlert(r.format, r.raw, { receivedAt: new Date(now) });
      if (!out.ok) continue;
      const a = out.alert;
      const keys = index.observe({ orgId: r.orgId, at: Date.parse(a.eventTime ?? new Date(now).toISOString()), srcIp: a.srcIp ?? null, attack: a.attackTechniques, observables: a.observables });
      for (const k of keys) {
        const link = index.link(k);
        if (link) detected.set(link.campaignKey, new Set(link.orgs.keys()));
      }
    }
    const jaccard = (a: Set<string>, b: string[]) => b.filter((x) => a.has(x)).length / new Set([...a, ...b]).size;
    const truePositives = [...detected.values()].filter((orgSet) => campaigns.some((c) => jaccard(orgSet, c.orgIds) >= 0.5)).length;
    const found = campaigns.filter((c) => [...detected.values()].some((orgSet) => jaccard(orgSet, c.orgIds) >= 0.5)).length;
    // Judged at the end: a value that turned out to be everywhere is no campaign any more.
    for (const k of detected.keys()) if (!index.link(k)) detected.delete(k);
    const precision = truePositives / Math.max(1, detected.size);
    const recall = found / campaigns.length;
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
