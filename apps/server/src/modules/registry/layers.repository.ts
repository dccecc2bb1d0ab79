import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';

/** A connection is live when the system's alerts arrived within this many hours, stale within the window. */
export const LIVE_HOURS = 72;

export type LayerRow = { layer: number; details: Record<string, unknown>; evidence: string | null; recorded_on: string; recorded_by: string };
export type ProviderRow = { org_id: string; name: string; services: string[]; since: string; for_org_id: string };
export type ConnectorRow = { source_id: string; name: string; format: string; alerts: number; last_alert_at: Date };

/**
 * Whether alert `a` is about system `systemId`: its asset address, destination or source lies in one
 * of the system's ranges, or its asset host is one of its hosts or under one of its domains (the same
 * fields alert attribution reads, so what lands on the owner lands on the system).
 */
export const alertOnSystem = (systemId: string): RawBuilder<boolean> => sql<boolean>`exists (
  select 1 from information_system_assets l join assets s on s.id = l.asset_id where l.system_id = ${systemId} and ${alertOnAsset('a', 's')})`;

/** Whether alert row `alert` is about registered asset row `asset` (address in its range, host equal or under its domain). */
export const alertOnAsset = (alert: string, asset: string): RawBuilder<boolean> => {
  const [a, s] = [sql.table(alert), sql.table(asset)];
  return sql<boolean>`((${s}.kind = 'cidr' and (${a}.asset_ip <<= ${s}.value::inet or ${a}.dst_ip <<= ${s}.value::inet or ${a}.src_ip <<= ${s}.value::inet))
    or (${s}.kind = 'hostname' and lower(${a}.asset_hostname) = ${s}.value)
    or (${s}.kind = 'domain' and (lower(${a}.asset_hostname) = ${s}.value or lower(${a}.asset_hostname) like '%.' || ${s}.value)))`;
};

/** SQL of the four-layer records of systems. */
export const layersRepository = {
  async records(db: Kysely<DB>, systemId: string): Promise<LayerRow[]> {
    const r = await sql<LayerRow>`select layer, details, evidence, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on, recorded_by
      from information_system_layers where system_id = ${systemId}`.execute(db);
    return r.rows;
  },

  async put(tx: Kysely<DB>, systemId: string, layer: number, details: Record<string, unknown>, evidence: string | null, recordedOn: string, by: string): Promise<void> {
    await sql`insert into information_system_layers (system_id, layer, details, evidence, recorded_on, recorded_by)
      values (${systemId}, ${layer}, ${JSON.stringify(details)}::jsonb, ${evidence}, ${recordedOn}::date, ${by})
      on conflict (system_id, layer) do update set details = excluded.details, evidence = excluded.evidence, recorded_on = excluded.recorded_on,
        recorded_by = excluded.recorded_by, updated_at = now()`.execute(tx);
  },

  /** The SOC providers monitoring the owner or the operator of a system (the SOC links). */
  async providers(db: Kysely<DB>, orgIds: string[]): Promise<ProviderRow[]> {
    const r = await sql<ProviderRow>`select l.provider_id as org_id, p.name, l.services, to_char(l.since, 'YYYY-MM-DD') as since, l.client_id as for_org_id
      from soc_links l join organizations p on p.id = l.provider_id where l.client_id = any(${orgIds}::uuid[]) order by p.name`.execute(db);
    return r.rows;
  },

  /** The connectors whose alerts about the system were stored in the last `days` days, newest first (an exercise's connectors are no connection). */
  async connectors(db: Kysely<DB>, systemId: string, orgId: string, days: number): Promise<ConnectorRow[]> {
    const r = await sql<ConnectorRow>`select a.source_id, src.name, src.format, count(*)::int as alerts, max(a.received_at) as last_alert_at
      from alerts a join alert_sources src on src.id = a.source_id and src.exercise_id is null
      where a.org_id = ${orgId} and a.day >= current_date - ${days}::int and ${alertOnSystem(systemId)}
      group by a.source_id, src.name, src.format order by last_alert_at desc`.execute(db);
    return r.rows;
  },
};
