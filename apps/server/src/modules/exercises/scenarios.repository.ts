import { sql, type Kysely } from 'kysely';
import type { ScenarioDocument } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

/** A stored scenario. */
export interface ScenarioRow {
  id: string;
  key: string;
  owner_org_id: string | null;
  document: ScenarioDocument;
  updated_at: Date;
}

/** SQL of scenarios: the shipped templates (no owner) and each organisation's own. */
export const scenariosRepository = {
  /** Stores the shipped templates, refreshed to the files' version (idempotent). */
  async upsertTemplates(db: Kysely<DB>, docs: readonly ScenarioDocument[]): Promise<void> {
    for (const d of docs) {
      await sql`insert into exercise_scenarios (key, owner_org_id, document, created_by) values (${d.key}, null, ${JSON.stringify(d)}::jsonb, 'lachan')
        on conflict (key) where owner_org_id is null do update set document = excluded.document, updated_at = now()
        where exercise_scenarios.document is distinct from excluded.document`.execute(db);
    }
  },

  /** Templates and the scenarios of the given owners (null: every owner). */
  async list(db: Kysely<DB>, owners: string[] | null): Promise<ScenarioRow[]> {
    return (await sql<ScenarioRow>`select id, key, owner_org_id, document, updated_at from exercise_scenarios
      where owner_org_id is null or ${owners}::uuid[] is null or owner_org_id = any(${owners}::uuid[])
      order by owner_org_id nulls first, key`.execute(db)).rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<ScenarioRow | undefined> {
    return (await sql<ScenarioRow>`select id, key, owner_org_id, document, updated_at from exercise_scenarios where id = ${id}`.execute(db)).rows[0];
  },

  /** Stores a scenario of an owner; undefined when the owner already has one with that key. */
  async insert(tx: Kysely<DB>, ownerOrgId: string, doc: ScenarioDocument, by: string): Promise<string | undefined> {
    return (await sql<{ id: string }>`insert into exercise_scenarios (key, owner_org_id, document, created_by) values (${doc.key}, ${ownerOrgId}, ${JSON.stringify(doc)}::jsonb, ${by})
      on conflict (owner_org_id, key) where owner_org_id is not null do nothing returning id`.execute(tx)).rows[0]?.id;
  },

  /** Replaces a scenario's document; false when its new key is taken by another of the owner's. */
  async update(tx: Kysely<DB>, id: string, ownerOrgId: string, doc: ScenarioDocument): Promise<boolean> {
    const taken = await sql`select 1 from exercise_scenarios where owner_org_id = ${ownerOrgId} and key = ${doc.key} and id <> ${id}`.execute(tx);
    if (taken.rows.length) return false;
    await sql`update exercise_scenarios set key = ${doc.key}, document = ${JSON.stringify(doc)}::jsonb, updated_at = now() where id = ${id}`.execute(tx);
    return true;
  },

  async remove(tx: Kysely<DB>, id: string): Promise<void> {
    await sql`delete from exercise_scenarios where id = ${id}`.execute(tx);
  },
};
