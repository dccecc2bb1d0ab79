import { describe, expect, it } from 'vitest';
import type { IntelObjectDetail } from '@lachan/contracts';
import { referenceUrl, relationRows, relationshipGraph } from './intelGraph.ts';

const node = (id: string, type: string, name: string) => ({ id, type, name, tlp: null, modified: null, ownerOrgId: null, ownerOrgName: null });
const detail = {
  ...node('intrusion-set--1', 'intrusion-set', 'APT1'), created: null, versionCount: 1, object: {}, withheld: [], sightings: { stix: 0, alerts: 0 },
  nodes: [node('intrusion-set--1', 'intrusion-set', 'APT1'), node('attack-pattern--2', 'attack-pattern', 'Phishing'), node('indicator--3', 'indicator', 'C2')],
  edges: [
    { id: 'relationship--a', source: 'intrusion-set--1', target: 'attack-pattern--2', relationshipType: 'uses' },
    { id: 'relationship--b', source: 'indicator--3', target: 'intrusion-set--1', relationshipType: 'indicates' },
  ],
} as IntelObjectDetail;

describe('relationship graph', () => {
  it('draws one category per type, the centre larger, and edges with their relationship', () => {
    const option = relationshipGraph(detail, (t) => t.toUpperCase());
    const series = (option.series as Array<{ data: Array<{ id: string; category: number; symbolSize: number }>; links: unknown[]; categories: unknown[] }>)[0]!;
    expect(series.categories).toEqual([{ name: 'INTRUSION-SET' }, { name: 'ATTACK-PATTERN' }, { name: 'INDICATOR' }]);
    expect(series.data.find((n) => n.id === 'intrusion-set--1')!.symbolSize).toBeGreaterThan(series.data.find((n) => n.id === 'indicator--3')!.symbolSize);
    expect(series.links).toContainEqual({ source: 'indicator--3', target: 'intrusion-set--1', relationship: 'indicates' });
  });

  it('lists outgoing relationships first with the object at the other end', () => {
    expect(relationRows(detail).map((r) => [r.direction, r.relationshipType, r.other.name])).toEqual([['out', 'uses', 'Phishing'], ['in', 'indicates', 'C2']]);
  });

  it('links ATT&CK ids to their pages', () => {
    expect(referenceUrl({ source_name: 'mitre-attack', external_id: 'T1566.001' })).toBe('https://attack.mitre.org/techniques/T1566/001/');
    expect(referenceUrl({ source_name: 'mitre-attack', external_id: 'G0032' })).toBe('https://attack.mitre.org/groups/G0032/');
    expect(referenceUrl({ source_name: 'capec', external_id: 'CAPEC-163' })).toBeNull();
    expect(referenceUrl({ source_name: 'x', url: 'https://example.org/r' })).toBe('https://example.org/r');
  });
});
