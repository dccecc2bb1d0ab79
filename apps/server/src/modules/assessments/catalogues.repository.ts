import { sql, type Kysely } from 'kysely';
import type { CatalogueDocument, CatalogueNode } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type CatalogueRow = {
  id: string; code: string; version: string; name_vi: string | null; name_en: string | null; source: string; licence: string;
  notes: Record<string, string>; built_in: boolean; updated_at: Date; requirements: number; assessable: number;
};
export type RequirementRow = {
  req_id: string; parent_id: string | null; title_vi: string | null; title_en: string | null; text_vi: string | null; text_en: string | null; levels: number[];
};

const SUMMARY = sql`c.id, c.code, c.version, c.name_vi, c.name_en, c.source, c.licence, c.notes, c.built_in, c.updated_at,
  (select count(*)::int from catalogue_requirements r where r.catalogue_id = c.id) as requirements,
  (select count(*)::int from catalogue_requirements r where r.catalogue_id = c.id and cardinality(r.levels) > 0) as assessable`;

/** SQL of requirement catalogues and their requirement trees. */
export const cataloguesRepository = {
  async list(db: Kysely<DB>): Promise<CatalogueRow[]> {
    return (await sql<CatalogueRow>`select ${SUMMARY} from requirement_catalogues c order by c.built_in, c.code, c.version`.execute(db)).rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<CatalogueRow | null> {
    return (await sql<CatalogueRow>`select ${SUMMARY} from requirement_catalogues c where c.id = ${id}`.execute(db)).rows[0] ?? null;
  },

  async idByCode(db: Kysely<DB>, code: string, version: string): Promise<{ id: string; built_in: boolean } | null> {
    return (await sql<{ id: string; built_in: boolean }>`select id, built_in from requirement_catalogues where code = ${code} and version = ${version}`.execute(db)).rows[0] ?? null;
  },

  async requirements(db: Kysely<DB>, catalogueId: string): Promise<RequirementRow[]> {
    return (await sql<RequirementRow>`select req_id, parent_id, title_vi, title_en, text_vi, text_en, levels from catalogue_requirements
      where catalogue_id = ${catalogueId} order by position`.execute(db)).rows;
  },

  /** Inserts a catalogue, or replaces the header and whole tree of the one with the same code and version. */
  async upsert(tx: Kysely<DB>, doc: CatalogueDocument, builtIn: boolean): Promise<string> {
    const r = await sql<{ id: string }>`insert into requirement_catalogues (code, version, name_vi, name_en, source, licence, notes, built_in)
      values (${doc.code}, ${doc.version}, ${doc.name.vi ?? null}, ${doc.name.en ?? null}, ${doc.source}, ${doc.licence}, ${JSON.stringify(doc.notes ?? {})}::jsonb, ${builtIn})
      on conflict (code, version) do update set name_vi = excluded.name_vi, name_en = excluded.name_en, source = excluded.source, licence = excluded.licence,
        notes = excluded.notes, updated_at = now()
      returning id`.execute(tx);
    const id = r.rows[0]!.id;
    await sql`delete from catalogue_requirements where catalogue_id = ${id}`.execute(tx);
    const nodes = doc.requirements;
    for (let i = 0; i < nodes.length; i += 500) await insertNodes(tx, id, nodes.slice(i, i + 500), i);
    return id;
  },

  async updateRequirement(tx: Kysely<DB>, catalogueId: string, reqId: string, r: RequirementRow): Promise<void> {
    await sql`update catalogue_requirements set title_vi = ${r.title_vi}, title_en = ${r.title_en}, text_vi = ${r.text_vi}, text_en = ${r.text_en},
      levels = ${r.levels}::smallint[] where catalogue_id = ${catalogueId} and req_id = ${reqId}`.execute(tx);
    await sql`update requirement_catalogues set updated_at = now() where id = ${catalogueId}`.execute(tx);
  },

  async inUse(db: Kysely<DB>, catalogueId: string): Promise<boolean> {
    return !!(await sql`select 1 from assessment_campaigns where catalogue_id = ${catalogueId} limit 1`.execute(db)).rows.length;
  },
};

async function insertNodes(tx: Kysely<DB>, id: string, nodes: CatalogueNode[], offset: number): Promise<void> {
  const col = <T>(f: (n: CatalogueNode) => T) => nodes.map(f);
  await sql`insert into catalogue_requirements (catalogue_id, req_id, parent_id, position, title_vi, title_en, text_vi, text_en, levels)
    select ${id}::uuid, u.req_id, u.parent_id, u.position, u.title_vi, u.title_en, u.text_vi, u.text_en,
      coalesce((select array_agg(x::smallint) from unnest(string_to_array(nullif(u.levels, ''), ',')) x), '{}')
    from unnest(${col((n) => n.id)}::text[], ${col((n) => n.parent)}::text[], ${nodes.map((_, i) => offset + i)}::int[], ${col((n) => n.title?.vi ?? null)}::text[],
      ${col((n) => n.title?.en ?? null)}::text[], ${col((n) => n.text.vi ?? null)}::text[], ${col((n) => n.text.en ?? null)}::text[],
      ${col((n) => n.levels.join(','))}::text[])
      as u(req_id, parent_id, position, title_vi, title_en, text_vi, text_en, levels)`.execute(tx);
}
