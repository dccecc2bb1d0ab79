import { sql, type Kysely } from 'kysely';
import type { PromotionConditions } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { OutboxEvent } from '../events/index.ts';
import { groupKey, groupValue, matchesConditions, type AlertFacts } from './promotion-match.ts';

const CONSUMER = 'promotion';
const LOCK = 727_003;
type Rule = { id: string; org_id: string | null; name: string; conditions: PromotionConditions };
type AlertRow = AlertFacts & { id: string; day: string; lastSeen: Date };

/**
 * Opens or updates incidents from alerts by the promotion rules. It consumes `alerts.ingested`
 * events from the outbox with a durable cursor, so a restart resumes where it stopped, and every
 * step is idempotent (one open incident per rule and group; an alert is linked once).
 */
export class PromotionEngine {
  #p: Platform;
  #queue: OutboxEvent[] = [];
  #running: Promise<void> | null = null;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** Catches up on events missed while stopped, then follows the relay. */
  async start(): Promise<void> {
    const cursor = await this.#cursor(this.#p.db);
    const missed = await sql<{ id: string; type: string; audience: never; payload: unknown; created_at: Date }>`select id::text as id, type, audience, payload, created_at
      from outbox where outbox.id > ${cursor}::bigint and type = 'alerts.ingested' order by outbox.id`.execute(this.#p.db);
    this.#enqueue(missed.rows.map((r) => ({ id: r.id, type: r.type, audience: r.audience, payload: r.payload, createdAt: r.created_at })));
    this.#p.relay.subscribe((events) => this.#enqueue(events.filter((e) => e.type === 'alerts.ingested')));
  }

  /** Resolves when every queued batch has been evaluated (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #enqueue(events: OutboxEvent[]): void {
    if (!events.length) return;
    this.#queue.push(...events);
    this.#running ??= this.#drain().finally(() => (this.#running = null));
  }

  async #drain(): Promise<void> {
    while (this.#queue.length) {
      const event = this.#queue.shift()!;
      try {
        // Loaded before the transaction: on the embedded engine a query outside it would wait forever.
        await this.#p.orgTree.ensure();
        await this.#p.db.transaction().execute((tx) => this.#process(tx, event));
        this.#p.relay.wake();
      } catch {
        // Left at the cursor: the next start retries it.
      }
    }
  }

  async #cursor(db: Kysely<DB>): Promise<string> {
    const r = await db.selectFrom('consumer_offsets').select('last_id').where('name', '=', CONSUMER).executeTakeFirst();
    return r?.last_id ?? '0';
  }

  async #process(tx: Kysely<DB>, event: OutboxEvent): Promise<void> {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    if (BigInt(await this.#cursor(tx)) >= BigInt(event.id)) return;
    const { batchId, orgId } = event.payload as { batchId: string; orgId: string };
    const owners = [orgId, ...this.#p.orgTree.ancestors(orgId)];
    const rules = (await sql<Rule>`select id, org_id, name, conditions from promotion_rules where enabled and (org_id is null or org_id = any(${owners}::uuid[]))`.execute(tx)).rows;
    for (const rule of rules) await this.#apply(tx, rule, await this.#candidates(tx, rule.conditions, batchId, orgId));
    await sql`insert into consumer_offsets (name, last_id) values (${CONSUMER}, ${event.id}::bigint)
      on conflict (name) do update set last_id = excluded.last_id, updated_at = now()`.execute(tx);
  }

  /** Alerts of the batch that pass the rule's conditions SQL can check (the rest are checked in memory). */
  async #candidates(tx: Kysely<DB>, c: PromotionConditions, batchId: string, orgId: string): Promise<AlertRow[]> {
    const r = await sql<AlertRow>`select id::text as id, day::text as day, org_id as "orgId", severity, rsit_class as "rsitClass", format, rule_id as "ruleId", title,
        attack, asset_hostname as "assetHostname", host(src_ip) as "srcIp", observables, last_seen as "lastSeen"
      from alerts where last_batch = ${batchId}::bigint and org_id = ${orgId}
        ${c.minSeverity ? sql`and severity >= ${c.minSeverity}` : sql``}
        ${c.rsitClasses?.length ? sql`and rsit_class = any(${c.rsitClasses}::text[])` : sql``}
        ${c.formats?.length ? sql`and format = any(${c.formats}::text[])` : sql``}
        ${c.ruleIds?.length ? sql`and rule_id = any(${c.ruleIds}::text[])` : sql``}`.execute(tx);
    return r.rows;
  }

