import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { DailyDelta } from './rollup.ts';

/** An organisation as a history file may name it. */
export interface NamedOrg { id: string; name: string; shortName: string | null; sectors: string[]; provinceCode: string | null }

/** A row of imported history as stored (and as a roll-up delta, under the format 'import'). */
export type ImportedRow = Omit<DailyDelta, 'format' | 'late' | 'clamped'> & { sector: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL of imported history: the organisations and sectors a file names, and the counts imported before. */
export const historyRepository = {
  /** Organisations named by id, exact name or short name (a name may match several). */
  async orgs(db: Kysely<DB>, refs: string[]): Promise<NamedOrg[]> {
    const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
    const r = await sql<{ id: string; name: string; short_name: string | null; province_code: string | null; sectors: string[] | null }>`select o.id, o.name, o.short_name, o.province_code,
        (select array_agg(s.sector_code order by s.sector_code) from org_sectors s where s.org_id = o.id) as sectors
      from organizations o where o.id = any(${ids}::uuid[]) or o.name = any(${refs}::text[]) or o.short_name = any(${refs}::text[])`.execute(db);
    return r.rows.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name, sectors: o.sectors ?? [], provinceCode: o.province_code }));
  },

  async sectorCodes(db: Kysely<DB>): Promise<Set<string>> {
    return new Set((await sql<{ code: string }>`select code from sectors`.execute(db)).rows.map((r) => r.code));
  },

  /** What was imported before for these days and organisations (the rows an import replaces). */
  async imported(tx: Kysely<DB>, pairs: { day: string; orgId: string }[]): Promise<ImportedRow[]> {
    if (!pairs.length) return [];
    const r = await sql<{ day: string; org_id: string; rsit_class: string; severity: number; sector: string | null; sectors: string[]; province_code: string | null; alerts: number; occurrences: number }>`
      select i.day::text as day, i.org_id, i.rsit_class, i.severity, i.sector, i.sectors, i.province_code, i.alerts::int as alerts, i.occurrences::int as occurrences
      from stats_imported_daily i join unnest(${pairs.map((p) => p.day)}::date[], ${pairs.map((p) => p.orgId)}::uuid[]) as t(day, org) on i.day = t.day and i.org_id = t.org
      for update of i`.execute(tx);
    return r.rows.map((x) => ({ day: x.day, orgId: x.org_id, rsitClass: x.rsit_class, severity: x.severity, sector: x.sector, sectors: x.sectors, provinceCode: x.province_code, alerts: x.alerts, occurrences: x.occurrences }));
  },

  /** Replaces the imported rows of these days and organisations by `rows`. */
  async replace(tx: Kysely<DB>, pairs: { day: string; orgId: string }[], rows: ImportedRow[], importId: string): Promise<void> {
    await sql`delete from stats_imported_daily i using unnest(${pairs.map((p) => p.day)}::date[], ${pairs.map((p) => p.orgId)}::uuid[]) as t(day, org)
      where i.day = t.day and i.org_id = t.org`.execute(tx);
    if (!rows.length) return;
    await sql`insert into stats_imported_daily (day, org_id, rsit_class, severity, sector, sectors, province_code, alerts, occurrences, import_id)
      select t.day, t.org, t.cls, t.sev, t.sector, coalesce(t.sectors::text[], '{}'), t.prov, t.a, t.o, ${importId}::uuid
      from unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.orgId)}::uuid[], ${rows.map((r) => r.rsitClass)}::text[], ${rows.map((r) => r.severity)}::smallint[],
        ${rows.map((r) => r.sector)}::text[], ${rows.map((r) => `{${r.sectors.map((s) => `"${s}"`).join(',')}}`)}::text[], ${rows.map((r) => r.provinceCode)}::text[],
        ${rows.map((r) => r.alerts)}::bigint[], ${rows.map((r) => r.occurrences)}::bigint[]) as t(day, org, cls, sev, sector, sectors, prov, a, o)`.execute(tx);
  },

  /** Roll-up rows that an import emptied (a day reduced to nothing by the replacement) are removed. */
  async dropEmpty(tx: Kysely<DB>, pairs: { day: string; orgId: string }[]): Promise<void> {
    await sql`delete from stats_alerts_daily s using unnest(${pairs.map((p) => p.day)}::date[], ${pairs.map((p) => p.orgId)}::uuid[]) as t(day, org)
      where s.day = t.day and s.org_id = t.org and s.format = 'import' and s.alerts = 0 and s.occurrences = 0`.execute(tx);
    await sql`delete from stats_national_daily where day = any(${[...new Set(pairs.map((p) => p.day))]}::date[]) and alerts = 0 and occurrences = 0`.execute(tx);
  },
};
