import { describe, expect, it } from 'vitest';
import type { CampaignDetail, HiddenCount } from '@lachan/contracts';
import { campaignGraph } from './campaignCharts.ts';

const at = '2026-11-20T10:00:00.000Z';
const campaign = (hidden: HiddenCount, evidence: CampaignDetail['evidence']): CampaignDetail => ({
  id: '00000000-0000-4000-8000-000000000001', title: 'Phishing wave', status: 'detected', confidence: 'high', severity: 3, techniques: [], members: { visible: 2, hidden }, alertCount: 4,
  firstActivity: at, lastActivity: at, mergedIntoId: null,
  bySector: [{ key: 'BANKING', visible: 2, hidden }], byProvince: [{ key: '01', visible: 2, hidden }],
  orgs: [{ id: 'a', name: 'Bank A', sectors: ['BANKING'], provinceCode: '01', firstSeen: at, lastSeen: at }, { id: 'b', name: 'Bank B', sectors: ['BANKING'], provinceCode: '01', firstSeen: at, lastSeen: at }],
  evidence, alerts: [], incidents: [], explanation: { level: 'high', factors: [] }, history: [], retractedReasons: null,
});
const label = (n: HiddenCount, s: string) => `${typeof n === 'number' ? n : `fewer than ${n.lt}`} in ${s}`;

describe('the campaign graph', () => {
  it('groups hidden members by sector and links a value every member carries to each of them', () => {
    const g = campaignGraph(campaign(3, [{ kind: 'observable', value: '198.51.100.7', members: { visible: 2, hidden: 3 }, firstSeen: at, lastSeen: at }]), label);
    expect(g.nodes.map((n) => n.name)).toEqual(['Phishing wave', 'Bank A', 'Bank B', '3 in BANKING', '198.51.100.7']);
    expect(g.links.filter((l) => l.source === 'ev:observable:198.51.100.7').map((l) => l.target)).toEqual(['org:a', 'org:b', 'hidden:BANKING']);
  });

  it('links a value only some members carry to the campaign, not to members it cannot name', () => {
    const g = campaignGraph(campaign(3, [{ kind: 'network', value: '198.51.100.0/24', members: { visible: 2, hidden: 0 }, firstSeen: at, lastSeen: at }]), label);
    expect(g.links.filter((l) => l.source.startsWith('ev:'))).toEqual([{ source: 'ev:network:198.51.100.0/24', target: 'campaign', value: 2 }]);
  });

  it('names a withheld count "fewer than 3" and claims no link it cannot know', () => {
    const g = campaignGraph(campaign({ lt: 3 }, [{ kind: 'network', value: '198.51.100.0/24', members: { visible: 2, hidden: { lt: 3 } }, firstSeen: at, lastSeen: at }]), label);
    expect(g.nodes.find((n) => n.id === 'hidden:BANKING')).toMatchObject({ name: 'fewer than 3 in BANKING', value: 1 });
    expect(g.links.filter((l) => l.source.startsWith('ev:'))).toEqual([{ source: 'ev:network:198.51.100.0/24', target: 'campaign', value: 3 }]);
  });
});
