import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** A stored version a non-owner's copy is compared with. */
export interface HeldVersion { id: string; version: string; object: Record<string, unknown>; tlp: string | null }

/** SQL for who owns each STIX object (migration 0019) and the versions others' copies are compared with. */
export const stixOwnersRepository = {
  /**
   * Record `orgId` as the owner of those ids nobody owns yet, then read every id's owner back: a
   * concurrent first writer's claim wins or loses as a whole (the insert waits for it), never both.
   */
  async claim(tx: Kysely<DB>, ids: string[], orgId: string): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    await sql`insert into stix_object_owners (id, org_id) select x, ${orgId}::uuid from unnest(${ids}::text[]) x on conflict (id) do nothing`.execute(tx);
    const r = await sql<{ id: string; org_id: string | null }>`select id, org_id from stix_object_owners where id = any(${ids}::text[])`.execute(tx);
    return new Map(r.rows.map((x) => [x.id, x.org_id]));
  },

  /** Those ids stored as real knowledge (any version outside an exercise). */
  async realIds(tx: Kysely<DB>, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const r = await sql<{ id: string }>`select distinct id from stix_objects where id = any(${ids}::text[]) and exercise_id is null`.execute(tx);
    return new Set(r.rows.map((x) => x.id));
  },

  /** The recorded owner of one object: undefined when none is recorded, null when recorded without one. */
  async owner(db: Kysely<DB>, id: string): Promise<string | null | undefined> {
    const r = await sql<{ org_id: string | null }>`select org_id from stix_object_owners where id = ${id}`.execute(db);
    return r.rows[0]?.org_id;
  },

  /** These exact versions where stored, and the newest stored version of each of `latestOf` (unversioned objects). */
  async held(tx: Kysely<DB>, versions: Array<{ id: string; version: string }>, latestOf: string[]): Promise<HeldVersion[]> {
    if (versions.length === 0 && latestOf.length === 0) return [];
    const r = await sql<HeldVersion>`
      select id, version, object, tlp from stix_objects
      where (id, version) in (select * from unnest(${versions.map((v) => v.id)}::text[], ${versions.map((v) => v.version)}::text[]))
         or (id = any(${latestOf}::text[]) and is_latest)`.execute(tx);
    return r.rows;
  },
};
