import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type ApiKeyRow = {
  id: string; name: string; org_id: string; org_name: string; role: string; prefix: string; created_at: Date;
  created_by_name: string | null; last_used_at: Date | null; revoked_at: Date | null;
};

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('api_keys as k')
    .innerJoin('organizations as o', 'o.id', 'k.org_id')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .select(['k.id', 'k.name', 'k.org_id', 'o.name as org_name', 'k.role', 'k.prefix', 'k.created_at', 'u.name as created_by_name', 'k.last_used_at', 'k.revoked_at']);

/** SQL for API keys; the clear key is never stored, only its SHA-256. */
export const apiKeysRepository = {
  async list(db: Kysely<DB>, orgIds: string[] | null, filter: { orgId?: string | undefined; includeRevoked: boolean }): Promise<ApiKeyRow[]> {
    let q = base(db);
    if (orgIds) q = q.where('k.org_id', 'in', orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']);
    if (filter.orgId) q = q.where('k.org_id', '=', filter.orgId);
    if (!filter.includeRevoked) q = q.where('k.revoked_at', 'is', null);
    return (await q.orderBy('k.created_at', 'desc').limit(1000).execute()) as ApiKeyRow[];
  },

  async byId(db: Kysely<DB>, id: string): Promise<ApiKeyRow | undefined> {
    return (await base(db).where('k.id', '=', id).executeTakeFirst()) as ApiKeyRow | undefined;
  },

  async insert(tx: Kysely<DB>, k: { name: string; orgId: string; role: string; prefix: string; hash: string; createdBy: string | null }): Promise<string> {
    const r = await tx
      .insertInto('api_keys')
      .values({ name: k.name, org_id: k.orgId, role: k.role, prefix: k.prefix, key_hash: k.hash, created_by: k.createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async revoke(tx: Kysely<DB>, id: string): Promise<void> {
    await tx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  },

  async moveOrg(tx: Kysely<DB>, fromOrgId: string, toOrgId: string): Promise<void> {
    await tx.updateTable('api_keys').set({ org_id: toOrgId }).where('org_id', '=', fromOrgId).execute();
  },

  async revokeOrg(tx: Kysely<DB>, orgId: string): Promise<void> {
    await tx.updateTable('api_keys').set({ revoked_at: new Date() }).where('org_id', '=', orgId).where('revoked_at', 'is', null).execute();
  },
};
