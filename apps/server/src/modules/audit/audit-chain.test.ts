import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, jsonSnapshot, type ChainedFields } from './audit-chain.ts';

const row: ChainedFields = {
  id: '1', at: '2026-11-21T10:00:00.000Z', actorType: 'user', actorId: 'u1', actorName: 'An', orgId: null,
  action: 'org.update', entityType: 'org', entityId: 'o1', before: { name: 'A' }, after: { name: 'B' },
  ip: '127.0.0.1', requestId: 'r1', prevHash: GENESIS_HASH,
};

describe('audit chain hash', () => {
  it('does not depend on key order, as jsonb does not keep it', () => {
    const reordered = { ...row, after: { b: 1, a: 2 } };
    expect(chainHash(reordered)).toBe(chainHash({ ...row, after: { a: 2, b: 1 } }));
  });
  it('changes when any covered field changes', () => {
    const h = chainHash(row);
    expect(chainHash({ ...row, after: { name: 'C' } })).not.toBe(h);
    expect(chainHash({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(chainHash({ ...row, actorName: 'Bình' })).not.toBe(h);
  });
  it('snapshots values the way jsonb returns them', () => {
    expect(jsonSnapshot({ d: new Date('2026-01-01T00:00:00Z'), u: undefined })).toEqual({ d: '2026-01-01T00:00:00.000Z' });
    expect(jsonSnapshot(undefined)).toBeNull();
  });
});