  async #apply(tx: Kysely<DB>, rule: Rule, alerts: AlertRow[]): Promise<void> {
    const c = rule.conditions;
    const groups = new Map<string, AlertRow[]>();
    for (const a of alerts) if (matchesConditions(c, a)) (groups.get(groupKey(c, a)) ?? groups.set(groupKey(c, a), []).get(groupKey(c, a))!).push(a);
    if (groups.size === 0) return;
    const counts = c.count ? await this.#countsInWindow(tx, c, [...groups.values()].map((g) => g[0]!)) : null;
    for (const [key, members] of groups) {
      if (counts && (counts.get(groupValue(c, members[0]!)) ?? 0) < c.count!.threshold) continue;
      await this.#openOrUpdate(tx, rule, key, members);
    }
  }

  /** Occurrences inside the window for every group of the batch, in one query (same organisation). */
  async #countsInWindow(tx: Kysely<DB>, c: PromotionConditions, firsts: AlertRow[]): Promise<Map<string, number>> {
    const by = c.count!.groupBy;
    const expr = by === 'srcIp' ? sql`coalesce(host(src_ip), '-')` : by === 'asset' ? sql`coalesce(asset_hostname, '-')` : by === 'rule' ? sql`coalesce(rule_id, title)` : sql`''`;
    const keys = firsts.map((a) => groupValue(c, a));
    const window = c.count!.windowMinutes;
    const r = await sql<{ k: string; n: number }>`select ${expr} as k, sum(occurrences)::int as n from alerts
      where org_id = ${firsts[0]!.orgId} and day >= (now() - make_interval(mins => ${window}))::date and last_seen >= now() - make_interval(mins => ${window})
        and severity >= ${c.minSeverity ?? 1} ${c.rsitClasses?.length ? sql`and rsit_class = any(${c.rsitClasses}::text[])` : sql``}
        and ${expr} = any(${keys}::text[])
      group by 1`.execute(tx);
    return new Map(r.rows.map((x) => [x.k, x.n]));
  }

  async #openOrUpdate(tx: Kysely<DB>, rule: Rule, key: string, members: AlertRow[]): Promise<void> {
    const top = members.reduce((m, a) => (a.severity > m.severity ? a : m), members[0]!);
    const severity = rule.conditions.incidentSeverity ?? top.severity;
    const title = `${rule.name}: ${top.title}`.slice(0, 500);
    const inc = await sql<{ id: string; created: boolean }>`insert into incidents (org_id, title, severity, rule_id, group_key, first_alert_at, last_alert_at)
      values (${top.orgId}, ${title}, ${severity}, ${rule.id}, ${key}, now(), now())
      on conflict (rule_id, group_key) where status not in ('closed', 'rejected')
      do update set severity = greatest(incidents.severity, excluded.severity), last_alert_at = now(), updated_at = now()
      returning id, (created_at = updated_at) as created`.execute(tx);
    const { id, created } = inc.rows[0]!;
    const days = members.map((m) => m.day);
    const ids = members.map((m) => m.id);
    await sql`insert into incident_alerts (incident_id, alert_day, alert_id) select ${id}, d, i from unnest(${days}::date[], ${ids}::bigint[]) as t(d, i) on conflict do nothing`.execute(tx);
    await sql`update alerts set incident_id = ${id} from unnest(${days}::date[], ${ids}::bigint[]) as t(d, i) where alerts.day = t.d and alerts.id = t.i`.execute(tx);
    await sql`update incidents set alert_count = (select count(*) from incident_alerts where incident_id = ${id}) where id = ${id}`.execute(tx);
    await sql`insert into outbox (type, audience, payload) values (${created ? 'incident.created' : 'incident.updated'}, ${JSON.stringify({ orgIds: [top.orgId] })}::jsonb,
      ${JSON.stringify({ id, orgId: top.orgId, title, severity, ruleId: rule.id, alerts: members.length })}::jsonb)`.execute(tx);
  }
}
