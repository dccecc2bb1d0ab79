import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@lachan/contracts';
import { queryKeysFor } from './streamInvalidation.ts';

const event = (type: string, data: unknown = {}): StreamEvent => ({ id: '1', type, at: '2026-11-21T00:00:00Z', data });

describe('queryKeysFor (alerts module)', () => {
  it('refreshes the stream and the connector counters on ingest', () => {
    expect(queryKeysFor(event('alerts.ingested'), null)).toEqual([['alerts'], ['alert-sources']]);
    expect(queryKeysFor(event('alerts.quarantined'), null)).toEqual([['quarantine'], ['alert-sources']]);
  });

  it('refreshes warnings (inbox and banner) and campaigns on their events', () => {
    expect(queryKeysFor(event('warning.issued', { id: 'w' }), null)).toEqual([['warnings']]);
    expect(queryKeysFor(event('campaign.detected', { id: 'c' }), null)).toEqual([['campaigns']]);
  });

  it('refreshes incidents and alert details on incident events', () => {
    expect(queryKeysFor(event('incident.created', { id: 'x' }), null)).toEqual([['incidents'], ['alerts', 'detail']]);
  });

  it("refreshes one organisation's assets, or all when a removal names none", () => {
    expect(queryKeysFor(event('asset.changed', { id: 'a', orgId: 'o1' }), null)).toEqual([['assets', 'o1']]);
    expect(queryKeysFor(event('asset.changed', { id: 'a', removed: true }), null)).toEqual([['assets']]);
    expect(queryKeysFor(event('source.changed', { id: 's' }), null)).toEqual([['alert-sources']]);
  });

  it('refreshes everything, the profile included, when the caller’s own role or organisation changed', () => {
    expect(queryKeysFor(event('access.changed', { role: 'viewer', orgId: 'o1' }), 'me')).toEqual([[]]);
  });
});
