import { sql, type Kysely } from 'kysely';
import type { PromotionConditions } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { CommittedAlert } from '../../core/alert-feed.ts';
import { addFacts, factsOf } from './incident-facts.ts';
import { promotedTitle } from './incident-title.ts';
import { groupLabel, groupWindowMinutes } from './promotion-match.ts';
import { recordGrouped } from './promotion-timeline.ts';

export type Rule = { id: string; org_id: string | null; name: string; conditions: PromotionConditions };
export type PromotedAlert = Omit<CommittedAlert, 'lastSeen'> & { lastSeen: Date };
/** A rule's group of alerts in one batch: they open an incident or join the group's one. */
export interface Opening {
  rule: Rule;
  key: string;
  members: PromotedAlert[];
}

type Active = { rule_id: string; group_key: string; incident_id: string; usable: boolean };

/**
 * Opens or updates one incident per group, links the alerts and announces each incident, in a fixed
 * number of statements whatever the number of groups (a burst may touch hundreds). A group joins its
 * incident while that is open and the group was seen within the rule's window; otherwise (ended, or
 * quiet too long) the group leaves it and a new incident opens, related to the earlier one: a closed
 * incident is never reopened by a late alert.
 */
export async function writeOpenings(tx: Kysely<DB>, openings: Opening[]): Promise<void> {
  if (!openings.length) return;
  const keyOf = (o: { rule: Rule; key: string }) => `${o.rule.id}|${o.key}`;
  // Only this engine adds to a rule's groups, under its advisory lock: what has no usable incident now gets one here.
  const active = await sql<Active>`select g.rule_id, g.group_key, g.incident_id,
      i.status not in ('closed', 'rejected') and coalesce(i.last_alert_at, i.created_at) >= now() - make_interval(mins => t.w) as usable
    from unnest(${openings.map((o) => o.rule.id)}::uuid[], ${openings.map((o) => o.key)}::text[], ${openings.map((o) => groupWindowMinutes(o.rule.conditions))}::int[]) as t(r, k, w)
      join incident_groups g on g.rule_id = t.r and g.group_key = t.k and g.active
      join incidents i on i.id = g.incident_id`.execute(tx);
  const found = new Map(active.rows.map((r) => [`${r.rule_id}|${r.group_key}`, r]));
  const idOf = new Map(active.rows.filter((r) => r.usable).map((r) => [`${r.rule_id}|${r.group_key}`, r.incident_id]));
  const released = active.rows.filter((r) => !r.usable);
  if (released.length) {
    await sql`update incident_groups g set active = false from unnest(${released.map((r) => r.rule_id)}::uuid[], ${released.map((r) => r.group_key)}::text[], ${released.map((r) => r.incident_id)}::uuid[]) as t(r, k, i)
      where g.rule_id = t.r and g.group_key = t.k and g.incident_id = t.i`.execute(tx);
  }
  const created = new Set<string>();
  const toOpen = openings.filter((o) => !idOf.has(keyOf(o))).map((o) => {
    const top = o.members.reduce((m, a) => (a.severity > m.severity ? a : m), o.members[0]!);
    return { o, top, title: promotedTitle(o.rule.name, groupLabel(o.rule.conditions, top)), related: found.get(keyOf(o))?.incident_id ?? null };
  });
  if (toOpen.length) {
    const inserted = await sql<{ id: string; rule_id: string; group_key: string }>`insert into incidents (org_id, title, title_code, title_params, severity, rule_id, group_key, related_incident_id, first_alert_at, last_alert_at)
      select o, t, 'promoted', p::jsonb, s, r, k, rel, now(), now() from unnest(${toOpen.map((x) => x.top.orgId)}::uuid[], ${toOpen.map((x) => x.title.text)}::text[],
        ${toOpen.map((x) => JSON.stringify(x.title.params))}::text[], ${toOpen.map((x) => x.o.rule.conditions.incidentSeverity ?? x.top.severity)}::smallint[],
        ${toOpen.map((x) => x.o.rule.id)}::uuid[], ${toOpen.map((x) => x.o.key)}::text[], ${toOpen.map((x) => x.related)}::uuid[]) as t(o, t, p, s, r, k, rel)
      returning id, rule_id, group_key`.execute(tx);
    for (const r of inserted.rows) {
      idOf.set(`${r.rule_id}|${r.group_key}`, r.id);
      created.add(r.id);
    }
    await sql`insert into incident_groups (rule_id, group_key, incident_id) select * from unnest(${inserted.rows.map((r) => r.rule_id)}::uuid[],
      ${inserted.rows.map((r) => r.group_key)}::text[], ${inserted.rows.map((r) => r.id)}::uuid[])`.execute(tx);
  }
  const targets = openings.map((o) => ({ o, id: idOf.get(keyOf(o))!, severity: o.rule.conditions.incidentSeverity ?? Math.max(...o.members.map((m) => m.severity)) }));
  const link = targets.flatMap((t) => t.o.members.map((m) => ({ incident: t.id, day: m.day, alert: m.id })));
  // Counts grow by the links actually added: no recount of an incident that may hold thousands of alerts.
  const added = await sql<{ id: string; n: number; org_id: string; title: string; severity: number }>`with linked as (
      insert into incident_alerts (incident_id, alert_day, alert_id) select * from unnest(${link.map((l) => l.incident)}::uuid[], ${link.map((l) => l.day)}::date[], ${link.map((l) => l.alert)}::bigint[])
      on conflict do nothing returning incident_id),
    counted as (select incident_id, count(*)::int as n from linked group by incident_id)
    update incidents i set alert_count = i.alert_count + coalesce(c.n, 0), severity = greatest(i.severity, t.s), last_alert_at = now(), updated_at = now()
    from unnest(${targets.map((t) => t.id)}::uuid[], ${targets.map((t) => t.severity)}::smallint[]) as t(id, s)
      left join counted c on c.incident_id = t.id
    where i.id = t.id
    returning i.id, coalesce(c.n, 0) as n, i.org_id, i.title, i.severity`.execute(tx);
  const byId = new Map(added.rows.map((r) => [r.id, r]));
  const relatedOf = new Map(toOpen.map((x) => [idOf.get(keyOf(x.o))!, x.related]));
  await addFacts(tx, targets.map((t) => ({ incidentId: t.id, facts: factsOf(t.o.members) })));
  await recordGrouped(tx, targets.map((t) => ({
    incidentId: t.id, created: created.has(t.id), rule: t.o.rule, alerts: byId.get(t.id)?.n ?? 0,
    occurrences: t.o.members.reduce((n, m) => n + m.occurrences, 0), related: relatedOf.get(t.id) ?? null,
  })));
  const events = targets.map((t) => {
    const row = byId.get(t.id)!;
    return {
      type: created.has(t.id) ? 'incident.created' : 'incident.updated', audience: JSON.stringify({ orgIds: [row.org_id] }),
      payload: JSON.stringify({ id: t.id, orgId: row.org_id, title: row.title, severity: row.severity, ruleId: t.o.rule.id, alerts: t.o.members.length }),
    };
  });
  await sql`insert into outbox (type, audience, payload) select t, a::jsonb, p::jsonb from unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.audience)}::text[], ${events.map((e) => e.payload)}::text[]) as x(t, a, p)`.execute(tx);
}
