import { sql, type Kysely } from 'kysely';
import type { ConstituencyMappingCreate } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type MappingRecord = {
  id: string; org_id: string; name: string; report_type: string; delimiter: string; columns: Record<string, string>; rsit_class: string | null;
  rsit_type: string | null; severity: number; time_zone: string; created_at: Date; updated_at: Date;
};

const COLS = sql`id, org_id, name, report_type, delimiter, columns, rsit_class, rsit_type, severity, time_zone, created_at, updated_at`;

/** SQL of the centre's CSV mappings. `orgIds`: the caller's read scope (null = everything). */
export const mappingsRepository = {
  async list(db: Kysely<DB>, orgIds: string[] | null): Promise<MappingRecord[]> {
    return (await sql<MappingRecord>`select ${COLS} from constituency_mappings where ${orgIds ? sql`org_id = any(${orgIds}::uuid[])` : sql`true`} order by name`.execute(db)).rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<MappingRecord | undefined> {
    return (await sql<MappingRecord>`select ${COLS} from constituency_mappings where id = ${id}`.execute(db)).rows[0];
  },

  async nameTaken(db: Kysely<DB>, orgId: string, name: string, exceptId: string | null): Promise<boolean> {
    const r = await sql`select 1 from constituency_mappings where org_id = ${orgId} and name = ${name} and id is distinct from ${exceptId}::uuid`.execute(db);
    return r.rows.length > 0;
  },

  async insert(db: Kysely<DB>, orgId: string, m: ConstituencyMappingCreate): Promise<MappingRecord> {
    return (await sql<MappingRecord>`insert into constituency_mappings (org_id, name, report_type, delimiter, columns, rsit_class, rsit_type, severity, time_zone)
      values (${orgId}, ${m.name}, ${m.reportType}, ${m.delimiter}, ${JSON.stringify(m.columns)}::jsonb, ${m.rsitClass}, ${m.rsitType}, ${m.severity}, ${m.timeZone})
      returning ${COLS}`.execute(db)).rows[0]!;
  },

  async update(db: Kysely<DB>, id: string, m: ConstituencyMappingCreate): Promise<MappingRecord> {
    return (await sql<MappingRecord>`update constituency_mappings set name = ${m.name}, report_type = ${m.reportType}, delimiter = ${m.delimiter},
      columns = ${JSON.stringify(m.columns)}::jsonb, rsit_class = ${m.rsitClass}, rsit_type = ${m.rsitType}, severity = ${m.severity}, time_zone = ${m.timeZone},
      updated_at = now() where id = ${id} returning ${COLS}`.execute(db)).rows[0]!;
  },

  async remove(db: Kysely<DB>, id: string): Promise<void> {
    await sql`delete from constituency_mappings where id = ${id}`.execute(db);
  },
};
