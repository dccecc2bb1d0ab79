import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export interface SystemRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  description: string | null;
  operator_org_id: string | null;
  operator_name: string | null;
  function_type: string;
  data_classes: string[];
  users_served: number | null;
  security_level: number | null;
  approval_number: string | null;
  approval_date: string | null;
  approver: string | null;
  critical: boolean;
  status: 'active' | 'retired';
  created_at: Date;
  updated_at: Date;
}

export type SystemFields = Omit<SystemRow, 'id' | 'org_name' | 'status' | 'created_at' | 'updated_at'>;
export type SystemRefRow = { id: string; name: string; org_id: string; security_level: number | null };
export type SystemAssetRow = { system_id: string; id: string; kind: string; value: string };
export type SummaryRow = Pick<SystemRow, 'id' | 'org_id' | 'org_name' | 'name' | 'function_type' | 'security_level' | 'critical' | 'status'> & { asset_count: number };

const COLUMNS = sql`s.id, s.org_id, o.name as org_name, s.name, s.description, s.operator_org_id, s.operator_name, s.function_type, s.data_classes,
  s.users_served, s.security_level, s.approval_number, to_char(s.approval_date, 'YYYY-MM-DD') as approval_date, s.approver, s.critical, s.status,
  s.created_at, s.updated_at`;

/** Filters of a registry listing; `orgIds` null means every organisation (the centre). */
export interface SystemFilter {
  orgIds: string[] | null;
  level?: number | undefined;
  critical?: boolean | undefined;
  q?: string | undefined;
  status: 'active' | 'retired' | 'all';
  functionType?: string | undefined;
  monitored?: boolean | undefined;
  connected?: boolean | undefined;
  /** Since when a connector's last alert counts as live (the `connected` filter). */
  liveSince: Date;
  limit: number;
}

