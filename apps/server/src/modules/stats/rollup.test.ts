import { describe, expect, it } from 'vitest';
import type { CommittedAlert } from '../../core/alert-feed.ts';
import { rollUp } from './rollup.ts';

const alert = (over: Partial<CommittedAlert>): CommittedAlert => ({
  id: '1', day: '2026-11-21', orgId: 'org-a', reporterOrgId: 'soc', inserted: true, occurrences: 1, severity: 3, rsitClass: 'malicious-code', format: 'wazuh',
  ruleId: null, title: 't', attack: [], assetHostname: null, srcIp: null, dstIp: null, observables: [], sectors: ['health'], provinceCode: '79',
  lastSeen: '2026-11-21T08:10:00.000Z', receivedAt: '2026-11-21T08:15:00.000Z', indicatorMatches: [], ...over,
});

describe('rollUp', () => {
  it('counts a new alert once and every occurrence, and a repeat of a stored alert only as occurrences', () => {
    const { daily } = rollUp([alert({ occurrences: 3 }), alert({ id: '2', inserted: false, occurrences: 2 })]);
    expect(daily).toEqual([expect.objectContaining({ orgId: 'org-a', rsitClass: 'malicious-code', severity: 3, alerts: 1, occurrences: 5, sectors: ['health'], provinceCode: '79' })]);
  });

  it('keeps organisations, classes, severities and formats apart, with an unclassified alert under the empty class', () => {
    const { daily } = rollUp([alert({}), alert({ orgId: 'org-b' }), alert({ severity: 4 }), alert({ format: 'cef' }), alert({ rsitClass: null })]);
    expect(daily).toHaveLength(5);
    expect(daily.find((d) => d.rsitClass === '')).toBeDefined();
  });

  it('buckets the hourly counters by the hour the batch was received', () => {
    const { hourly } = rollUp([alert({}), alert({ receivedAt: '2026-11-21T09:00:01.000Z' })]);
    expect(hourly.map((h) => h.hour).sort()).toEqual(['2026-11-21T08:00:00Z', '2026-11-21T09:00:00Z']);
  });
});

describe('rollUp national rows', () => {
  it('sums each dimension apart, an organisation of two sectors counting in both but once in the total', () => {
    const { national } = rollUp([alert({ sectors: ['HEALTH', 'GOVERNMENT'], occurrences: 2 }), alert({ orgId: 'org-b', sectors: ['HEALTH'], provinceCode: '01' })]);
    const get = (dim: string, key: string, scope = '') => national.find((n) => n.scope === scope && n.dim === dim && n.key === key);
    expect(get('total', '')).toMatchObject({ alerts: 2, occurrences: 3 });
    expect(get('sector', 'HEALTH')).toMatchObject({ alerts: 2, occurrences: 3 });
    expect(get('sector', 'GOVERNMENT')).toMatchObject({ alerts: 1, occurrences: 2 });
    expect(get('province', '79')).toMatchObject({ alerts: 1 });
    expect(get('org', 'org-b')).toBeUndefined();
  });

  it('adds to each organisation’s running totals in the country, its sectors and its province', () => {
    const { orgs } = rollUp([alert({ sectors: ['HEALTH', 'GOVERNMENT'], occurrences: 2 }), alert({ id: '2', inserted: false, occurrences: 3 , sectors: ['HEALTH', 'GOVERNMENT']})]);
    expect(orgs.map((o) => o.scope).sort()).toEqual(['', 'province:79', 'sector:GOVERNMENT', 'sector:HEALTH']);
    expect(orgs.find((o) => o.scope === '')).toMatchObject({ orgId: 'org-a', alerts: 1, occurrences: 5 });
  });

  it('keeps each sector’s and province’s own breakdowns', () => {
    const { national } = rollUp([alert({ sectors: ['HEALTH'], provinceCode: '79' }), alert({ orgId: 'org-b', sectors: ['BANKING'], provinceCode: '79', occurrences: 4 })]);
    const get = (scope: string, dim: string, key: string) => national.find((n) => n.scope === scope && n.dim === dim && n.key === key);
    expect(get('sector:HEALTH', 'total', '')).toMatchObject({ alerts: 1, occurrences: 1 });
    expect(get('province:79', 'total', '')).toMatchObject({ alerts: 2, occurrences: 5 });
    expect(get('province:79', 'sector', 'BANKING')).toMatchObject({ occurrences: 4 });
  });
});
