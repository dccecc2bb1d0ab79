import { describe, expect, it } from 'vitest';
import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { exercisesPolicy as policy } from './exercises.policy.ts';

const ctx = (role: Role, orgId: string, manage: string[], all = false, type: 'user' | 'apikey' = 'user'): RequestContext => ({
  actor: { type, id: 'u', name: 'n', orgId, role },
  scope: { all, manage: new Set(manage), read: new Set(manage) },
  ip: null, requestId: null,
});

describe('exercises policy', () => {
  const centre = ctx('national_coordinator', 'ncc', [], true);
  const ministry = ctx('org_admin', 'min', ['min', 'unit']);
  const province = ctx('org_admin', 'prov', ['prov']);
  const analyst = ctx('analyst', 'unit', ['unit']);

  it('the centre, or a ministry for its subtree, organises; a province or an analyst does not', () => {
    expect(policy.mayOrganise(centre, 'coordination_centre')).toBe(true);
    expect(policy.mayOrganise(ministry, 'ministry')).toBe(true);
    expect(policy.mayOrganise(province, 'province')).toBe(false);
    expect(policy.mayOrganise(analyst, 'ministry')).toBe(false);
    expect(policy.mayOrganise(ctx('org_admin', 'min', ['min'], false, 'apikey'), 'ministry')).toBe(false);
    expect(policy.mayEnrol(ministry, 'unit')).toBe(true);
    expect(policy.mayEnrol(ministry, 'other')).toBe(false);
  });

  it('the white team drives its runs; a team member reads only its own part', () => {
    expect(policy.isWhite(ministry, 'min')).toBe(true);
    expect(policy.isWhite(analyst, 'min')).toBe(false);
    expect(policy.plays(analyst, ['unit', 'x'])).toBe(true);
    expect(policy.plays(analyst, ['x'])).toBe(false);
    expect(policy.mayReadTeam(analyst, 'min', 'unit')).toBe(true);
    expect(policy.mayReadTeam(analyst, 'min', 'x')).toBe(false);
    expect(policy.mayEditScenario(ministry, null)).toBe(false);
    expect(policy.mayEditScenario(ministry, 'min')).toBe(true);
  });
});