/** SQL of the information systems registry: systems, their assets and dependencies. */
export const systemsRepository = {
  async byId(db: Kysely<DB>, id: string): Promise<SystemRow | null> {
    const r = await sql<SystemRow>`select ${COLUMNS} from information_systems s join organizations o on o.id = s.org_id where s.id = ${id}`.execute(db);
    return r.rows[0] ?? null;
  },

  async list(db: Kysely<DB>, f: SystemFilter): Promise<SummaryRow[]> {
    const where = [sql`true`];
    if (f.orgIds) where.push(sql`s.org_id = any(${f.orgIds}::uuid[])`);
    if (f.level !== undefined) where.push(sql`s.security_level = ${f.level}`);
    if (f.critical !== undefined) where.push(sql`s.critical = ${f.critical}`);
    if (f.q) where.push(sql`s.name ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
    if (f.status !== 'all') where.push(sql`s.status = ${f.status}`);
    if (f.functionType) where.push(sql`s.function_type = ${f.functionType}`);
    const monitored = sql`exists (select 1 from soc_links l where l.client_id = s.org_id or l.client_id = s.operator_org_id)`;
    if (f.monitored !== undefined) where.push(f.monitored ? monitored : sql`not ${monitored}`);
    const connected = sql`exists (select 1 from alert_sources src where src.org_id = s.org_id and src.last_seen_at >= ${f.liveSince})`;
    if (f.connected !== undefined) where.push(f.connected ? connected : sql`not ${connected}`);
    const r = await sql<SummaryRow>`select s.id, s.org_id, o.name as org_name, s.name, s.function_type, s.security_level, s.critical, s.status,
        (select count(*)::int from information_system_assets a where a.system_id = s.id) as asset_count
      from information_systems s join organizations o on o.id = s.org_id
      where ${sql.join(where, sql` and `)} order by s.security_level desc nulls last, s.name limit ${f.limit}`.execute(db);
    return r.rows;
  },

  /** Full rows of the active systems of some organisations (the CSV export). */
  async fullRowsOf(db: Kysely<DB>, orgIds: string[]): Promise<SystemRow[]> {
    const r = await sql<SystemRow>`select ${COLUMNS} from information_systems s join organizations o on o.id = s.org_id
      where s.org_id = any(${orgIds}::uuid[]) and s.status = 'active' order by o.name, s.name`.execute(db);
    return r.rows;
  },

  async activeByName(db: Kysely<DB>, orgId: string, name: string): Promise<string | null> {
    const r = await sql<{ id: string }>`select id from information_systems where org_id = ${orgId} and lower(name) = lower(${name}) and status = 'active'`.execute(db);
    return r.rows[0]?.id ?? null;
  },

  async insert(tx: Kysely<DB>, f: SystemFields): Promise<string> {
    const r = await sql<{ id: string }>`insert into information_systems (org_id, name, description, operator_org_id, operator_name, function_type, data_classes,
        users_served, security_level, approval_number, approval_date, approver, critical)
      values (${f.org_id}, ${f.name}, ${f.description}, ${f.operator_org_id}, ${f.operator_name}, ${f.function_type}, ${f.data_classes}::text[],
        ${f.users_served}, ${f.security_level}, ${f.approval_number}, ${f.approval_date}::date, ${f.approver}, ${f.critical}) returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  async update(tx: Kysely<DB>, id: string, f: SystemFields): Promise<void> {
    await sql`update information_systems set name = ${f.name}, description = ${f.description}, operator_org_id = ${f.operator_org_id},
        operator_name = ${f.operator_name}, function_type = ${f.function_type}, data_classes = ${f.data_classes}::text[], users_served = ${f.users_served},
        security_level = ${f.security_level}, approval_number = ${f.approval_number}, approval_date = ${f.approval_date}::date, approver = ${f.approver},
        critical = ${f.critical}, updated_at = now()
      where id = ${id}`.execute(tx);
  },

  async retire(tx: Kysely<DB>, id: string): Promise<void> {
    await sql`update information_systems set status = 'retired', updated_at = now() where id = ${id}`.execute(tx);
  },

  async assetsOf(db: Kysely<DB>, systemIds: string[]): Promise<SystemAssetRow[]> {
    if (!systemIds.length) return [];
    const r = await sql<SystemAssetRow>`select l.system_id, a.id, a.kind, a.value from information_system_assets l join assets a on a.id = l.asset_id
      where l.system_id = any(${systemIds}::uuid[]) order by a.kind, a.value`.execute(db);
    return r.rows;
  },

  /** Which of the asset ids are the organisation's, and which other system holds any of them. */
  async assetOwnership(db: Kysely<DB>, assetIds: string[]): Promise<{ id: string; org_id: string; system_id: string | null }[]> {
    if (!assetIds.length) return [];
    const r = await sql<{ id: string; org_id: string; system_id: string | null }>`select a.id, a.org_id, l.system_id from assets a
      left join information_system_assets l on l.asset_id = a.id where a.id = any(${assetIds}::uuid[])`.execute(db);
    return r.rows;
  },

  async replaceAssets(tx: Kysely<DB>, systemId: string, assetIds: string[]): Promise<void> {
    await sql`delete from information_system_assets where system_id = ${systemId}`.execute(tx);
    if (assetIds.length) await sql`insert into information_system_assets (system_id, asset_id) select ${systemId}::uuid, unnest(${assetIds}::uuid[])`.execute(tx);
  },

  async replaceDependencies(tx: Kysely<DB>, systemId: string, dependsOn: string[]): Promise<void> {
    await sql`delete from information_system_dependencies where system_id = ${systemId}`.execute(tx);
    if (dependsOn.length) await sql`insert into information_system_dependencies (system_id, depends_on_id) select ${systemId}::uuid, unnest(${dependsOn}::uuid[])`.execute(tx);
  },

  async refs(db: Kysely<DB>, ids: string[]): Promise<SystemRefRow[]> {
    if (!ids.length) return [];
    const r = await sql<SystemRefRow>`select id, name, org_id, security_level from information_systems where id = any(${ids}::uuid[])`.execute(db);
    return r.rows;
  },

  async dependencies(db: Kysely<DB>, systemId: string): Promise<{ dependsOn: SystemRefRow[]; dependents: SystemRefRow[] }> {
    const [on, by] = await Promise.all([
      sql<SystemRefRow>`select s.id, s.name, s.org_id, s.security_level from information_system_dependencies d join information_systems s on s.id = d.depends_on_id
        where d.system_id = ${systemId} order by s.name`.execute(db),
      sql<SystemRefRow>`select s.id, s.name, s.org_id, s.security_level from information_system_dependencies d join information_systems s on s.id = d.system_id
        where d.depends_on_id = ${systemId} order by s.name`.execute(db),
    ]);
    return { dependsOn: on.rows, dependents: by.rows };
  },

  /** The organisation's registered assets by kind and value (CSV import names assets by value). */
  async assetsByValue(db: Kysely<DB>, orgId: string): Promise<Map<string, string>> {
    const r = await sql<{ id: string; kind: string; value: string }>`select id, kind, value from assets where org_id = ${orgId}`.execute(db);
    return new Map(r.rows.map((a) => [`${a.kind}:${a.value}`, a.id]));
  },
};
