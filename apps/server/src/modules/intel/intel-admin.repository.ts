import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { OrgScope } from '../../core/context.ts';
import type { FeedRow } from './feeds.service.ts';

/** A collection with its grants (and the granted organisations' names) and how many objects it holds. */
export interface AdminCollectionRow {
  id: string;
  alias: string | null;
  title: string;
  description: string | null;
  tlp_ceiling: string;
  object_count: number;
  grants: Array<{ org_id: string; org_name: string; can_read: boolean; can_write: boolean }>;
}

/** SQL of collection administration and the feed list. */
export const intelAdminRepository = {
  async collections(db: Kysely<DB>, id: string | null = null): Promise<AdminCollectionRow[]> {
    const r = await sql<AdminCollectionRow>`
      select c.id, c.alias, c.title, c.description, c.tlp_ceiling,
             (select count(*)::int from taxii_collection_objects m where m.collection_id = c.id and m.is_last) as object_count,
             coalesce((select json_agg(json_build_object('org_id', g.org_id, 'org_name', o.name, 'can_read', g.can_read, 'can_write', g.can_write) order by o.name)
                       from taxii_collection_grants g join organizations o on o.id = g.org_id where g.collection_id = c.id), '[]') as grants
      from taxii_collections c ${id === null ? sql`` : sql`where c.id = ${id}`} order by c.created_at, c.id`.execute(db);
    return r.rows;
  },

  async update(tx: Kysely<DB>, id: string, c: { title?: string; description?: string | null; tlpCeiling?: string }): Promise<void> {
    await sql`
      update taxii_collections set
        title = coalesce(${c.title ?? null}, title),
        description = case when ${c.description !== undefined} then ${c.description ?? null} else description end,
        tlp_ceiling = coalesce(${c.tlpCeiling ?? null}, tlp_ceiling)
      where id = ${id}`.execute(tx);
  },

  async clearGrants(tx: Kysely<DB>, id: string): Promise<void> {
    await sql`delete from taxii_collection_grants where collection_id = ${id}`.execute(tx);
  },

  /** The ids among `ids` that name no organisation. */
  async unknownOrgs(db: Kysely<DB>, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const r = await sql<{ id: string }>`select x.id from unnest(${ids}::uuid[]) as x(id) where not exists (select 1 from organizations o where o.id = x.id)`.execute(db);
    return r.rows.map((x) => x.id);
  },

  /** Feeds of the caller's organisations (every feed for the centre), by name. */
  async feeds(db: Kysely<DB>, scope: OrgScope): Promise<FeedRow[]> {
    const r = await sql<FeedRow>`
      select id, name, kind, location, org_id, interval_minutes, last_run_at::text as last_run_at from intel_feeds
      where ${scope.all ? sql`true` : sql`org_id = any(${[...scope.read]}::uuid[])`} order by name, id`.execute(db);
    return r.rows;
  },
};
