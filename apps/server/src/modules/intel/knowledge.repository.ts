import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { KnowledgeScope } from './exercise-scope.ts';
import { foldDiacritics } from '@lachan/contracts';

/** One object's newest version as searches and graphs list it. */
export interface ObjectSummaryRow {
  id: string;
  type: string;
  name: string;
  tlp: string | null;
  modified: string | null;
  owner_org_id: string | null;
  owner_org_name: string | null;
  version: string;
  granular_tlp: string | null;
  /** The object, read only when granular markings may call for redaction (or when asked for). */
  object: Record<string, unknown> | null;
}

/** What a knowledge-base search asks for; text values already folded where said. */
export interface ObjectSearch {
  folded: string | null;
  types: string[] | null;
  actor: string | null;
  technique: string | null;
  tlp: string | null;
  after: { version: string; id: string } | null;
  limit: number;
}

/** One relationship with both ends. */
export interface EdgeRow { id: string; relationship_type: string; source: string; target: string }

/** One stored version of an object. */
export interface VersionRow { version: string; modified: string | null; date_added: string; tlp: string | null; granular_tlp: string | null; owner_org_id: string | null; object: Record<string, unknown> }

const like = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The TLP rule of the whole module, as SQL on alias `o` (see mayReadObject in intel.policy.ts). */
export function visibleTo(scope: KnowledgeScope, alias = 'o'): RawBuilder<unknown> {
  const a = sql.raw(alias);
  // Knowledge added in an exercise is the exercise's: never part of the real knowledge base, shown
  // only to a reader asking for that exercise (see exerciseKnowledgeScope).
  const apart = scope.exerciseId ? sql`${a}.exercise_id = ${scope.exerciseId}::uuid` : sql`${a}.exercise_id is null`;
  if (scope.all) return apart;
  return sql`${apart} and (${a}.tlp is null or ${a}.tlp in ('CLEAR', 'GREEN') or ${a}.owner_org_id = any(${[...scope.read]}::uuid[]))`;
}

/**
 * The TLP rule, and on top of it no part of the object marked above what the reader may see (GREEN for
 * those who do not reach the owner): for queries that read an object's properties to relate or count
 * objects (relationship ends, actor and technique names, sightings), which cannot take a part out.
 */
export function wholeVisibleTo(scope: KnowledgeScope, alias = 'o'): RawBuilder<unknown> {
  const a = sql.raw(alias);
  if (scope.all) return visibleTo(scope, alias);
  return sql`(${visibleTo(scope, alias)} and (${a}.granular_tlp is null or ${a}.granular_tlp in ('CLEAR', 'GREEN') or ${a}.owner_org_id = any(${[...scope.read]}::uuid[])))`;
}

const summary = (full = false) => sql`o.id, o.type, o.version, o.tlp, o.granular_tlp, o.modified, o.owner_org_id, g.name as owner_org_name,
  coalesce(o.object->>'name', o.object->>'value', o.object->>'pattern', o.object->>'relationship_type', o.id) as name,
  ${full ? sql`o.object` : sql`case when o.granular_tlp is not null then o.object end`} as object`;

/** Objects related (either direction) to the given set, plus the set itself. */
const withRelated = (scope: KnowledgeScope, seeds: RawBuilder<unknown>): RawBuilder<unknown> => sql`
  (with s as (${seeds})
   select id from s
   union select r.object->>'target_ref' from stix_objects r where r.is_latest and r.type = 'relationship' and ${wholeVisibleTo(scope, 'r')} and r.object->>'source_ref' in (select id from s)
   union select r.object->>'source_ref' from stix_objects r where r.is_latest and r.type = 'relationship' and ${wholeVisibleTo(scope, 'r')} and r.object->>'target_ref' in (select id from s))`;

