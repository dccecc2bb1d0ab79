import { describe, expect, it } from 'vitest';
import type { Role } from '@lachan/contracts';
import { orgsPolicy } from './orgs.policy.ts';
import { policyCtx as ctx } from '../../testing/policy-context.ts';

describe('organisation policy', () => {
  it('lets an org admin add units and edit within its own subtree only', () => {
    expect(orgsPolicy.mayCreateUnder(ctx('org_admin', 'm'), 'm1')).toBe(true);
    expect(orgsPolicy.mayCreateUnder(ctx('org_admin', 'm'), 'p')).toBe(false);
    expect(orgsPolicy.mayCreateUnder(ctx('org_admin', 'm'), null)).toBe(false);
    expect(orgsPolicy.mayUpdate(ctx('org_admin', 'm'), 'm1')).toBe(true);
    expect(orgsPolicy.mayUpdate(ctx('org_admin', 'm'), 'p')).toBe(false);
  });
  it('keeps restructuring for the national centre', () => {
    expect(orgsPolicy.mayRestructure(ctx('org_admin', 'm'))).toBe(false);
    expect(orgsPolicy.mayRestructure(ctx('national_coordinator', 'm'))).toBe(true);
  });
  it('does not let a SOC provider edit the clients it merely reads', () => {
    expect(orgsPolicy.mayUpdate(ctx('org_admin', 's'), 'm1')).toBe(false);
    expect(orgsPolicy.mayLinkSoc(ctx('org_admin', 's'), 'm1')).toBe(false);
    expect(orgsPolicy.mayLinkSoc(ctx('org_admin', 'm'), 'm1')).toBe(true);
  });
  it('gives read-only roles the directory and nothing else', () => {
    for (const role of ['analyst', 'responder', 'viewer', 'connector'] as Role[]) {
      expect(orgsPolicy.mayRead(ctx(role, 'm'))).toBe(true);
      expect(orgsPolicy.mayUpdate(ctx(role, 'm'), 'm')).toBe(false);
    }
  });
});
