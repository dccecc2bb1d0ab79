import { sql, type Kysely } from 'kysely';
import type { PromotionConditions } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { LoadedAlert } from './alert-links.ts';
import { groupKey, groupLabel } from './promotion-match.ts';

/** A rule is suppressed for a group once alerts marked false positive sit in this many of the incidents it opened for it. */
export const FALSE_POSITIVE_INCIDENTS = 2;

type Link = { day: string; id: string; incident_id: string; rule_id: string; conditions: PromotionConditions };

/**
 * Feeds alerts just marked false positive back to promotion: each is counted against the rule and group
 * of the incident a rule promoted it into, and a rule whose false positives of one group span
 * `FALSE_POSITIVE_INCIDENTS` incidents stops opening incidents for that group (a suppression, listed
 * with the reason until someone lifts it). Returns the ids of the suppressions made.
 */
export async function feedPromotion(tx: Kysely<DB>, alerts: readonly LoadedAlert[], reason: string, by: string): Promise<string[]> {
  if (!alerts.length) return [];
  const links = await sql<Link>`select l.alert_day::text as day, l.alert_id::text as id, i.id as incident_id, r.id as rule_id, r.conditions
    from incident_alerts l join unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i) on l.alert_day = t.d and l.alert_id = t.i
      join incidents i on i.id = l.incident_id join promotion_rules r on r.id = i.rule_id`.execute(tx);
  if (!links.rows.length) return [];
  const byKey = new Map(alerts.map((a) => [`${a.day}|${a.id}`, a]));
  const tally = new Map<string, { rule: string; key: string; incident: string; n: number }>();
  const groups = new Map<string, { rule: string; key: string; orgId: string; label: Record<string, string> }>();
  for (const l of links.rows) {
    const alert = byKey.get(`${l.day}|${l.id}`)!;
    const key = groupKey(l.conditions, alert);
    const t = tally.get(`${l.rule_id}|${key}|${l.incident_id}`) ?? tally.set(`${l.rule_id}|${key}|${l.incident_id}`, { rule: l.rule_id, key, incident: l.incident_id, n: 0 }).get(`${l.rule_id}|${key}|${l.incident_id}`)!;
    t.n++;
    if (!groups.has(`${l.rule_id}|${key}`)) groups.set(`${l.rule_id}|${key}`, { rule: l.rule_id, key, orgId: alert.orgId, label: groupLabel(l.conditions, alert) });
  }
  const rows = [...tally.values()];
  await sql`insert into promotion_false_positives (rule_id, group_key, incident_id, alerts)
    select * from unnest(${rows.map((r) => r.rule)}::uuid[], ${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.incident)}::uuid[], ${rows.map((r) => r.n)}::int[])
    on conflict (rule_id, group_key, incident_id) do update set alerts = promotion_false_positives.alerts + excluded.alerts`.execute(tx);
  const g = [...groups.values()];
  const made = await sql<{ id: string }>`with totals as (
      select f.rule_id, f.group_key, count(*)::int as incidents, sum(f.alerts)::int as fps from promotion_false_positives f
        join unnest(${g.map((x) => x.rule)}::uuid[], ${g.map((x) => x.key)}::text[]) as t(r, k) on f.rule_id = t.r and f.group_key = t.k
      group by f.rule_id, f.group_key having count(*) >= ${FALSE_POSITIVE_INCIDENTS})
    insert into promotion_suppressions (rule_id, group_key, org_id, label, reason, incidents, false_positives, created_by_name)
    select totals.rule_id, totals.group_key, t.o, t.l::jsonb, ${reason}, totals.incidents, totals.fps, ${by}
    from totals join unnest(${g.map((x) => x.rule)}::uuid[], ${g.map((x) => x.key)}::text[], ${g.map((x) => x.orgId)}::uuid[], ${g.map((x) => JSON.stringify(x.label))}::text[]) as t(r, k, o, l)
      on t.r = totals.rule_id and t.k = totals.group_key
    on conflict (rule_id, group_key) where lifted_at is null do nothing
    returning id`.execute(tx);
  return made.rows.map((r) => r.id);
}
