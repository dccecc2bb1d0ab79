import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import { mayAdministerCollections, mayReadObject } from './intel.policy.ts';

const ctx = (role: RequestContext['actor']['role'], orgId: string, all = false): RequestContext => ({
  actor: { type: 'user', id: 'u', name: 'u', orgId, role },
  scope: { all, manage: new Set([orgId]), read: new Set([orgId]) },
  ip: null,
  requestId: null,
});

describe('knowledge-base policy', () => {
  it('shows CLEAR, GREEN and unmarked objects to every intel reader, AMBER and RED only within the owner\'s reach', () => {
    expect(mayReadObject(ctx('viewer', 'B'), { tlp: null, ownerOrgId: 'A' })).toBe(true);
    expect(mayReadObject(ctx('viewer', 'B'), { tlp: 'GREEN', ownerOrgId: 'A' })).toBe(true);
    expect(mayReadObject(ctx('analyst', 'B'), { tlp: 'AMBER', ownerOrgId: 'A' })).toBe(false);
    expect(mayReadObject(ctx('analyst', 'A'), { tlp: 'RED', ownerOrgId: 'A' })).toBe(true);
    expect(mayReadObject(ctx('national_coordinator', 'N', true), { tlp: 'AMBER+STRICT', ownerOrgId: 'A' })).toBe(true);
  });

  it('leaves collection administration to the national centre', () => {
    expect(mayAdministerCollections(ctx('national_coordinator', 'N', true))).toBe(true);
    expect(mayAdministerCollections(ctx('org_admin', 'A'))).toBe(false);
  });
});
