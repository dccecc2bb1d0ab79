import { describe, expect, it } from 'vitest';
import { apiKeysPolicy } from './apikeys.policy.ts';
import { policyCtx as ctx } from '../../testing/policy-context.ts';

describe('key policy', () => {
  it('lets only signed-in admins issue keys, never a key issuing another', () => {
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm'), 'm1', 'connector')).toBe(true);
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm', 'apikey'), 'm1', 'connector')).toBe(false);
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm'), 'p', 'connector')).toBe(false);
  });
});
