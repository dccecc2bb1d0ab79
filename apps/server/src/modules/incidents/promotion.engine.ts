import { sql, type Kysely } from 'kysely';
import type { PromotionConditions } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { CommittedAlert } from '../../core/alert-feed.ts';
import { AlertBatchConsumer, BatchConsumerWorker } from '../alerts/index.ts';
import { groupKey, matchesConditions, type AlertFacts } from './promotion-match.ts';

const LOCK = 727_003;
type Rule = { id: string; org_id: string | null; name: string; conditions: PromotionConditions };
type AlertRow = AlertFacts & { id: string; day: string; lastSeen: Date; occurrences: number };
type Opening = { rule: Rule; key: string; members: AlertRow[] };

/**
 * Opens or updates incidents from alerts by the promotion rules, as a durable consumer of committed
 * alert batches (a restart resumes where it stopped), and every step is idempotent (one open incident
 * per rule and group; an alert is linked once).
 */
export class PromotionEngine extends BatchConsumerWorker {
  #p: Platform;
  protected readonly consumer: AlertBatchConsumer;
  #prunedAt = 0;

  constructor(platform: Platform) {
    super();
    this.#p = platform;
    this.consumer = new AlertBatchConsumer(platform, {
      name: 'promotion',
      lock: LOCK,
      plan: (batches) => async (tx) => {
        // Rules are read once per group, not once per organisation's batch.
        const rules = (await sql<Rule>`select id, org_id, name, conditions from promotion_rules where enabled`.execute(tx)).rows;
        for (const b of batches) await this.#process(tx, b.orgId, b.alerts, rules);
      },
    });
  }

