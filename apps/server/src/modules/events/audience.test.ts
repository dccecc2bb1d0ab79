import { describe, expect, it } from 'vitest';
import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { mayHear } from './audience.ts';

const ctx = (role: Role, read: string[], all = false): RequestContext => ({
  actor: { type: 'user', id: 'u', name: 'u', orgId: read[0] ?? 'x', role },
  scope: { all, manage: new Set(read), read: new Set(read) },
  ip: null,
  requestId: null,
});

describe('event audience', () => {
  it('lets an organisation hear events about organisations in its scope only', () => {
    expect(mayHear(ctx('analyst', ['a', 'a1']), { orgIds: ['a1'] })).toBe(true);
    expect(mayHear(ctx('analyst', ['b']), { orgIds: ['a1'] })).toBe(false);
  });
  it('applies the role filter even to events for everyone', () => {
    expect(mayHear(ctx('viewer', ['a']), { all: true, roles: ['org_admin'] })).toBe(false);
    expect(mayHear(ctx('org_admin', ['a']), { orgIds: ['a'], roles: ['org_admin'] })).toBe(true);
  });
  it('lets the national centre hear everything', () => {
    expect(mayHear(ctx('national_coordinator', [], true), { orgIds: ['z'], roles: ['org_admin'] })).toBe(true);
  });
  it('keeps exact audiences (TLP-bound incidents) to the named organisations, not parents by scope', () => {
    expect(mayHear(ctx('org_admin', ['parent', 'a1']), { orgIds: ['a1'], exact: true })).toBe(false);
    expect(mayHear(ctx('analyst', ['a1']), { orgIds: ['a1'], exact: true })).toBe(true);
    expect(mayHear(ctx('national_coordinator', [], true), { orgIds: ['a1'], exact: true })).toBe(false);
    expect(mayHear(ctx('national_coordinator', [], true), { orgIds: ['a1'], exact: true, national: true })).toBe(true);
  });
  it('never lets a console, not even the national coordinator, hear an internal signal', () => {
    expect(mayHear(ctx('national_coordinator', [], true), { internal: true })).toBe(false);
    expect(mayHear(ctx('analyst', ['a']), { internal: true, all: true, orgIds: ['a'] })).toBe(false);
  });
});
