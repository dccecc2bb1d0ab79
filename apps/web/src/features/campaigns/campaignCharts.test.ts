import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '@lachan/contracts';
import { campaignGraph } from './campaignCharts.ts';

const at = '2026-11-20T10:00:00.000Z';
const campaign = (evidence: CampaignDetail['evidence']): CampaignDetail => ({
  id: '00000000-0000-4000-8000-000000000001', title: 'Phishing wave', status: 'detected', confidence: 'high', severity: 3, techniques: [], orgCount: 3, alertCount: 4,
  firstActivity: at, lastActivity: at, mergedIntoId: null,
  bySector: [{ key: 'BANKING', total: 3, hidden: 1 }], byProvince: [{ key: '01', total: 3, hidden: 1 }],
  orgs: [{ id: 'a', name: 'Bank A', sectors: ['BANKING'], provinceCode: '01', firstSeen: at, lastSeen: at }, { id: 'b', name: 'Bank B', sectors: ['BANKING'], provinceCode: '01', firstSeen: at, lastSeen: at }],
  hiddenOrgCount: 1, evidence, alerts: [], incidents: [],
});

describe('the campaign graph', () => {
  it('groups hidden members by sector and links a value every member carries to each of them', () => {
    const g = campaignGraph(campaign([{ kind: 'observable', value: '198.51.100.7', orgCount: 3, firstSeen: at, lastSeen: at }]), (n, s) => `${n} in ${s}`);
    expect(g.nodes.map((n) => n.name)).toEqual(['Phishing wave', 'Bank A', 'Bank B', '1 in BANKING', '198.51.100.7']);
    expect(g.links.filter((l) => l.source === 'ev:observable:198.51.100.7').map((l) => l.target)).toEqual(['org:a', 'org:b', 'hidden:BANKING']);
  });

  it('links a value only some members carry to the campaign, not to members it cannot name', () => {
    const g = campaignGraph(campaign([{ kind: 'network', value: '198.51.100.0/24', orgCount: 2, firstSeen: at, lastSeen: at }]), (n, s) => `${n} in ${s}`);
    expect(g.links.filter((l) => l.source.startsWith('ev:'))).toEqual([{ source: 'ev:network:198.51.100.0/24', target: 'campaign', value: 2 }]);
  });
});
