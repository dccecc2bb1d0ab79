import { sql, type Kysely } from 'kysely';
import { writeEvents } from '../events/index.ts';
import type { PromotionConditions } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { CommittedAlert } from '../../common/alert-feed.ts';
import { factsOf } from './incident-facts.ts';
import { COUNT_SEEN, evidence, factColumns, MERGE_FACTS } from './incident-facts.repository.ts';
import { promotedTitle } from './incident-title.ts';
import { groupLabel, groupWindowMinutes } from './promotion-match.ts';
import { recordGrouped } from './promotion-timeline.ts';
import { attachSystemsFromAlerts, type RegimeChooser } from './incident-systems.ts';

export type Rule = { id: string; org_id: string | null; name: string; conditions: PromotionConditions };
export type PromotedAlert = Omit<CommittedAlert, 'lastSeen'> & { lastSeen: Date };
/** A rule's group of alerts in one batch: they open an incident or join the group's one. */
export interface Opening {
  rule: Rule;
  key: string;
  /** The exercise whose injects sent the alerts (their incident belongs to it from the start), else null. */
  exerciseId: string | null;
  members: PromotedAlert[];
}

type Found = { rule_id: string; group_key: string; incident_id: string | null; usable: boolean; suppressed: boolean };
const keyOf = (o: { rule: { id: string }; key: string }) => `${o.rule.id}|${o.key}`;

/**
 * Opens or updates one incident per group, links the alerts, gives the incidents their facts and
 * timeline lines and announces them, in a fixed number of statements whatever the number of groups (a
 * burst may touch hundreds). A group joins its incident while that is open and the group was seen
 * within the rule's window; otherwise (ended, or quiet too long) the group leaves it and a new incident
 * opens, related to the earlier one: a closed incident is never reopened by a late alert. A group
 * suppressed for its rule (false positives) opens and joins nothing. `clock` adds the regimes that
 * systems newly attached from the alerts bring to incidents already past `new`.
 */
