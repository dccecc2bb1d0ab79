import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** A collection with the grants of every organisation. */
export interface CollectionRow {
  id: string;
  alias: string | null;
  title: string;
  description: string | null;
  tlp_ceiling: string;
  owner_org_id: string | null;
  grants: Array<{ org_id: string; can_read: boolean; can_write: boolean }>;
}

/** A stored status resource. */
export interface StatusRow {
  id: string;
  collection_id: string;
  org_id: string | null;
  status: 'pending' | 'complete';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: unknown[];
  failures: unknown[];
  pendings: unknown[];
}

const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** SQL for TAXII collections, their grants and status resources. */
export const taxiiCollectionsRepository = {
  async list(db: Kysely<DB>): Promise<CollectionRow[]> {
    const r = await sql<CollectionRow>`
      select c.id, c.alias, c.title, c.description, c.tlp_ceiling, c.owner_org_id,
             coalesce((select json_agg(json_build_object('org_id', g.org_id, 'can_read', g.can_read, 'can_write', g.can_write))
                       from taxii_collection_grants g where g.collection_id = c.id), '[]') as grants
      from taxii_collections c order by c.created_at, c.id`.execute(db);
    return r.rows;
  },

  async insert(tx: Kysely<DB>, c: { title: string; alias: string | null; description: string | null; tlpCeiling: string; ownerOrgId: string | null }): Promise<string> {
    const r = await sql<{ id: string }>`
      insert into taxii_collections (title, alias, description, tlp_ceiling, owner_org_id)
      values (${c.title}, ${c.alias}, ${c.description}, ${c.tlpCeiling}, ${c.ownerOrgId}) returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  async grant(tx: Kysely<DB>, collectionId: string, g: { orgId: string; canRead: boolean; canWrite: boolean }): Promise<void> {
    await sql`
      insert into taxii_collection_grants (collection_id, org_id, can_read, can_write) values (${collectionId}, ${g.orgId}, ${g.canRead}, ${g.canWrite})
      on conflict (collection_id, org_id) do update set can_read = excluded.can_read, can_write = excluded.can_write`.execute(tx);
  },

  async insertStatus(tx: Kysely<DB>, s: Omit<StatusRow, 'id' | 'request_timestamp'>): Promise<string> {
    const r = await sql<{ id: string }>`
      insert into taxii_status (collection_id, org_id, status, total_count, success_count, failure_count, pending_count, successes, failures, pendings)
      values (${s.collection_id}, ${s.org_id}, ${s.status}, ${s.total_count}, ${s.success_count}, ${s.failure_count}, ${s.pending_count},
              ${JSON.stringify(s.successes)}::jsonb, ${JSON.stringify(s.failures)}::jsonb, ${JSON.stringify(s.pendings)}::jsonb)
      returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  async status(db: Kysely<DB>, id: string): Promise<StatusRow | undefined> {
    const r = await sql<StatusRow>`
      select id, collection_id, org_id, status, to_char(request_timestamp at time zone 'UTC', ${sql.raw(MICROS)}) as request_timestamp,
             total_count, success_count, failure_count, pending_count, successes, failures, pendings
      from taxii_status where id = ${id}`.execute(db);
    return r.rows[0];
  },
};
