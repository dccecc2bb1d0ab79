import { describe, expect, it } from 'vitest';
import type { Role } from '@lachan/contracts';
import type { RequestContext } from './context.ts';
import { mayGrant } from './authorize.ts';
import { orgsPolicy } from '../modules/orgs/orgs.policy.ts';
import { usersPolicy } from '../modules/users/users.policy.ts';
import { apiKeysPolicy } from '../modules/apikeys/apikeys.policy.ts';

// A ministry 'm' with unit 'm1'; a foreign province 'p'; SOC provider 's' monitoring 'm1'.
const ctx = (role: Role, org: 'm' | 's' | 'p', type: 'user' | 'apikey' = 'user'): RequestContext => {
  const manage = { m: ['m', 'm1'], s: ['s'], p: ['p'] }[org];
  const read = { m: ['m', 'm1'], s: ['s', 'm1'], p: ['p'] }[org];
  return { actor: { type, id: 'x', name: 'x', orgId: org, role }, scope: { all: role === 'national_coordinator', manage: new Set(manage), read: new Set(read) }, ip: null, requestId: null };
};

describe('role grants', () => {
  it('lets nobody grant a role above their own, and only the centre grant national_coordinator', () => {
    expect(mayGrant(ctx('org_admin', 'm'), 'analyst')).toBe(true);
    expect(mayGrant(ctx('org_admin', 'm'), 'org_admin')).toBe(true);
    expect(mayGrant(ctx('org_admin', 'm'), 'national_coordinator')).toBe(false);
    expect(mayGrant(ctx('analyst', 'm'), 'org_admin')).toBe(false);
    expect(mayGrant(ctx('national_coordinator', 'm'), 'national_coordinator')).toBe(true);
  });
});

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

describe('account and key policy', () => {
  it('scopes user administration to the admin subtree and to grantable roles', () => {
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'm1', 'analyst')).toBe(true);
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'p', 'analyst')).toBe(false);
    expect(usersPolicy.mayCreate(ctx('org_admin', 'm'), 'm1', 'national_coordinator')).toBe(false);
    expect(usersPolicy.mayUpdate(ctx('org_admin', 'm'), { orgId: 'm1', role: 'analyst' }, 'national_coordinator')).toBe(false);
    expect(usersPolicy.mayRead(ctx('analyst', 'm'), 'm')).toBe(false);
  });
  it('lets only signed-in admins issue keys, never a key issuing another', () => {
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm'), 'm1', 'connector')).toBe(true);
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm', 'apikey'), 'm1', 'connector')).toBe(false);
    expect(apiKeysPolicy.mayIssue(ctx('org_admin', 'm'), 'p', 'connector')).toBe(false);
  });
});
