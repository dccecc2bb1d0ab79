import { sql, type Kysely } from 'kysely';
import type { IncidentSystem } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { alertOnAsset } from '../registry/index.ts';
import { exerciseIncidentSql } from './exercise-incidents.ts';

/** Most severe incident severity; a system's level 4-5 or criticality raises an incident one step towards it. */
const MAX_SEVERITY = 4;
/** A system whose incidents are raised: security level 4-5 or critical to national security. */
const HIGH = sql`(s.security_level >= 4 or s.critical)`;

/** An alert newly linked to an incident, with the organisation it is about. */
export type AlertLink = { id: string; day: string; alert: number | string; orgId: string };
export type AttachedRow = { incident_id: string; system_id: string; name: string };
export type RaisedRow = { id: string; from: number; to: number };

/** SQL of the information systems an incident affects, and what the incident inherits from them. */
export const incidentSystemsRepository = {
  /** The systems of one incident, highest level first. */
  async of(db: Kysely<DB>, incidentId: string): Promise<IncidentSystem[]> {
    return (await sql<IncidentSystem>`select s.id, s.name, s.security_level as "securityLevel", s.critical
      from incident_systems l join information_systems s on s.id = l.system_id where l.incident_id = ${incidentId}
      order by s.critical desc, s.security_level desc nulls last, s.name`.execute(db)).rows;
  },

  /** Levels and criticality of an incident's systems (what reporting regimes look at). */
  async traits(db: Kysely<DB>, incidentId: string): Promise<{ level: number | null; critical: boolean }[]> {
    return (await sql<{ level: number | null; critical: boolean }>`select s.security_level as level, s.critical
      from incident_systems l join information_systems s on s.id = l.system_id where l.incident_id = ${incidentId}`.execute(db)).rows;
  },

  /** Replaces the analyst's list; systems attached from alerts stay unless named for removal. */
  async replace(tx: Kysely<DB>, incidentId: string, systemIds: string[]): Promise<{ added: string[]; removed: string[] }> {
    const removed = await sql<{ system_id: string }>`delete from incident_systems where incident_id = ${incidentId} and not (system_id = any(${systemIds}::uuid[]))
      returning system_id`.execute(tx);
    const added = await sql<{ system_id: string }>`insert into incident_systems (incident_id, system_id, source)
      select ${incidentId}, x, 'manual' from unnest(${systemIds}::uuid[]) as t(x) on conflict do nothing returning system_id`.execute(tx);
    return { added: added.rows.map((r) => r.system_id), removed: removed.rows.map((r) => r.system_id) };
  },

  /** Systems the caller may name: active, owned by the incident's organisation or in the caller's view (`orgIds` null: any). */
  async nameable(db: Kysely<DB>, ids: string[], incidentOrgId: string, orgIds: string[] | null): Promise<string[]> {
    if (!ids.length) return [];
    return (await sql<{ id: string }>`select id from information_systems where id = any(${ids}::uuid[]) and status = 'active'
      and (org_id = ${incidentOrgId} or ${orgIds === null} or org_id = any(${orgIds ?? []}::uuid[]))`.execute(db)).rows.map((r) => r.id);
  },

  /**
   * Attaches to incidents the systems their newly linked alerts land on: an active system of the alert's
   * organisation one of whose assets the alert is about (the attribution alert ingest uses). An
   * exercise's incidents never name real systems. Only alerts of organisations that have an active system
   * are looked up: most alerts of a burst are about organisations that registered none.
   */
  async attachFromAlerts(tx: Kysely<DB>, links: readonly AlertLink[]): Promise<AttachedRow[]> {
    if (!links.length) return [];
    return (await sql<AttachedRow>`with candidates as materialized (select t.i, t.d, t.n
          from unnest(${links.map((l) => l.id)}::uuid[], ${links.map((l) => l.day)}::date[], ${links.map((l) => String(l.alert))}::bigint[], ${links.map((l) => l.orgId)}::uuid[]) as t(i, d, n, o)
          where t.o in (select org_id from information_systems where status = 'active')),
      found as (select distinct t.i as incident_id, sa.system_id
        from candidates t
        join alerts a on a.day = t.d and a.id = t.n
          and not exists (select 1 from alert_sources src where src.id = a.source_id and src.exercise_id is not null)
        join incidents i on i.id = t.i and not ${exerciseIncidentSql('i')}
        join assets x on x.org_id = a.org_id and ${alertOnAsset('a', 'x')}
        join information_system_assets sa on sa.asset_id = x.id
        join information_systems s on s.id = sa.system_id and s.status = 'active' and s.org_id = a.org_id),
      added as (insert into incident_systems (incident_id, system_id, source) select incident_id, system_id, 'alerts' from found on conflict do nothing returning incident_id, system_id)
      select added.incident_id, added.system_id, s.name from added join information_systems s on s.id = added.system_id`.execute(tx)).rows;
  },

  /** Copies to an incident the systems of the incidents merged into it (keeping how each was attached). */
  async copyFrom(tx: Kysely<DB>, incidentId: string, from: readonly string[]): Promise<AttachedRow[]> {
    return (await sql<AttachedRow>`with added as (insert into incident_systems (incident_id, system_id, source)
        select distinct on (system_id) ${incidentId}::uuid, system_id, source from incident_systems where incident_id = any(${[...from]}::uuid[])
        order by system_id, (source = 'manual') desc
        on conflict do nothing returning incident_id, system_id)
      select added.incident_id, added.system_id, s.name from added join information_systems s on s.id = added.system_id`.execute(tx)).rows;
  },

  /**
   * Of these incidents, those whose regimes are chosen already, so that a system attached now must add
   * its regime: open, and past `new` or given regimes (a promoted incident gets them when triaged).
   */
  async withRegimesChosen(db: Kysely<DB>, incidentIds: string[]): Promise<string[]> {
    return (await sql<{ id: string }>`select i.id from incidents i where i.id = any(${incidentIds}::uuid[]) and i.status not in ('closed', 'rejected')
      and (i.status <> 'new' or exists (select 1 from incident_regimes r where r.incident_id = i.id)) order by i.id`.execute(db)).rows.map((r) => r.id);
  },

  /**
   * Raises once, by one step, the severity of those incidents that now affect a level 4-5 or critical
   * system and were not raised before; never lowers it.
   */
  async inherit(tx: Kysely<DB>, incidentIds: string[]): Promise<RaisedRow[]> {
    if (!incidentIds.length) return [];
    return (await sql<RaisedRow>`update incidents i set severity = least(${MAX_SEVERITY}, i.severity + 1), raised_for_system = true, updated_at = now()
      from (select id, severity from incidents where id = any(${incidentIds}::uuid[]) for update) o
      where i.id = o.id and not i.raised_for_system
        and exists (select 1 from incident_systems l join information_systems s on s.id = l.system_id where l.incident_id = i.id and ${HIGH})
      returning i.id, o.severity as "from", i.severity as "to"`.execute(tx)).rows;
  },
  /** Writes one `systems` timeline entry per incident (`data`: its JSON text), by whoever attached the systems. */
  async addSystemsEntries(tx: Kysely<DB>, lines: readonly { id: string; data: string }[], by: { name: string; orgId: string | null }): Promise<void> {
    await sql`insert into incident_events (incident_id, kind, actor_name, actor_org_id, data)
      select i, 'systems', ${by.name}, ${by.orgId}::uuid, d::jsonb from unnest(${lines.map((l) => l.id)}::uuid[], ${lines.map((l) => l.data)}::text[]) as t(i, d)`.execute(tx);
  },
};
