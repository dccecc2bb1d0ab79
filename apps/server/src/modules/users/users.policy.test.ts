import { describe, expect, it } from 'vitest';
import { usersPolicy } from './users.policy.ts';
import { policyCtx as ctx } from '../../testing/policy-context.ts';

describe('account policy', () => {
  it('scopes user administration to the admin subtree and to grantable roles', () => {
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'm1', 'analyst')).toBe(true);
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'p', 'analyst')).toBe(false);
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'm1', 'national_coordinator')).toBe(false);
    expect(usersPolicy.mayUpdate(ctx('org_admin', 'm'), { orgId: 'm1', role: 'analyst' }, 'national_coordinator')).toBe(false);
    expect(usersPolicy.mayRead(ctx('analyst', 'm'), 'm')).toBe(false);
  });
});
