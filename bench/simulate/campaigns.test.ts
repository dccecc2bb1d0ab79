import { describe, expect, it } from 'vitest';
import { GENERATORS } from './generators/index.ts';
import { Rng } from './rng.ts';
import { injectCampaign, planInjection } from './campaigns.ts';
import type { Format, OrgAssets } from './types.ts';
import { activeCampaigns, replay } from '../campaigns/replay.ts';
import { scoreStrict } from '../campaigns/score.ts';

const SECTORS = ['BANKING', 'ENERGY', 'HEALTH', 'TELECOM', 'EGOV'];
const org = (i: number): OrgAssets => ({ orgId: `org-${i}`, name: `org ${i}`, kind: 'ci_operator', index: i, slug: `org${i}`, net: `10.70.${i}`, cidr: `10.70.${i}.0/24`, domain: `org${i}.example.vn`, hosts: [`web.org${i}.example.vn`, 'dc01'],
  sectors: [SECTORS[i % SECTORS.length]!], provinceCode: String(10 + (i % 6)) });

describe('campaign detection on injected campaigns mixed with background traffic', () => {
  it('finds them with precision and recall of at least 0.9, scored strictly', { timeout: 60_000 }, () => {
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

    // Through the engine's own per-batch planning, scored strictly: fragments and noise are false positives.
    const traits = new Map(orgs.map((o) => [o.orgId, { sectors: [...(o.sectors ?? [])], provinceCode: o.provinceCode ?? null, kind: o.kind }]));
    const sent = rng.shuffle(records).map((r) => ({ ...r, reporterOrgId: r.orgId, receivedAt: now }));
    const { campaigns: held } = replay(sent, (o) => traits.get(o) ?? null, { batch: 200 });
    // Every campaign the server would show counts, whatever its values (nothing is removed before scoring).
    const detected = activeCampaigns(held).map((c) => new Set(c.orgs.keys()));
    const score = scoreStrict(detected, campaigns.map((c) => ({ label: c.label, orgIds: c.orgIds })));
    expect(score.fragments).toBe(0);
    // One campaign per injected campaign, and nothing else: the background's shared attackers and C2 names are no campaign.
    expect(score.detected).toBe(campaigns.length);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
