import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Visibility } from './incidents.policy.ts';
import { countableIncidentSql, visibleIncidentSql } from './incident-visibility.ts';

type Part = { object: Record<string, unknown> | null; tlp: string | null; granular_tlp: string | null; owner_org_id: string | null };

/** An attack-pattern, one `mitigates` relationship to it and its course of action (all null when none), each as stored. */
export interface TechniqueRow { tid: string; ap_id: string; coa_id: string | null; ap: Part; rel: Part; coa: Part }

/** One stored object's parts as a JSON value, so each row carries them side by side. */
const part = (alias: string, as = alias) => sql.raw(`jsonb_build_object('object', ${alias}.object, 'tlp', ${alias}.tlp, 'granular_tlp', ${alias}.granular_tlp, 'owner_org_id', ${alias}.owner_org_id) as ${as}`);

/** SQL behind decision support: the incident's alerts' techniques, ATT&CK from the knowledge base, shared indicators. */
export const knowledgeRepository = {
  /** ATT&CK technique ids of the alerts linked to an incident. */
  async alertTechniques(db: Kysely<DB>, incidentId: string): Promise<string[]> {
    const r = await sql<{ t: string }>`select distinct unnest(a.attack) as t from incident_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id
      where l.incident_id = ${incidentId} limit 200`.execute(db);
    return r.rows.map((x) => x.t);
  },

  /**
   * ATT&CK techniques and the courses of action that mitigate them, from the latest versions of the
   * knowledge base's attack-patterns (by their `mitre-attack` external id) and `mitigates`
   * relationships: one row per technique and mitigation (or none), each object with its markings and
   * owner, so the caller shows only what the reader may see of each.
   */
  async techniques(db: Kysely<DB>, ids: string[]): Promise<TechniqueRow[]> {
    if (!ids.length) return [];
    const r = await sql<TechniqueRow>`
      with ap as (
        select distinct on (o.id) o.id, o.object, o.tlp, o.granular_tlp, o.owner_org_id, x->>'external_id' as tid
        from stix_objects o cross join lateral jsonb_array_elements(coalesce(o.object->'external_references', '[]'::jsonb)) x
        where o.type = 'attack-pattern' and o.is_latest and o.exercise_id is null and x->>'source_name' = 'mitre-attack' and x->>'external_id' = any(${ids}::text[])
        order by o.id),
      rel as (
        select r.object, r.tlp, r.granular_tlp, r.owner_org_id, r.object->>'source_ref' as coa, r.object->>'target_ref' as target from stix_objects r
        where r.is_latest and r.exercise_id is null and r.type = 'relationship' and r.object->>'relationship_type' = 'mitigates' and r.object->>'target_ref' in (select id from ap))
      select ap.tid, ap.id as ap_id, ${part('ap')}, ${part('rel')}, c.id as coa_id, ${part('c', 'coa')}
      from ap left join rel on rel.target = ap.id
        left join lateral (select s.id, s.object, s.tlp, s.granular_tlp, s.owner_org_id from stix_objects s where s.id = rel.coa and s.is_latest and s.exercise_id is null) c on true
      order by ap.tid, ap.id, c.id`.execute(db);
    return r.rows;
  },

  /**
   * Other organisations whose incidents of the last 90 days share an observable value with this one,
   * counting only incidents the caller's aggregates may count (visible to them, or CLEAR/GREEN);
   * `visible` when one of them is an incident the caller may open. A real incident meets real
   * incidents only, an exercise's incident those of its own exercise only (issue 17).
   */
  async orgsSharingIndicators(db: Kysely<DB>, vis: Visibility, incidentId: string, ownOrgId: string): Promise<{ orgId: string; values: string[]; visible: boolean }[]> {
    const r = await sql<{ orgId: string; values: string[]; visible: boolean }>`select i.org_id as "orgId", array_agg(distinct o.value order by o.value) as values,
        bool_or(${visibleIncidentSql(vis, 'i')}) as visible
      from incident_observables mine join incident_observables o on o.value = mine.value and o.incident_id <> mine.incident_id
        join incidents i on i.id = o.incident_id
      where mine.incident_id = ${incidentId} and i.org_id <> ${ownOrgId} and i.created_at > now() - interval '90 days' and i.status <> 'rejected'
        and ${countableIncidentSql(vis, 'i')}
        and i.exercise_id is not distinct from (select x.exercise_id from incidents x where x.id = ${incidentId})
      group by i.org_id order by count(*) desc limit 200`.execute(db);
    return r.rows;
  },

  /** How incidents ended: their resolution and closing time. */
  async endings(db: Kysely<DB>, ids: string[]): Promise<Map<string, { resolution: string | null; closedAt: Date | null }>> {
    if (!ids.length) return new Map();
    const r = await sql<{ id: string; resolution: string | null; closed_at: Date | null }>`select id, resolution, closed_at from incidents where id = any(${ids}::uuid[])`.execute(db);
    return new Map(r.rows.map((x) => [x.id, { resolution: x.resolution, closedAt: x.closed_at }]));
  },

  async orgNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const r = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(r.map((o) => [o.id, o.name]));
  },
};
