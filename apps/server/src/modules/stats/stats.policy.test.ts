import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import { statsPolicy } from './stats.policy.ts';

const ctx = (over: { all?: boolean; role?: string; type?: string }): RequestContext => ({
  actor: { type: (over.type ?? 'user') as 'user', id: 'u', name: 'n', orgId: 'o', role: (over.role ?? 'national_coordinator') as 'analyst' },
  scope: { all: over.all ?? true, manage: new Set(), read: new Set() },
  ip: null,
  requestId: null,
});

describe('stats policy', () => {
  it('lets only a coordinator of the national centre import history', () => {
    expect(statsPolicy.mayImportHistory(ctx({}))).toBe(true);
    expect(statsPolicy.mayImportHistory(ctx({ all: false }))).toBe(false);
    expect(statsPolicy.mayImportHistory(ctx({ role: 'org_admin' }))).toBe(false);
    expect(statsPolicy.mayImportHistory(ctx({ all: false, role: 'connector', type: 'apikey' }))).toBe(false);
  });
});
