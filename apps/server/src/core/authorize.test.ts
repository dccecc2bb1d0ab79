import { describe, expect, it } from 'vitest';
import { mayGrant } from './authorize.ts';
import { policyCtx as ctx } from '../testing/policy-context.ts';

describe('role grants', () => {
  it('lets nobody grant a role above their own, and only the centre grant national_coordinator', () => {
    expect(mayGrant(ctx('org_admin', 'm'), 'analyst')).toBe(true);
    expect(mayGrant(ctx('org_admin', 'm'), 'org_admin')).toBe(true);
    expect(mayGrant(ctx('org_admin', 'm'), 'national_coordinator')).toBe(false);
    expect(mayGrant(ctx('analyst', 'm'), 'org_admin')).toBe(false);
    expect(mayGrant(ctx('national_coordinator', 'm'), 'national_coordinator')).toBe(true);
  });
});
