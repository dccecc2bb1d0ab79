import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Visibility } from './incidents.policy.ts';
import { countableIncidentSql, visibleIncidentSql } from './incident-visibility.ts';

/** A candidate like the incident: shared observable values, shared techniques, text similarity, and whether the caller may open it. */
export type SimilarCandidate = { id: string; shared: string[]; techniques: string[]; text: number; readable: boolean };

const PER_SIGNAL = 200;

/** SQL of similar incidents: only incidents the caller's aggregates may count (visible, or CLEAR/GREEN), never across the exercise line. */
export const similarRepository = {
  /** Up to 200 candidates per signal (observables, techniques, wording), each among the countable ones. */
  async candidates(db: Kysely<DB>, vis: Visibility, id: string, attack: string[]): Promise<SimilarCandidate[]> {
    // A real incident is like real incidents only, an exercise's incident like those of its own exercise only (issue 17).
    const countable = sql`${countableIncidentSql(vis, 'i')} and i.exercise_id is not distinct from (select x.exercise_id from incidents x where x.id = ${id})`;
    const r = await sql<SimilarCandidate>`with mine as (select value from incident_observables where incident_id = ${id}),
      me as (select search_text from incidents where id = ${id}),
      by_obs as (select o.incident_id as id, array_agg(distinct o.value) as shared from incident_observables o join mine m on m.value = o.value
        join incidents i on i.id = o.incident_id where o.incident_id <> ${id} and ${countable} group by 1 order by count(*) desc limit ${PER_SIGNAL}),
      by_attack as (select i.id from incidents i where i.id <> ${id} and cardinality(${attack}::text[]) > 0 and i.attack && ${attack}::text[] and ${countable}
        order by i.created_at desc limit ${PER_SIGNAL}),
      by_text as (select i.id from incidents i, me where i.id <> ${id} and i.search_text % me.search_text and ${countable}
        order by similarity(i.search_text, me.search_text) desc limit ${PER_SIGNAL}),
      c as (select id from by_obs union select id from by_attack union select id from by_text)
      select c.id, coalesce(b.shared, '{}') as shared, array(select unnest(i.attack) intersect select unnest(${attack}::text[])) as techniques,
        similarity(i.search_text, (select search_text from me)) as text, ${visibleIncidentSql(vis, 'i')} as readable
      from c join incidents i on i.id = c.id left join by_obs b on b.id = c.id`.execute(db);
    return r.rows;
  },
};
