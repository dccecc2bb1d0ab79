import { sql, type Kysely } from 'kysely';
import type { Province, Sector, SectorPatch } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

type SectorRow = { code: string; name_vi: string; name_en: string; statutory: boolean; active: boolean };
const toSector = (r: SectorRow): Sector => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en, statutory: r.statutory, active: r.active });

/** SQL for provinces and sectors: reference data kept as rows, changed through the API. */
export const referenceRepository = {
  async provinces(db: Kysely<DB>): Promise<Province[]> {
    const rows = await db.selectFrom('provinces').selectAll().orderBy('display_order').execute();
    return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en, type: r.type, formedFrom: r.formed_from as string[], seat: r.seat, displayOrder: r.display_order }));
  },

  async sectors(db: Kysely<DB>): Promise<Sector[]> {
    return (await db.selectFrom('sectors').selectAll().orderBy('code').execute()).map(toSector);
  },

  async sector(db: Kysely<DB>, code: string): Promise<Sector | undefined> {
    const r = await db.selectFrom('sectors').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toSector(r) : undefined;
  },

  async insertSector(tx: Kysely<DB>, s: Sector): Promise<void> {
    await tx.insertInto('sectors').values({ code: s.code, name_vi: s.nameVi, name_en: s.nameEn, statutory: s.statutory, active: s.active }).execute();
  },

  async updateSector(tx: Kysely<DB>, code: string, p: SectorPatch): Promise<void> {
    await tx
      .updateTable('sectors')
      .set({ ...(p.nameVi !== undefined ? { name_vi: p.nameVi } : {}), ...(p.nameEn !== undefined ? { name_en: p.nameEn } : {}), ...(p.statutory !== undefined ? { statutory: p.statutory } : {}), ...(p.active !== undefined ? { active: p.active } : {}) })
      .where('code', '=', code)
      .execute();
  },

  /** Adds the shipped reference rows that are missing; rows already there (maybe edited) are kept. */
  async seedMissing(db: Kysely<DB>, provinces: readonly Province[], sectors: readonly Sector[]): Promise<void> {
    for (const p of provinces) {
      await sql`insert into provinces (code, name_vi, name_en, type, formed_from, seat, display_order)
        values (${p.code}, ${p.nameVi}, ${p.nameEn}, ${p.type}, ${JSON.stringify(p.formedFrom)}::jsonb, ${p.seat}, ${p.displayOrder}) on conflict (code) do nothing`.execute(db);
    }
    for (const s of sectors) {
      await sql`insert into sectors (code, name_vi, name_en, statutory, active) values (${s.code}, ${s.nameVi}, ${s.nameEn}, ${s.statutory}, ${s.active}) on conflict (code) do nothing`.execute(db);
    }
  },
};
