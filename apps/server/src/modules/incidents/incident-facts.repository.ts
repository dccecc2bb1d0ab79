import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { IncidentFacts } from './incident-facts.ts';

/** Most observables an incident keeps (more add nothing to similarity and bloat the page). */
export const MAX_INCIDENT_OBSERVABLES = 500;
const SEP = '\u001f';

/** Incident column `column` with the values joined in `t.<values>` added: sorted, each once, at most `limit`. */
function mergedArray(column: string, values: string, limit: number) {
  const [own, given] = [sql.ref(`i.${column}`), sql`string_to_array(${sql.ref(`t.${values}`)}, ${SEP})`];
  return sql`case when ${given} <@ ${own} then ${own} else array(select distinct x from unnest(${own} || ${given}) x order by x limit ${sql.lit(limit)}) end`;
}

/**
 * The assignments that merge facts into an incident row `i` from a row `t(c, ty, a, s)` of
 * `factColumns`: the class when the incident has none, techniques and assets added to its own. An array
 * that already holds every value it is given stays as it is: a busy incident's alerts mostly name what it
 * has, and rebuilding (unnest, sort, distinct) up to 500 assets of every incident of every group was 13-22 %
 * of promotion's statement that links alerts and updates their incidents (simulator's mix, embedded engine).
 */
export const MERGE_FACTS = sql`rsit_class = coalesce(i.rsit_class, t.c), rsit_type = case when i.rsit_class is null then t.ty else i.rsit_type end,
  attack = ${mergedArray('attack', 'a', 100)}, affected_assets = ${mergedArray('affected_assets', 's', 500)}`;

/** The arrays to unnest as `t(c, ty, a, s)` for `MERGE_FACTS`, one element per incident. */
export const factColumns = (facts: readonly IncidentFacts[]) => sql`${facts.map((f) => f.rsitClass)}::text[], ${facts.map((f) => f.rsitType)}::text[],
  ${facts.map((f) => f.attack.join(SEP))}::text[], ${facts.map((f) => f.assets.join(SEP))}::text[]`;

/**
 * Adds the evidence of facts to incidents in one statement however many incidents: observables (up to a
 * bound per incident) and matched indicators.
 */
export async function addEvidence(tx: Kysely<DB>, rows: readonly { incidentId: string; facts: IncidentFacts }[]): Promise<void> {
  const obs = rows.flatMap((r) => r.facts.observables.map((o) => ({ id: r.incidentId, ...o })));
  const ind = rows.flatMap((r) => r.facts.indicatorIds.map((v) => ({ id: r.incidentId, v })));
  if (!obs.length && !ind.length) return;
  await sql`with held as (select incident_id, count(*) as n from incident_observables where incident_id = any(${[...new Set(obs.map((o) => o.id))]}::uuid[]) group by incident_id),
    observed as (insert into incident_observables (incident_id, type, value)
      select t.i, t.ty, t.v from unnest(${obs.map((o) => o.id)}::uuid[], ${obs.map((o) => o.type)}::text[], ${obs.map((o) => o.value)}::text[]) as t(i, ty, v)
        left join held on held.incident_id = t.i
      where coalesce(held.n, 0) < ${MAX_INCIDENT_OBSERVABLES}
      on conflict do nothing returning 1),
    matched as (insert into incident_indicators (incident_id, value_id) select * from unnest(${ind.map((x) => x.id)}::uuid[], ${ind.map((x) => x.v)}::bigint[])
      on conflict do nothing returning 1)
    select (select count(*) from observed) as o, (select count(*) from matched) as m`.execute(tx);
}

/** Gives incidents their alerts' facts: class, techniques, assets, observables, indicators (two statements). */
export async function addFacts(tx: Kysely<DB>, rows: readonly { incidentId: string; facts: IncidentFacts }[]): Promise<void> {
  if (!rows.length) return;
  await sql`update incidents i set ${MERGE_FACTS}
    from unnest(${rows.map((r) => r.incidentId)}::uuid[], ${factColumns(rows.map((r) => r.facts))}) as t(id, c, ty, a, s)
    where i.id = t.id`.execute(tx);
  await addEvidence(tx, rows);
}
