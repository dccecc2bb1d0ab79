import { sql, type Kysely } from 'kysely';
import { escapeLike, foldDiacritics } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type OrgRow = {
  id: string; name: string; name_en: string | null; short_name: string | null; kind: string; parent_id: string | null;
  province_code: string | null; status: 'active' | 'retired' | 'merged'; merged_into_id: string | null; security_level: number | null;
  website: string | null; incident_reception_email: string | null; address: string | null; created_at: Date; updated_at: Date;
  sectors: string[];
};

export type OrgFields = {
  name: string; nameEn: string | null; shortName: string | null; kind: string; parentId: string | null; provinceCode: string | null;
  securityLevel: number | null; website: string | null; incidentReceptionEmail: string | null; address: string | null; demoKey?: string | null;
};

const columns = sql`o.id, o.name, o.name_en, o.short_name, o.kind, o.parent_id, o.province_code, o.status, o.merged_into_id, o.security_level,
  o.website, o.incident_reception_email, o.address, o.created_at, o.updated_at,
  coalesce((select array_agg(s.sector_code order by s.sector_code) from org_sectors s where s.org_id = o.id), '{}') as sectors`;

const toColumns = (f: Partial<OrgFields>) => ({
  ...(f.name !== undefined ? { name: f.name, name_folded: foldDiacritics(`${f.name} ${f.shortName ?? ''}`) } : {}),
  ...(f.nameEn !== undefined ? { name_en: f.nameEn } : {}),
  ...(f.shortName !== undefined ? { short_name: f.shortName } : {}),
  ...(f.kind !== undefined ? { kind: f.kind } : {}),
  ...(f.parentId !== undefined ? { parent_id: f.parentId } : {}),
  ...(f.provinceCode !== undefined ? { province_code: f.provinceCode } : {}),
  ...(f.securityLevel !== undefined ? { security_level: f.securityLevel } : {}),
  ...(f.website !== undefined ? { website: f.website } : {}),
  ...(f.incidentReceptionEmail !== undefined ? { incident_reception_email: f.incidentReceptionEmail } : {}),
  ...(f.address !== undefined ? { address: f.address } : {}),
});

/** SQL for the organisation directory. The directory itself is visible to every member of the network. */
export const orgsRepository = {
  async list(db: Kysely<DB>, f: { q?: string | undefined; sector?: string | undefined; province?: string | undefined; kind?: string | undefined; parentId?: string | undefined; status: string; limit: number }): Promise<OrgRow[]> {
    const where = [sql`true`];
    if (f.status !== 'all') where.push(sql`o.status = ${f.status}`);
    if (f.q) where.push(sql`(o.name_folded like ${`%${escapeLike(foldDiacritics(f.q))}%`} or lower(coalesce(o.name_en, '')) like ${`%${escapeLike(f.q.toLowerCase())}%`})`);
    if (f.sector) where.push(sql`exists (select 1 from org_sectors s where s.org_id = o.id and s.sector_code = ${f.sector})`);
    if (f.province) where.push(sql`o.province_code = ${f.province}`);
    if (f.kind) where.push(sql`o.kind = ${f.kind}`);
    if (f.parentId) where.push(sql`o.parent_id = ${f.parentId}`);
    const r = await sql<OrgRow>`select ${columns} from organizations o where ${sql.join(where, sql` and `)} order by o.name limit ${f.limit}`.execute(db);
    return r.rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<OrgRow | undefined> {
    const r = await sql<OrgRow>`select ${columns} from organizations o where o.id = ${id}`.execute(db);
    return r.rows[0];
  },

  async count(db: Kysely<DB>): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from organizations`.execute(db);
    return r.rows[0]!.n;
  },

  async root(db: Kysely<DB>): Promise<OrgRow | undefined> {
    const r = await sql<OrgRow>`select ${columns} from organizations o where o.parent_id is null and o.kind = 'coordination_centre' and o.status = 'active' order by o.created_at limit 1`.execute(db);
    return r.rows[0];
  },

  async insert(tx: Kysely<DB>, f: OrgFields): Promise<string> {
    const r = await tx
      .insertInto('organizations')
      .values({ ...toColumns(f), name: f.name, name_folded: foldDiacritics(`${f.name} ${f.shortName ?? ''}`), kind: f.kind, demo_key: f.demoKey ?? null } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async update(tx: Kysely<DB>, id: string, f: Partial<OrgFields>, nameForFold?: { name: string; shortName: string | null }): Promise<void> {
    const cols = toColumns(f);
    if ((f.name !== undefined || f.shortName !== undefined) && nameForFold) cols.name_folded = foldDiacritics(`${nameForFold.name} ${nameForFold.shortName ?? ''}`);
    await tx.updateTable('organizations').set({ ...cols, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async setSectors(tx: Kysely<DB>, orgId: string, sectors: string[]): Promise<void> {
    await tx.deleteFrom('org_sectors').where('org_id', '=', orgId).execute();
    if (sectors.length) await tx.insertInto('org_sectors').values(sectors.map((s) => ({ org_id: orgId, sector_code: s }))).execute();
  },

  async setStatus(tx: Kysely<DB>, id: string, status: 'active' | 'retired' | 'merged', mergedIntoId: string | null): Promise<void> {
    await tx
      .updateTable('organizations')
      .set({ status, merged_into_id: mergedIntoId, retired_at: status === 'active' ? null : new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async reparentChildren(tx: Kysely<DB>, fromId: string, toId: string): Promise<string[]> {
    const r = await tx.updateTable('organizations').set({ parent_id: toId, updated_at: new Date() }).where('parent_id', '=', fromId).returning('id').execute();
    return r.map((x) => x.id);
  },

  async activeChildren(db: Kysely<DB>, id: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from organizations where parent_id = ${id} and status = 'active'`.execute(db);
    return r.rows[0]!.n;
  },

  async mergedFrom(db: Kysely<DB>, id: string): Promise<{ id: string; name: string }[]> {
    return db.selectFrom('organizations').select(['id', 'name']).where('merged_into_id', '=', id).orderBy('name').execute();
  },

  async sectorsExist(db: Kysely<DB>, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const r = await db.selectFrom('sectors').select('code').where('code', 'in', codes).where('active', '=', true).execute();
    const known = new Set(r.map((x) => x.code));
    return codes.filter((c) => !known.has(c));
  },

  async provinceExists(db: Kysely<DB>, code: string): Promise<boolean> {
    return !!(await db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst());
  },
};
