import { describe, expect, it } from 'vitest';
import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { identityProvidersPolicy } from './identity-providers.policy.ts';

const ctx = (role: Role, all: boolean, type: 'user' | 'apikey' = 'user'): RequestContext => ({
  actor: { type, id: 'x', name: 'x', orgId: 'o', role },
  scope: { all, manage: new Set(['o']), read: new Set(['o']) },
  ip: null,
  requestId: null,
});

describe('identity providers policy', () => {
  it('lets only a signed-in national coordinator of the centre manage providers', () => {
    expect(identityProvidersPolicy.mayManage(ctx('national_coordinator', true))).toBe(true);
    expect(identityProvidersPolicy.mayManage(ctx('national_coordinator', true, 'apikey'))).toBe(false);
    expect(identityProvidersPolicy.mayManage(ctx('national_coordinator', false))).toBe(false);
    for (const role of ['org_admin', 'analyst', 'responder', 'viewer', 'connector'] as const) {
      expect(identityProvidersPolicy.mayManage(ctx(role, false)), role).toBe(false);
    }
  });
});
