import { describe, expect, it } from 'vitest';
import { formatReport, summaryLine } from './report.ts';
import type { InjectionReport, SimulationReport } from './types.ts';

const campaign = (label: string, serverCampaigns: number, proposals: number): InjectionReport['campaigns'][number] => ({
  label, group: 'sector:BANKING', orgs: ['a', 'b', 'c'], network: '198.18.0.0/24', domain: 'c0.campaign.example.net', techniques: ['T1190'], alerts: 9,
  detected: serverCampaigns > 0, serverCampaignId: serverCampaigns > 0 ? 'id' : null, serverCampaigns, proposals,
});
const report = (injected: InjectionReport, ratio: number): SimulationReport => ({
  ok: true, url: 'http://127.0.0.1:8080', seed: 1, orgs: { reporters: 30, socProviders: 4, withAssets: 30, keys: 60, assetsCreated: 0, assetsExisting: 0, assetConflicts: 0 },
  targetRate: 500, durationSeconds: 30, elapsedSeconds: 31, achievedRate: 480, skipped: 0, formats: [],
  totals: { connectors: 60, sent: 0, accepted: 0, duplicates: 0, rejected: 0, malformedSent: 0, repeatsSent: 0, validRejected: 0, malformedAccepted: 0, requests: 0, retries: 0, failedRecords: 0 },
  requests: { total: 1, ok: 1, retries: 0, failed: 0, unsent: 0, httpErrors: {} }, latencyMs: { p50: 1, p90: 1, p99: 1, max: 1 }, samples: [], injected,
  incidents: { incidents: 300, byRule: {}, distinctTitles: 300, alerts: 9000, criticalAlerts: 900, groups: 600, allGroups: 5000, ratio },
});
const injected = (active: number, proposals: number, per: [number, number][], churn = { created: 3, retracted: 0, merged: 0, proposalsDiscarded: 0 }): InjectionReport => ({
  campaigns: per.map(([c, p], i) => campaign(`campaign-${i}`, c, p)), activeCampaigns: active, campaignProposals: proposals, churn, surge: null, recall: per.filter(([c]) => c > 0).length / per.length,
});

describe('the simulator report', () => {
  it('ends with one summary line of the measured targets: ok with one campaign and one proposal per injected campaign', () => {
    const text = formatReport(report(injected(3, 3, [[1, 1], [1, 1], [1, 1]]), 0.5));
    expect(text.split('\n').at(-1)).toBe('simulate: rate=480/s requests=ok campaigns=3/3 proposals=3/3 detected=3/3 churn=0/0/0 incidents=300 groups=600 incidents/group=0.5 target: 1 campaign and 1 proposal per injected, churn (retracted/merged/discarded) <= injected each, incidents/group<=2 ok');
    expect(text).toContain('churn during the run: 3 campaigns published, 0 retracted, 0 merged away; 0 campaign proposals discarded');
  });

  it('says miss for extra campaigns or proposals, a fragmented or missed campaign, or too many incidents', () => {
    expect(summaryLine(report(injected(4, 3, [[1, 1], [1, 1], [1, 1]]), 0.5))).toMatch(/campaigns=4\/3 .* miss$/);
    expect(summaryLine(report(injected(3, 4, [[1, 1], [1, 2], [1, 1]]), 0.5))).toMatch(/ miss$/);
    expect(summaryLine(report(injected(3, 3, [[2, 1], [0, 0], [1, 1]]), 0.5))).toMatch(/detected=2\/3 .* miss$/);
    expect(summaryLine(report(injected(3, 3, [[1, 1], [1, 1], [1, 1]]), 2.5))).toMatch(/incidents\/group=2.5 .* miss$/);
  });

  it('says miss when campaigns were announced then withdrawn beyond one per injected campaign (churn)', () => {
    const per: [number, number][] = [[1, 1], [1, 1], [1, 1]];
    expect(summaryLine(report(injected(3, 3, per, { created: 6, retracted: 3, merged: 0, proposalsDiscarded: 3 }), 0.5))).toMatch(/churn=3\/0\/3 .* ok$/);
    expect(summaryLine(report(injected(3, 3, per, { created: 34, retracted: 31, merged: 0, proposalsDiscarded: 0 }), 0.5))).toMatch(/churn=31\/0\/0 .* miss$/);
    expect(summaryLine(report(injected(3, 3, per, { created: 18, retracted: 0, merged: 15, proposalsDiscarded: 0 }), 0.5))).toMatch(/ miss$/);
    expect(summaryLine(report(injected(3, 3, per, { created: 3, retracted: 0, merged: 0, proposalsDiscarded: 41 }), 0.5))).toMatch(/ miss$/);
  });
});
