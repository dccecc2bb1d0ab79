import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Visibility } from './incidents.policy.ts';
import { countableIncidentSql, visibleIncidentSql } from './incident-visibility.ts';

type Mitigation = { id: string; name: string; description: string | null };

/** SQL behind decision support: the incident's alerts' techniques, ATT&CK from the knowledge base, shared indicators. */
export const knowledgeRepository = {
  /** ATT&CK technique ids of the alerts linked to an incident. */
  async alertTechniques(db: Kysely<DB>, incidentId: string): Promise<string[]> {
    const r = await sql<{ t: string }>`select distinct unnest(a.attack) as t from incident_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id
      where l.incident_id = ${incidentId} limit 200`.execute(db);
    return r.rows.map((x) => x.t);
  },

  /**
   * Names of ATT&CK techniques and the courses of action that mitigate them, from the latest versions
   * of the knowledge base's attack-patterns (by their `mitre-attack` external id) and `mitigates` relationships.
   */
  async techniques(db: Kysely<DB>, ids: string[]): Promise<Map<string, { name: string; mitigations: Mitigation[] }>> {
    const out = new Map<string, { name: string; mitigations: Mitigation[] }>();
    if (!ids.length) return out;
    const r = await sql<{ tid: string; name: string; mid: string | null; mname: string | null; mdesc: string | null }>`
      with ap as (
        select distinct on (o.id) o.id, o.object->>'name' as name, x->>'external_id' as tid
        from stix_objects o cross join lateral jsonb_array_elements(coalesce(o.object->'external_references', '[]'::jsonb)) x
        where o.type = 'attack-pattern' and x->>'source_name' = 'mitre-attack' and x->>'external_id' = any(${ids}::text[])
        order by o.id, o.version desc),
      rel as (
        select distinct r.object->>'source_ref' as coa, r.object->>'target_ref' as target from stix_objects r
        where r.type = 'relationship' and r.object->>'relationship_type' = 'mitigates' and r.object->>'target_ref' in (select id from ap))
      select ap.tid, ap.name, c.id as mid, c.object->>'name' as mname, left(c.object->>'description', 400) as mdesc
      from ap left join rel on rel.target = ap.id
        left join lateral (select id, object from stix_objects s where s.id = rel.coa order by s.version desc limit 1) c on true
      order by ap.tid, mname`.execute(db);
    for (const row of r.rows) {
      const t = out.get(row.tid) ?? out.set(row.tid, { name: row.name, mitigations: [] }).get(row.tid)!;
      if (row.mid && !t.mitigations.some((m) => m.id === row.mid)) t.mitigations.push({ id: row.mid, name: row.mname ?? row.mid, description: row.mdesc });
    }
    return out;
  },

  /**
   * Other organisations whose incidents of the last 90 days share an observable value with this one,
   * counting only incidents the caller's aggregates may count (visible to them, or CLEAR/GREEN);
   * `visible` when one of them is an incident the caller may open.
   */
  async orgsSharingIndicators(db: Kysely<DB>, vis: Visibility, incidentId: string, ownOrgId: string): Promise<{ orgId: string; values: string[]; visible: boolean }[]> {
    const r = await sql<{ orgId: string; values: string[]; visible: boolean }>`select i.org_id as "orgId", array_agg(distinct o.value order by o.value) as values,
        bool_or(${visibleIncidentSql(vis, 'i')}) as visible
      from incident_observables mine join incident_observables o on o.value = mine.value and o.incident_id <> mine.incident_id
        join incidents i on i.id = o.incident_id
      where mine.incident_id = ${incidentId} and i.org_id <> ${ownOrgId} and i.created_at > now() - interval '90 days' and i.status <> 'rejected'
        and ${countableIncidentSql(vis, 'i')}
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
