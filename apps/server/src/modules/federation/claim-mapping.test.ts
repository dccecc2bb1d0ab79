import { describe, expect, it } from 'vitest';
import type { ClaimRule } from '@lachan/contracts';
import { claimAt, globMatches, mapClaims } from './claim-mapping.ts';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const rule = (r: Partial<ClaimRule>): ClaimRule => ({ claim: 'groups', operator: 'equals', values: ['x'], orgId: ORG_A, role: 'viewer', ...r });

describe('claim mapping', () => {
  it('reads dotted paths and nothing through arrays or scalars', () => {
    const claims = { realm_access: { roles: ['soc'] }, org: 'bank' };
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['soc']);
    expect(claimAt(claims, 'org.name')).toBeUndefined();
    expect(claimAt(claims, 'missing.path')).toBeUndefined();
  });

  it('matches globs with * and ? only, literally otherwise', () => {
    expect(globMatches('soc-*', 'soc-analysts')).toBe(true);
    expect(globMatches('soc-?', 'soc-1')).toBe(true);
    expect(globMatches('soc-?', 'soc-12')).toBe(false);
    expect(globMatches('a.c', 'abc')).toBe(false);
    expect(globMatches('*admin*', 'org-admins')).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });

  it('takes the first matching rule in order', () => {
    const rules = [
      rule({ claim: 'groups', operator: 'in', values: ['soc-admins', 'root'], orgId: ORG_B, role: 'org_admin' }),
      rule({ claim: 'org', operator: 'glob', values: ['bank-*'], orgId: ORG_A, role: 'analyst' }),
      rule({ claim: 'org', operator: 'equals', values: ['bank-hn'], orgId: ORG_A, role: 'viewer' }),
    ];
    expect(mapClaims(rules, { org: 'bank-hn', groups: ['staff'] })).toMatchObject({ index: 1, rule: { role: 'analyst' } });
    expect(mapClaims(rules, { org: 'bank-hn', groups: ['staff', 'soc-admins'] })).toMatchObject({ index: 0, rule: { orgId: ORG_B } });
    expect(mapClaims(rules, { org: 'telco' })).toBeNull();
    expect(mapClaims([], { org: 'bank-hn' })).toBeNull();
  });

  it('compares numbers and booleans as text, ignores objects', () => {
    expect(mapClaims([rule({ claim: 'level', values: ['3'] })], { level: 3 })).not.toBeNull();
    expect(mapClaims([rule({ claim: 'o', operator: 'glob', values: ['*'] })], { o: { a: 1 } })).toBeNull();
  });
});
