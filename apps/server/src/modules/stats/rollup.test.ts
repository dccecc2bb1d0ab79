import { describe, expect, it } from 'vitest';
import type { CommittedAlert } from '../../common/alert-feed.ts';
import { rollUp as rollUpBatches } from './rollup.ts';

const LIMITS = { maxAgeMs: 30 * 86_400_000, skewMs: 600_000 };
const rollUp = (alerts: CommittedAlert[], historical = false) => rollUpBatches([{ historical, alerts }], LIMITS);

const alert = (over: Partial<CommittedAlert>): CommittedAlert => ({
  id: '1', day: '2026-11-21', orgId: 'org-a', reporterOrgId: 'soc', inserted: true, occurrences: 1, severity: 3, rsitClass: 'malicious-code', format: 'wazuh',
  ruleId: null, title: 't', attack: [], assetHostname: null, srcIp: null, dstIp: null, observables: [], sectors: ['health'], provinceCode: '79',
  lastSeen: '2026-11-21T08:10:00.000Z', eventTime: '2026-11-21T08:10:00.000Z', receivedAt: '2026-11-21T08:15:00.000Z', indicatorMatches: [], ...over,
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

  it('buckets the hourly counters by the hour the events happened, for the country and each sector', () => {
    const { hourly, nationalHourly } = rollUp([alert({}), alert({ eventTime: '2026-11-21T09:00:01.000Z', receivedAt: '2026-11-21T09:00:02.000Z' })]);
    expect(hourly.map((h) => h.hour).sort()).toEqual(['2026-11-21T08:00:00Z', '2026-11-21T09:00:00Z']);
    expect(nationalHourly).toContainEqual({ scope: 'sector:health', hour: '2026-11-21T09:00:00Z', alerts: 1, occurrences: 1 });
    expect(nationalHourly.filter((h) => h.scope === '')).toHaveLength(2);
  });
});

describe('rollUp by event time', () => {
  it('counts an alert forwarded a week late on the day it happened, and as late', () => {
    const { daily, national, hourly } = rollUp([alert({ eventTime: '2026-11-14T23:30:00.000Z', receivedAt: '2026-11-21T08:15:00.000Z' }), alert({ orgId: 'org-b' })]);
    expect(daily.find((d) => d.orgId === 'org-a')).toMatchObject({ day: '2026-11-14', alerts: 1, late: 1, clamped: 0 });
    expect(daily.find((d) => d.orgId === 'org-b')).toMatchObject({ day: '2026-11-21', late: 0 });
    expect(national.find((n) => n.scope === '' && n.dim === 'arrival' && n.key === 'late')).toMatchObject({ day: '2026-11-14', alerts: 1 });
    expect(hourly.map((h) => h.hour)).toContain('2026-11-14T23:00:00Z');
  });

  it('takes the time received for an event time in the future or older than the limit, and flags it', () => {
    const { daily } = rollUp([
      alert({ orgId: 'future', eventTime: '2026-11-22T08:15:00.000Z' }),
      alert({ orgId: 'skewed', eventTime: '2026-11-21T08:20:00.000Z' }),
      alert({ orgId: 'ancient', eventTime: '2026-09-01T00:00:00.000Z' }),
    ]);
    expect(daily.find((d) => d.orgId === 'future')).toMatchObject({ day: '2026-11-21', clamped: 1, late: 0 });
    expect(daily.find((d) => d.orgId === 'skewed')).toMatchObject({ day: '2026-11-21', clamped: 0 });
    expect(daily.find((d) => d.orgId === 'ancient')).toMatchObject({ day: '2026-11-21', clamped: 1 });
  });

  it('keeps the age of history loaded from an archive, and does not call it late', () => {
    const { daily } = rollUp([alert({ eventTime: '2026-06-01T10:00:00.000Z' })], true);
    expect(daily).toEqual([expect.objectContaining({ day: '2026-06-01', late: 0, clamped: 0 })]);
  });

  it('counts a repeat of a stored alert only as occurrences, never again as late', () => {
    const { daily } = rollUp([alert({ inserted: false, occurrences: 4, eventTime: '2026-11-10T10:00:00.000Z' })]);
    expect(daily).toEqual([expect.objectContaining({ day: '2026-11-10', alerts: 0, occurrences: 4, late: 0 })]);
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