/** SQL of the knowledge-base console: search, one object with its graph, versions. */
export const knowledgeRepository = {
  /** Newest first by (version, id), reading limit + 1 rows so the caller knows whether more follow. */
  async search(db: Kysely<DB>, scope: KnowledgeScope, s: ObjectSearch): Promise<ObjectSummaryRow[]> {
    const w: RawBuilder<unknown>[] = [sql`o.is_latest`, visibleTo(scope)];
    if (s.folded) w.push(sql`o.search_folded like ${like(s.folded)}`);
    if (s.types) w.push(sql`o.type = any(${s.types}::text[])`);
    if (s.tlp) w.push(sql`o.tlp = ${s.tlp}`);
    // implied by visibleTo for AMBER and above, said outright so the owner index can serve it
    if (s.tlp && !['CLEAR', 'GREEN'].includes(s.tlp) && !scope.all) w.push(sql`o.owner_org_id = any(${[...scope.read]}::uuid[])`);
    if (s.after) w.push(sql`(o.version, o.id) < (${s.after.version}, ${s.after.id})`);
    if (s.actor) {
      w.push(sql`o.id in ${withRelated(scope, sql`select a.id from stix_objects a where a.is_latest and a.type in ('intrusion-set', 'threat-actor') and ${wholeVisibleTo(scope, 'a')}
        and (a.object->>'name' ilike ${like(s.actor)} or lachan_fold((a.object->'aliases')::text) like ${like(foldDiacritics(s.actor))} or a.search_folded like ${like(foldDiacritics(s.actor))})`)}`);
    }
    if (s.technique) {
      const t = s.technique;
      w.push(sql`o.id in ${withRelated(scope, sql`select a.id from stix_objects a where a.is_latest and a.type = 'attack-pattern' and ${wholeVisibleTo(scope, 'a')}
        and (a.object->>'name' ilike ${like(t)} or exists (select 1 from jsonb_array_elements(coalesce(a.object->'external_references', '[]'::jsonb)) e
             where upper(e->>'external_id') = upper(${t}) or upper(e->>'external_id') like upper(${t}) || '.%'))`)}`);
    }
    const r = await sql<ObjectSummaryRow>`
      select ${summary()} from stix_objects o left join organizations g on g.id = o.owner_org_id
      where ${sql.join(w, sql` and `)}
      order by o.version desc, o.id desc limit ${s.limit + 1}`.execute(db);
    return r.rows;
  },

  /** The newest visible version of one object, with the full object. */
  async latest(db: Kysely<DB>, scope: KnowledgeScope, id: string): Promise<(ObjectSummaryRow & { object: Record<string, unknown> }) | undefined> {
    const r = await sql<ObjectSummaryRow & { object: Record<string, unknown> }>`
      select ${summary(true)} from stix_objects o left join organizations g on g.id = o.owner_org_id
      where o.id = ${id} and o.is_latest and ${visibleTo(scope)}`.execute(db);
    return r.rows[0];
  },

  /** Visible relationships that have the object at either end (at most `limit`). */
  async edges(db: Kysely<DB>, scope: KnowledgeScope, id: string, limit: number): Promise<EdgeRow[]> {
    const r = await sql<EdgeRow>`
      select o.id, o.object->>'relationship_type' as relationship_type, o.object->>'source_ref' as source, o.object->>'target_ref' as target
      from stix_objects o where o.is_latest and o.type = 'relationship' and ${wholeVisibleTo(scope)}
        and (o.object->>'source_ref' = ${id} or o.object->>'target_ref' = ${id})
      order by o.id limit ${limit}`.execute(db);
    return r.rows;
  },

  /** Summaries of the visible objects among `ids`. */
  async summaries(db: Kysely<DB>, scope: KnowledgeScope, ids: string[]): Promise<ObjectSummaryRow[]> {
    if (ids.length === 0) return [];
    const r = await sql<ObjectSummaryRow>`
      select ${summary()} from stix_objects o left join organizations g on g.id = o.owner_org_id
      where o.id = any(${ids}::text[]) and o.is_latest and ${visibleTo(scope)}`.execute(db);
    return r.rows;
  },

  /** Sighting objects about it, and alert matches of its values in the caller's organisations. */
  async sightings(db: Kysely<DB>, scope: KnowledgeScope, id: string): Promise<{ stix: number; alerts: number }> {
    const r = await sql<{ stix: number; alerts: number }>`
      select (select count(*)::int from stix_objects o where o.is_latest and o.type = 'sighting' and o.object->>'sighting_of_ref' = ${id} and ${wholeVisibleTo(scope)}) as stix,
             (select coalesce(sum(s.count), 0)::int from intel_sightings s join intel_indicator_values v on v.id = s.value_id
              where v.stix_id = ${id} and ${scope.all ? sql`true` : sql`s.org_id = any(${[...scope.read]}::uuid[])`}) as alerts`.execute(db);
    return r.rows[0]!;
  },

  /** Every visible version, newest first. */
  async versions(db: Kysely<DB>, scope: KnowledgeScope, id: string): Promise<VersionRow[]> {
    const r = await sql<VersionRow>`
      select o.version, o.modified, to_char(o.date_added at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as date_added, o.tlp, o.granular_tlp, o.owner_org_id, o.object
      from stix_objects o where o.id = ${id} and ${visibleTo(scope)} order by o.version desc`.execute(db);
    return r.rows;
  },
};