  async #process(tx: Kysely<DB>, orgId: string, batch: CommittedAlert[], enabled: Rule[]): Promise<void> {
    // National rules and those of the organisation or any organisation above it.
    const owners = new Set([orgId, ...this.#p.orgTree.ancestors(orgId)]);
    const rules = enabled.filter((r) => r.org_id === null || owners.has(r.org_id));
    if (rules.length) {
      const minSeverity = Math.min(...rules.map((r) => r.conditions.minSeverity ?? 1));
      const alerts: AlertRow[] = batch.filter((a) => a.severity >= minSeverity).map((a) => ({ ...a, lastSeen: new Date(a.lastSeen) }));
      const opened: Opening[] = [];
      for (const rule of rules) opened.push(...(await this.#groups(tx, rule, alerts)));
      await this.#openOrUpdate(tx, opened);
    }
    if (Date.now() - this.#prunedAt > 3_600_000) {
      // Tallies older than the longest window a rule may have (7 days) count for nothing.
      await sql`delete from promotion_counts where minute < now() - interval '7 days'`.execute(tx);
      this.#prunedAt = Date.now();
    }
  }

  /** The groups of alerts a rule opens or updates an incident for (a count rule: only groups past its threshold). */
  async #groups(tx: Kysely<DB>, rule: Rule, alerts: AlertRow[]): Promise<Opening[]> {
    const c = rule.conditions;
    const groups = new Map<string, AlertRow[]>();
    for (const a of alerts) {
      if (!matchesConditions(c, a)) continue;
      const key = groupKey(c, a);
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
    }
    if (groups.size === 0) return [];
    const counts = c.count ? await this.#countsInWindow(tx, rule, groups) : null;
    return [...groups]
      .filter(([key]) => !counts || (counts.get(key) ?? 0) >= c.count!.threshold)
      .map(([key, members]) => ({ rule, key, members }));
  }

  /**
   * Adds the batch's occurrences to the rule's per-minute tallies and reads back each group's total
   * inside the window: two statements, however many alerts the window holds.
   */
  async #countsInWindow(tx: Kysely<DB>, rule: Rule, groups: Map<string, AlertRow[]>): Promise<Map<string, number>> {
    const tally = new Map<string, { key: string; minute: string; n: number }>();
    for (const [key, members] of groups) {
      for (const a of members) {
        const minute = new Date(Math.floor(a.lastSeen.getTime() / 60_000) * 60_000).toISOString();
        const t = tally.get(`${key}|${minute}`) ?? tally.set(`${key}|${minute}`, { key, minute, n: 0 }).get(`${key}|${minute}`)!;
        t.n += a.occurrences;
      }
    }
    const rows = [...tally.values()];
    await sql`insert into promotion_counts (rule_id, group_key, minute, n)
      select ${rule.id}, k, m, n from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.minute)}::timestamptz[], ${rows.map((r) => r.n)}::int[]) as t(k, m, n)
      on conflict (rule_id, group_key, minute) do update set n = promotion_counts.n + excluded.n`.execute(tx);
    const r = await sql<{ k: string; n: number }>`select group_key as k, sum(n)::int as n from promotion_counts
      where rule_id = ${rule.id} and group_key = any(${[...groups.keys()]}::text[]) and minute >= now() - make_interval(mins => ${rule.conditions.count!.windowMinutes})
      group by 1`.execute(tx);
    return new Map(r.rows.map((x) => [x.k, x.n]));
  }

  /**
   * Opens or updates one incident per group, links the alerts and announces each incident, in a fixed
   * number of statements whatever the number of groups (a burst may touch hundreds). Each incident row
   * is written once per batch: its count, severity and last activity in one update.
   */
  async #openOrUpdate(tx: Kysely<DB>, openings: Opening[]): Promise<void> {
    if (!openings.length) return;
    const heads = openings.map(({ rule, members }) => {
      const top = members.reduce((m, a) => (a.severity > m.severity ? a : m), members[0]!);
      return { orgId: top.orgId, title: `${rule.name}: ${top.title}`.slice(0, 500), severity: rule.conditions.incidentSeverity ?? top.severity };
    });
    const keyOf = (o: Opening) => `${o.rule.id}|${o.key}`;
    // Only this engine opens incidents for a rule's group, under its advisory lock: what is not open now is opened here.
    const open = await sql<{ id: string; rule_id: string; group_key: string }>`select id, rule_id, group_key from incidents
      where (rule_id, group_key) in (select * from unnest(${openings.map((o) => o.rule.id)}::uuid[], ${openings.map((o) => o.key)}::text[]))
        and status not in ('closed', 'rejected')`.execute(tx);
    const idOf = new Map(open.rows.map((r) => [`${r.rule_id}|${r.group_key}`, r.id]));
    const created = new Set<string>();
    const toOpen = openings.map((o, i) => ({ o, h: heads[i]! })).filter(({ o }) => !idOf.has(keyOf(o)));
    if (toOpen.length) {
      const inserted = await sql<{ id: string; rule_id: string; group_key: string }>`insert into incidents (org_id, title, severity, rule_id, group_key, first_alert_at, last_alert_at)
        select o, t, s, r, k, now(), now() from unnest(${toOpen.map((x) => x.h.orgId)}::uuid[], ${toOpen.map((x) => x.h.title)}::text[], ${toOpen.map((x) => x.h.severity)}::smallint[],
          ${toOpen.map((x) => x.o.rule.id)}::uuid[], ${toOpen.map((x) => x.o.key)}::text[]) as t(o, t, s, r, k)
        returning id, rule_id, group_key`.execute(tx);
      for (const r of inserted.rows) {
        idOf.set(`${r.rule_id}|${r.group_key}`, r.id);
        created.add(r.id);
      }
    }
    const link = { incident: [] as string[], day: [] as string[], alert: [] as string[] };
    for (const o of openings) {
      const id = idOf.get(keyOf(o))!;
      for (const m of o.members) {
        link.incident.push(id);
        link.day.push(m.day);
        link.alert.push(m.id);
      }
    }
    // Counts grow by the links actually added: no recount of an incident that may hold thousands of alerts.
    await sql`with linked as (
        insert into incident_alerts (incident_id, alert_day, alert_id) select * from unnest(${link.incident}::uuid[], ${link.day}::date[], ${link.alert}::bigint[])
        on conflict do nothing returning incident_id),
      added as (select incident_id, count(*)::int as n from linked group by incident_id)
      update incidents i set alert_count = i.alert_count + coalesce(a.n, 0), severity = greatest(i.severity, t.s), last_alert_at = now(), updated_at = now()
      from unnest(${openings.map((o) => idOf.get(keyOf(o))!)}::uuid[], ${heads.map((h) => h.severity)}::smallint[]) as t(id, s)
        left join added a on a.incident_id = t.id
      where i.id = t.id`.execute(tx);
    const events = openings.map((o, i) => {
      const id = idOf.get(keyOf(o))!;
      const h = heads[i]!;
      return { type: created.has(id) ? 'incident.created' : 'incident.updated', audience: JSON.stringify({ orgIds: [h.orgId] }), payload: JSON.stringify({ id, orgId: h.orgId, title: h.title, severity: h.severity, ruleId: o.rule.id, alerts: o.members.length }) };
    });
    await sql`insert into outbox (type, audience, payload) select t, a::jsonb, p::jsonb from unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.audience)}::text[], ${events.map((e) => e.payload)}::text[]) as x(t, a, p)`.execute(tx);
  }
}
