import type { ApiKey } from '@lachan/contracts';
import type { ApiKeyRow } from './apikeys.repository.ts';

/** An API key as listed: its prefix to recognise it, never the key or its hash. */
export const presentApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  orgId: r.org_id,
  orgName: r.org_name,
  role: r.role as ApiKey['role'],
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});
