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

type Evidence = readonly { incidentId: string; facts: IncidentFacts }[];

/**
 * The common table expressions that add facts' evidence to incidents: observables, while an incident holds
 * fewer than the bound (it is kept in `observable_count`, so a full incident costs no count), and matched
 * indicators. `seen(incident_id, n)` gives how many observables each incident took, for `COUNT_SEEN` in
 * the update of `incidents i` that follows them (left join seen on seen.incident_id = t.id).
 */
export function evidence(rows: Evidence) {
  const obs = rows.flatMap((r) => r.facts.observables.map((o) => ({ id: r.incidentId, ...o })));
  const ind = rows.flatMap((r) => r.facts.indicatorIds.map((v) => ({ id: r.incidentId, v })));
  return sql`observed as (insert into incident_observables (incident_id, type, value)
      select t.i, t.ty, t.v from unnest(${obs.map((o) => o.id)}::uuid[], ${obs.map((o) => o.type)}::text[], ${obs.map((o) => o.value)}::text[]) as t(i, ty, v)
        join incidents held on held.id = t.i
      where held.observable_count < ${MAX_INCIDENT_OBSERVABLES}
      on conflict do nothing returning incident_id),
    seen as (select incident_id, count(*)::int as n from observed group by incident_id),
    matched as (insert into incident_indicators (incident_id, value_id) select * from unnest(${ind.map((x) => x.id)}::uuid[], ${ind.map((x) => x.v)}::bigint[])
      on conflict do nothing)`;
}

/** The assignment that counts the observables `evidence` added (see there). */
export const COUNT_SEEN = sql`observable_count = i.observable_count + coalesce(seen.n, 0)`;

/** Gives incidents their alerts' facts in one statement: class, techniques, assets, observables, indicators. */
export async function addFacts(tx: Kysely<DB>, rows: Evidence): Promise<void> {
  if (!rows.length) return;
  await sql`with ${evidence(rows)}
    update incidents i set ${MERGE_FACTS}, ${COUNT_SEEN}
    from unnest(${rows.map((r) => r.incidentId)}::uuid[], ${factColumns(rows.map((r) => r.facts))}) as t(id, c, ty, a, s)
      left join seen on seen.incident_id = t.id
    where i.id = t.id`.execute(tx);
}
