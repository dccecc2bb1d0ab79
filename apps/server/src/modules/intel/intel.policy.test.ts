import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import { canSeeIndicator, collectionAccess, collectionReaderCeiling, fitsCeiling, isVisible, mayVersionObject, readerCeiling, writerOf } from './intel.policy.ts';

const ctx = (role: RequestContext['actor']['role'], orgId: string, all = false): RequestContext => ({
  actor: { type: 'user', id: 'u', name: 'u', orgId, role },
  scope: { all, manage: new Set([orgId]), read: new Set([orgId]) },
  ip: null,
  requestId: null,
});
const grants = [{ org_id: 'A', can_read: true, can_write: false }, { org_id: 'B', can_read: true, can_write: true }];

describe('intel policy', () => {
  it('grants read and write per organisation, bounded by the role', () => {
    expect(collectionAccess(ctx('analyst', 'A'), grants)).toEqual({ canRead: true, canWrite: false });
    expect(collectionAccess(ctx('analyst', 'B'), grants)).toEqual({ canRead: true, canWrite: true });
    expect(collectionAccess(ctx('viewer', 'B'), grants)).toEqual({ canRead: true, canWrite: false });
    expect(collectionAccess(ctx('analyst', 'C'), grants)).toEqual({ canRead: false, canWrite: false });
    expect(isVisible(collectionAccess(ctx('analyst', 'C'), grants))).toBe(false);
  });

  it('lets the national centre reach every collection', () => {
    expect(collectionAccess(ctx('national_coordinator', 'N', true), [])).toEqual({ canRead: true, canWrite: true });
  });

  it('keeps objects above a collection’s TLP ceiling out', () => {
    expect(fitsCeiling('AMBER', 'AMBER')).toBe(true);
    expect(fitsCeiling('AMBER+STRICT', 'AMBER')).toBe(false);
    expect(fitsCeiling('RED', 'GREEN')).toBe(false);
    expect(fitsCeiling(null, 'CLEAR')).toBe(true);
  });

  it('shows CLEAR, GREEN and unmarked indicators to all, AMBER and RED only to those reaching the owner', () => {
    expect(canSeeIndicator(ctx('analyst', 'A'), 'GREEN', 'B')).toBe(true);
    expect(canSeeIndicator(ctx('analyst', 'A'), null, null)).toBe(true);
    expect(canSeeIndicator(ctx('analyst', 'A'), 'AMBER', 'B')).toBe(false);
    expect(canSeeIndicator(ctx('analyst', 'B'), 'RED', 'B')).toBe(true);
    expect(canSeeIndicator(ctx('national_coordinator', 'N', true), 'AMBER+STRICT', 'B')).toBe(true);
  });

  it('lets only the owner, and the centre with intel.manage, version an object', () => {
    expect(mayVersionObject(writerOf(ctx('analyst', 'A')), 'A')).toBe(true);
    expect(mayVersionObject(writerOf(ctx('connector', 'B')), 'A')).toBe(false);
    expect(mayVersionObject(writerOf(ctx('org_admin', 'B')), 'A')).toBe(false);
    expect(mayVersionObject(writerOf(ctx('national_coordinator', 'N', true)), 'A')).toBe(true);
    expect(mayVersionObject(writerOf(ctx('connector', 'N', true)), 'A')).toBe(false);
    expect(mayVersionObject(writerOf(ctx('analyst', 'A')), null)).toBe(false);
  });

  it('lets readers see marked parts up to GREEN, all of it within the owner\'s reach, and up to a collection\'s ceiling over TAXII', () => {
    expect(readerCeiling(ctx('analyst', 'A'), 'A')).toBe('RED');
    expect(readerCeiling(ctx('analyst', 'B'), 'A')).toBe('GREEN');
    expect(readerCeiling(ctx('analyst', 'B'), null)).toBe('GREEN');
    expect(readerCeiling(ctx('national_coordinator', 'N', true), 'A')).toBe('RED');
    expect(collectionReaderCeiling(ctx('analyst', 'B'), 'A', 'AMBER+STRICT')).toBe('AMBER+STRICT');
    expect(collectionReaderCeiling(ctx('analyst', 'A'), 'A', 'CLEAR')).toBe('RED');
  });
});
