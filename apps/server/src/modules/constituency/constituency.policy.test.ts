import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import { constituencyPolicy as policy } from './constituency.policy.ts';

const ctx = (role: RequestContext['actor']['role'], type: 'user' | 'apikey', read: string[], all = false): RequestContext => ({
  actor: { type, id: 'x', name: 'x', orgId: read[0] ?? 'root', role },
  scope: { all, manage: new Set(read), read: new Set(read) },
  ip: null,
  requestId: null,
});

describe('constituency policy', () => {
  it('lets only connector keys send reports', () => {
    expect(policy.maySend(ctx('connector', 'apikey', ['a']))).toBe(true);
    expect(policy.maySend(ctx('national_coordinator', 'user', [], true))).toBe(false);
  });

  it('lets an organisation read only its own rows, and the centre every row', () => {
    expect(policy.mayReadOrg(ctx('analyst', 'user', ['a']), 'a')).toBe(true);
    expect(policy.mayReadOrg(ctx('analyst', 'user', ['a']), 'b')).toBe(false);
    expect(policy.mayReadOrg(ctx('national_coordinator', 'user', [], true), 'b')).toBe(true);
    expect(policy.mayRead(ctx('connector', 'apikey', ['a']))).toBe(false);
  });

  it('keeps the CSV mappings to the centre', () => {
    expect(policy.mayManageMappings(ctx('national_coordinator', 'user', [], true))).toBe(true);
    expect(policy.mayManageMappings(ctx('org_admin', 'user', ['a']))).toBe(false);
  });
});
