import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** One incident's share of a promoted batch, for its timeline. */
export interface GroupedEntry {
  incidentId: string;
  created: boolean;
  rule: { id: string; name: string };
  /** Alerts newly linked, and occurrences (repeats included) the batch brought. */
  alerts: number;
  occurrences: number;
  related: string | null;
}

/** A summary entry keeps absorbing later batches for this long, so a busy incident's timeline grows by a few lines an hour. */
const FOLD_MINUTES = 10;

/**
 * Writes promotion's timeline entries in at most three statements: `created` for incidents it opened,
 * and for the others one `alerts_grouped` summary per batch, folded into the incident's latest entry
 * when that is a summary younger than ten minutes (never one entry per alert).
 */
export async function recordGrouped(tx: Kysely<DB>, entries: readonly GroupedEntry[]): Promise<void> {
  const opened = entries.filter((e) => e.created);
  if (opened.length) {
    await sql`insert into incident_events (incident_id, kind, actor_name, actor_org_id, data)
      select i, 'created', 'promotion', null, jsonb_build_object('source', 'alerts', 'rule', r, 'ruleId', rid, 'alerts', n, 'occurrences', o, 'related', rel)
      from unnest(${opened.map((e) => e.incidentId)}::uuid[], ${opened.map((e) => e.rule.name)}::text[], ${opened.map((e) => e.rule.id)}::uuid[],
        ${opened.map((e) => e.alerts)}::int[], ${opened.map((e) => e.occurrences)}::int[], ${opened.map((e) => e.related)}::uuid[]) as t(i, r, rid, n, o, rel)`.execute(tx);
  }
  const grown = entries.filter((e) => !e.created);
  if (!grown.length) return;
  const folded = await sql<{ incident_id: string }>`with latest as (
      select distinct on (incident_id) id, incident_id, kind, at from incident_events where incident_id = any(${grown.map((e) => e.incidentId)}::uuid[]) order by incident_id, id desc)
    update incident_events e set data = e.data || jsonb_build_object('alerts', coalesce((e.data->>'alerts')::int, 0) + t.n,
        'occurrences', coalesce((e.data->>'occurrences')::int, 0) + t.o, 'to', now())
    from unnest(${grown.map((e) => e.incidentId)}::uuid[], ${grown.map((e) => e.alerts)}::int[], ${grown.map((e) => e.occurrences)}::int[]) as t(i, n, o)
      join latest l on l.incident_id = t.i
    where e.id = l.id and l.kind = 'alerts_grouped' and l.at > now() - make_interval(mins => ${FOLD_MINUTES})
    returning e.incident_id`.execute(tx);
  const done = new Set(folded.rows.map((r) => r.incident_id));
  const fresh = grown.filter((e) => !done.has(e.incidentId));
  if (!fresh.length) return;
  await sql`insert into incident_events (incident_id, kind, actor_name, actor_org_id, data)
    select i, 'alerts_grouped', 'promotion', null, jsonb_build_object('rule', r, 'ruleId', rid, 'alerts', n, 'occurrences', o, 'from', now(), 'to', now())
    from unnest(${fresh.map((e) => e.incidentId)}::uuid[], ${fresh.map((e) => e.rule.name)}::text[], ${fresh.map((e) => e.rule.id)}::uuid[],
      ${fresh.map((e) => e.alerts)}::int[], ${fresh.map((e) => e.occurrences)}::int[]) as t(i, r, rid, n, o)`.execute(tx);
}