export async function writeOpenings(tx: Kysely<DB>, all: Opening[], clock: RegimeChooser): Promise<void> {
  if (!all.length) return;
  // Only this engine adds to a rule's groups, under its advisory lock: what has no usable incident now gets one here.
  const found = await sql<Found>`select t.r as rule_id, t.k as group_key, g.incident_id,
      g.incident_id is not null and i.status not in ('closed', 'rejected') and coalesce(i.last_alert_at, i.created_at) >= now() - make_interval(mins => t.w) as usable,
      exists (select 1 from promotion_suppressions s where s.rule_id = t.r and s.group_key = t.k and s.lifted_at is null) as suppressed
    from unnest(${all.map((o) => o.rule.id)}::uuid[], ${all.map((o) => o.key)}::text[], ${all.map((o) => groupWindowMinutes(o.rule.conditions))}::int[]) as t(r, k, w)
      left join incident_groups g on g.rule_id = t.r and g.group_key = t.k and g.active
      left join incidents i on i.id = g.incident_id`.execute(tx);
  const byKey = new Map(found.rows.map((r) => [`${r.rule_id}|${r.group_key}`, r]));
  const openings = all.filter((o) => !byKey.get(keyOf(o))?.suppressed);
  if (!openings.length) return;
  const idOf = new Map(found.rows.filter((r) => r.usable).map((r) => [`${r.rule_id}|${r.group_key}`, r.incident_id!]));
  const released = found.rows.filter((r) => r.incident_id && !r.usable && !r.suppressed);
  if (released.length) {
    await sql`update incident_groups g set active = false from unnest(${released.map((r) => r.rule_id)}::uuid[], ${released.map((r) => r.group_key)}::text[], ${released.map((r) => r.incident_id)}::uuid[]) as t(r, k, i)
      where g.rule_id = t.r and g.group_key = t.k and g.incident_id = t.i and g.active`.execute(tx);
  }
  const related = new Map<string, string | null>();
  const toOpen = openings.filter((o) => !idOf.has(keyOf(o))).map((o) => {
    const top = o.members.reduce((m, a) => (a.severity > m.severity ? a : m), o.members[0]!);
    return { o, top, title: promotedTitle(o.rule.name, groupLabel(o.rule.conditions, top)), related: byKey.get(keyOf(o))?.incident_id ?? null };
  });
  if (toOpen.length) {
    const inserted = await sql<{ id: string; rule_id: string; group_key: string; related_incident_id: string | null }>`with opened as (
        insert into incidents (org_id, title, title_code, title_params, severity, rule_id, group_key, related_incident_id, first_alert_at, last_alert_at, exercise_id)
        select o, t, 'promoted', p::jsonb, s, r, k, rel, now(), now(), (select e.id from exercises e where e.id = ex) from unnest(${toOpen.map((x) => x.top.orgId)}::uuid[], ${toOpen.map((x) => x.title.text)}::text[],
          ${toOpen.map((x) => JSON.stringify(x.title.params))}::text[], ${toOpen.map((x) => x.o.rule.conditions.incidentSeverity ?? x.top.severity)}::smallint[],
          ${toOpen.map((x) => x.o.rule.id)}::uuid[], ${toOpen.map((x) => x.o.key)}::text[], ${toOpen.map((x) => x.related)}::uuid[],
          ${toOpen.map((x) => x.o.exerciseId)}::uuid[]) as t(o, t, p, s, r, k, rel, ex)
        returning id, rule_id, group_key, related_incident_id),
      grouped as (insert into incident_groups (rule_id, group_key, incident_id) select rule_id, group_key, id from opened)
      select * from opened`.execute(tx);
    for (const r of inserted.rows) {
      idOf.set(`${r.rule_id}|${r.group_key}`, r.id);
      related.set(r.id, r.related_incident_id);
    }
  }
  // One row per incident (after a merge, several groups may feed one incident in the same batch).
  const targets = new Map<string, { rule: Rule; members: PromotedAlert[]; severity: number }>();
  for (const o of openings) {
    const id = idOf.get(keyOf(o))!;
    const t = targets.get(id) ?? targets.set(id, { rule: o.rule, members: [], severity: 1 }).get(id)!;
    t.members.push(...o.members);
    t.severity = Math.max(t.severity, o.rule.conditions.incidentSeverity ?? Math.max(...o.members.map((m) => m.severity)));
  }
  const ids = [...targets.keys()];
  const list = [...targets.values()];
  const facts = list.map((t) => factsOf(t.members));
  const link = ids.flatMap((id, i) => list[i]!.members.map((m) => ({ id, day: m.day, alert: m.id, orgId: m.orgId })));
  // Counts grow by the links and observables actually added: no recount of an incident that may hold thousands of alerts.
  const updated = await sql<{ id: string; n: number; org_id: string; title: string; severity: number }>`with ${evidence(ids.map((incidentId, i) => ({ incidentId, facts: facts[i]! })))},
    linked as (
      insert into incident_alerts (incident_id, alert_day, alert_id) select * from unnest(${link.map((l) => l.id)}::uuid[], ${link.map((l) => l.day)}::date[], ${link.map((l) => l.alert)}::bigint[])
      on conflict do nothing returning incident_id),
    added as (select incident_id, count(*)::int as n from linked group by incident_id)
    update incidents i set alert_count = i.alert_count + coalesce(added.n, 0), severity = greatest(i.severity, t.sev), last_alert_at = now(), updated_at = now(), ${MERGE_FACTS}, ${COUNT_SEEN}
    from unnest(${ids}::uuid[], ${list.map((t) => t.severity)}::smallint[], ${factColumns(facts)}) as t(id, sev, c, ty, a, s)
      left join added on added.incident_id = t.id left join seen on seen.incident_id = t.id
    where i.id = t.id
    returning i.id, coalesce(added.n, 0) as n, i.org_id, i.title, i.severity`.execute(tx);
  const byId = new Map(updated.rows.map((r) => [r.id, r]));
  await attachSystemsFromAlerts(tx, link, clock);
  await recordGrouped(tx, ids.map((id, i) => ({
    incidentId: id, created: related.has(id), rule: list[i]!.rule, alerts: byId.get(id)?.n ?? 0,
    occurrences: list[i]!.members.reduce((n, m) => n + m.occurrences, 0), related: related.get(id) ?? null,
  })));
  const events = ids.map((id, i) => {
    const row = byId.get(id)!;
    return {
      type: related.has(id) ? 'incident.created' : 'incident.updated', audience: { orgIds: [row.org_id] },
      payload: { id, orgId: row.org_id, title: row.title, severity: row.severity, ruleId: list[i]!.rule.id, alerts: list[i]!.members.length },
    };
  });
  await writeEvents(tx, events);
}
