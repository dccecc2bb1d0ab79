import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { TaxiiFilter } from './taxii-query.ts';

/** One object version as a page lists it. */
export interface PageRow {
  object_id: string;
  version: string;
  modified: string | null;
  spec_version: string;
  date_added: string;
  seq: string;
  tlp: string | null;
  granular_tlp: string | null;
  owner_org_id: string | null;
  /** Read when asked for, and whenever granular markings may call for redaction. */
  object?: Record<string, unknown> | null;
}

/** A version to store: the object and what is indexed about it. */
export interface StoredVersion {
  id: string;
  version: string;
  modified: string | null;
  type: string;
  specVersion: string;
  object: Record<string, unknown>;
  /** The recorded owner of the object (kept so by the database whatever is passed). */
  ownerOrgId: string | null;
  /** The organisation storing this version. */
  addedByOrgId: string;
  /** The exercise it was added in (null: real knowledge). */
  exerciseId?: string | null;
  tlp: string | null;
  granularTlp: string | null;
  search: string;
}

const MICROS = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`);

/**
 * Conditions of a TAXII filter on `m` (membership) and `o` (object); `versions` off for /versions/.
 * Spec versions are chosen before versions, as the reference server does: by default only each object's
 * latest spec version (2.1 is the newest there is, so a 2.1 row needs no look-up), and first / last are
 * the first and last among the versions of the chosen spec versions (is_first / is_last answer the
 * common case where they coincide; otherwise no earlier / later chosen version may exist).
 */
function conditions(collectionId: string, f: TaxiiFilter, objectId: string | null, useVersions: boolean): RawBuilder<unknown> {
  // An exercise's objects are never served, whatever collection they were put in.
  const w: RawBuilder<unknown>[] = [sql`m.collection_id = ${collectionId}`, sql`o.exercise_id is null`];
  if (objectId !== null) w.push(sql`m.object_id = ${objectId}`);
  if (f.addedAfter !== null) w.push(sql`m.date_added > ${f.addedAfter}::timestamptz`);
  if (f.after !== null) w.push(sql`(m.date_added, m.seq) > (${f.after.dateAdded}::timestamptz, ${f.after.seq}::bigint)`);
  if (f.ids !== null) w.push(sql`m.object_id = any(${f.ids}::text[])`);
  if (f.types !== null) w.push(sql`split_part(m.object_id, '--', 1) = any(${f.types}::text[])`);
  const others = (extra: RawBuilder<unknown>) => sql`select 1 from taxii_collection_objects m2 join stix_objects o2 on o2.id = m2.object_id and o2.version = m2.version
    where m2.collection_id = m.collection_id and m2.object_id = m.object_id and ${extra}`;
  if (f.specVersions !== null) w.push(sql`o.spec_version = any(${f.specVersions}::text[])`);
  else w.push(sql`(o.spec_version = '2.1' or not exists (${others(sql`o2.spec_version > o.spec_version`)}))`);
  const chosen = f.specVersions !== null ? sql`o2.spec_version = any(${f.specVersions}::text[])` : sql`o2.spec_version = o.spec_version`;
  const v = f.versions;
  if (useVersions && !v.all) {
    const any: RawBuilder<unknown>[] = [];
    if (v.last) any.push(sql`(m.is_last or not exists (${others(sql`m2.version > m.version and ${chosen}`)}))`);
    if (v.first) any.push(sql`(m.is_first or not exists (${others(sql`m2.version < m.version and ${chosen}`)}))`);
    if (v.keys.length > 0) any.push(sql`m.version = any(${v.keys}::text[])`);
    w.push(sql`(${sql.join(any, sql` or `)})`);
  }
  return sql.join(w, sql` and `);
}

/** SQL for stored STIX object versions and their membership in collections. */
export const stixObjectsRepository = {
  /** One page in date_added order; reads limit + 1 rows so the caller knows whether more follow. */
  async page(db: Kysely<DB>, collectionId: string, f: TaxiiFilter, opts: { objectId?: string; withObject: boolean; useVersions: boolean }): Promise<PageRow[]> {
    const r = await sql<PageRow>`
      select m.object_id, m.version, o.modified, o.spec_version, m.seq::text as seq,
             to_char(m.date_added at time zone 'UTC', ${MICROS}) as date_added, o.tlp, o.granular_tlp, o.owner_org_id,
             ${opts.withObject ? sql`o.object` : sql`case when o.granular_tlp is not null then o.object end as object`}
      from taxii_collection_objects m join stix_objects o on o.id = m.object_id and o.version = m.version
      where ${conditions(collectionId, f, opts.objectId ?? null, opts.useVersions)}
      order by m.date_added, m.seq
      limit ${f.limit + 1}`.execute(db);
    return r.rows;
  },

  async existsIn(db: Kysely<DB>, collectionId: string, objectId: string): Promise<boolean> {
    const r = await sql`select 1 from taxii_collection_objects where collection_id = ${collectionId} and object_id = ${objectId}
      and not exists (select 1 from stix_objects o where o.id = ${objectId} and o.exercise_id is not null) limit 1`.execute(db);
    return r.rows.length > 0;
  },

  /**
   * Store a version unless that version of the object is already stored; true when it is new. An object
   * without `modified` (a cyber-observable) is versioned by the time stored, so one identical to its
   * newest version is that version: a feed that sends it every run does not pile up copies.
   */
  async insert(tx: Kysely<DB>, v: StoredVersion): Promise<boolean> {
    const object = JSON.stringify(v.object);
    const r = await sql`
      insert into stix_objects (id, version, modified, type, spec_version, object, owner_org_id, added_by_org_id, tlp, granular_tlp, search_folded, exercise_id)
      select ${v.id}, ${v.version}, ${v.modified}, ${v.type}, ${v.specVersion}, ${object}::jsonb, ${v.ownerOrgId}, ${v.addedByOrgId}, ${v.tlp}, ${v.granularTlp}, ${v.search}, ${v.exerciseId ?? null}::uuid
      where ${v.modified !== null} or not exists (select 1 from stix_objects o where o.id = ${v.id} and o.is_latest and o.object = ${object}::jsonb)
      on conflict (id, version) do nothing returning id`.execute(tx);
    return r.rows.length > 0;
  },

  /** The TLP levels of a stored version (what a collection's ceiling is judged on). */
  async markings(db: Kysely<DB>, id: string, version: string): Promise<{ tlp: string | null; granular_tlp: string | null } | undefined> {
    const r = await sql<{ tlp: string | null; granular_tlp: string | null }>`select tlp, granular_tlp from stix_objects where id = ${id} and version = ${version}`.execute(db);
    return r.rows[0];
  },

  /** Add a stored version to the collection, re-marking its first and last; false when the collection already holds it. */
  async addToCollection(tx: Kysely<DB>, collectionId: string, id: string, version: string): Promise<boolean> {
    const span = await sql<{ lo: string | null; hi: string | null; present: boolean }>`
      select min(version) as lo, max(version) as hi, bool_or(version = ${version}) as present
      from taxii_collection_objects where collection_id = ${collectionId} and object_id = ${id}`.execute(tx);
    const { lo, hi, present } = span.rows[0]!;
    if (present) return false;
    const isFirst = lo === null || version < lo;
    const isLast = hi === null || version > hi;
    if (isFirst && lo !== null) await sql`update taxii_collection_objects set is_first = false where collection_id = ${collectionId} and object_id = ${id} and is_first`.execute(tx);
    if (isLast && hi !== null) await sql`update taxii_collection_objects set is_last = false where collection_id = ${collectionId} and object_id = ${id} and is_last`.execute(tx);
    await sql`
      insert into taxii_collection_objects (collection_id, object_id, version, is_first, is_last)
      values (${collectionId}, ${id}, ${version}, ${isFirst}, ${isLast})`.execute(tx);
    return true;
  },

  /** Remove the matching versions of one object from a collection, then re-mark its first and last. */
  async remove(tx: Kysely<DB>, collectionId: string, objectId: string, f: TaxiiFilter): Promise<number> {
    const r = await sql`
      delete from taxii_collection_objects m using stix_objects o
      where o.id = m.object_id and o.version = m.version and ${conditions(collectionId, { ...f, after: null, addedAfter: null }, objectId, true)}`.execute(tx);
    await sql`
      update taxii_collection_objects m set is_first = s.version = s.lo, is_last = s.version = s.hi
      from (select version, min(version) over () as lo, max(version) over () as hi
            from taxii_collection_objects where collection_id = ${collectionId} and object_id = ${objectId}) s
      where m.collection_id = ${collectionId} and m.object_id = ${objectId} and m.version = s.version`.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  },
};
