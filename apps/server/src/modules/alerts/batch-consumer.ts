import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { CommittedAlert, CommittedBatch } from '../../core/alert-feed.ts';
import type { OutboxEvent } from '../events/index.ts';

const RECENT_BATCHES = 256;
/** Most events handled in one transaction. */
const GROUP = 32;

/** What a consumer does with one organisation's alerts of one committed batch, inside its transaction. */
export type BatchHandler = (tx: Kysely<DB>, batch: { eventId: string; batchId: string; orgId: string }, alerts: CommittedAlert[]) => Promise<void>;

/**
 * A durable consumer of committed alert batches (`alerts.ingested` events): promotion, statistics,
 * correlation. Each event is handled once, in id order, in one transaction that also moves the
 * consumer's cursor (so a restart resumes where it stopped), under an advisory lock (so several
 * processes never handle the same event twice). The alerts come from memory when this process
 * committed the batch (the alert feed) and are read back from the database otherwise.
 */
export class AlertBatchConsumer {
  #p: Platform;
  #name: string;
  #lock: number;
  #handle: BatchHandler;
  #queue: OutboxEvent[] = [];
  #running: Promise<void> | null = null;
  #recent = new Map<string, Map<string, CommittedAlert[]>>();
  #unsubscribe: (() => void)[] = [];

  constructor(platform: Platform, opts: { name: string; lock: number; handle: BatchHandler }) {
    this.#p = platform;
    this.#name = opts.name;
    this.#lock = opts.lock;
    this.#handle = opts.handle;
    this.#unsubscribe.push(platform.alertFeed.subscribe((batch) => this.#remember(batch)));
  }

  /** Catches up on events missed while stopped, then follows the relay. */
  async start(): Promise<void> {
    const cursor = await this.#cursor(this.#p.db);
    const missed = await sql<{ id: string; type: string; audience: never; payload: unknown; created_at: Date }>`select id::text as id, type, audience, payload, created_at
      from outbox where outbox.id > ${cursor}::bigint and type = 'alerts.ingested' order by outbox.id`.execute(this.#p.db);
    this.#enqueue(missed.rows.map((r) => ({ id: r.id, type: r.type, audience: r.audience, payload: r.payload, createdAt: r.created_at })));
    this.#unsubscribe.push(this.#p.relay.subscribe((events) => this.#enqueue(events.filter((e) => e.type === 'alerts.ingested'))));
  }

  /** Stops following; what is queued is still finished by `idle()`. */
  stop(): void {
    for (const u of this.#unsubscribe.splice(0)) u();
  }

  /** Resolves when every queued batch has been handled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #remember(batch: CommittedBatch): void {
    const byOrg = new Map<string, CommittedAlert[]>();
    for (const a of batch.alerts) (byOrg.get(a.orgId) ?? byOrg.set(a.orgId, []).get(a.orgId)!).push(a);
    this.#recent.set(batch.batchId, byOrg);
    // Bounded: a batch whose event comes too late is read back from the database instead.
    if (this.#recent.size > RECENT_BATCHES) this.#recent.delete(this.#recent.keys().next().value!);
  }

  #takeRecent(batchId: string, orgId: string): CommittedAlert[] | null {
    const byOrg = this.#recent.get(batchId);
    const rows = byOrg?.get(orgId);
    if (!byOrg || !rows) return null;
    byOrg.delete(orgId);
    if (byOrg.size === 0) this.#recent.delete(batchId);
    return rows;
  }

  #enqueue(events: OutboxEvent[]): void {
    if (!events.length) return;
    this.#queue.push(...events);
    this.#running ??= this.#drain().finally(() => (this.#running = null));
  }

  /**
   * Handles what is queued, up to GROUP events per transaction: under load the consumers keep up with
   * fewer, larger transactions instead of queueing one per batch behind ingest.
   */
  async #drain(): Promise<void> {
    while (this.#queue.length) {
      const group = this.#queue.splice(0, GROUP).map((event) => {
        const { batchId, orgId } = event.payload as { batchId: string; orgId: string };
        return { event, batchId, orgId, recent: this.#takeRecent(batchId, orgId) };
      });
      try {
        // Loaded before the transaction: on the embedded engine a query outside it would wait forever.
        await this.#p.orgTree.ensure();
        await this.#p.db.transaction().execute(async (tx) => {
          await sql`select pg_advisory_xact_lock(${this.#lock})`.execute(tx);
          const cursor = BigInt(await this.#cursor(tx));
          const todo = group.filter((g) => BigInt(g.event.id) > cursor);
          if (!todo.length) return;
          for (const g of todo) await this.#handle(tx, { eventId: g.event.id, batchId: g.batchId, orgId: g.orgId }, g.recent ?? (await readBatch(tx, g.batchId, g.orgId)));
          await sql`insert into consumer_offsets (name, last_id) values (${this.#name}, ${todo[todo.length - 1]!.event.id}::bigint)
            on conflict (name) do update set last_id = excluded.last_id, updated_at = now()`.execute(tx);
        });
        this.#p.relay.wake();
      } catch {
        // Left at the cursor: the next start retries them.
      }
    }
  }

  async #cursor(db: Kysely<DB>): Promise<string> {
    const r = await db.selectFrom('consumer_offsets').select('last_id').where('name', '=', this.#name).executeTakeFirst();
    return r?.last_id ?? '0';
  }
}

/** One organisation's alerts of a batch, read back as the feed would have carried them. */
async function readBatch(tx: Kysely<DB>, batchId: string, orgId: string): Promise<CommittedAlert[]> {
  const r = await sql<CommittedAlert & { lastSeen: Date; receivedAt: Date }>`select id::text as id, day::text as day, org_id as "orgId", reporter_org_id as "reporterOrgId",
      batch_id = last_batch as inserted, batch_occurrences as occurrences, severity, rsit_class as "rsitClass", format, rule_id as "ruleId", title, attack,
      asset_hostname as "assetHostname", host(src_ip) as "srcIp", host(dst_ip) as "dstIp", observables, sectors, province_code as "provinceCode", last_seen as "lastSeen", received_at as "receivedAt", indicator_matches as "indicatorMatches"
    from alerts where last_batch = ${batchId}::bigint and org_id = ${orgId}`.execute(tx);
  return r.rows.map((a) => ({ ...a, lastSeen: a.lastSeen.toISOString(), receivedAt: a.receivedAt.toISOString() }));
}
