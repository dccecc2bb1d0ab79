import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { OutboxEvent } from '../events/index.ts';
import type { CommittedBatch } from '../../core/alert-feed.ts';
import { CampaignIndex, DEFAULT_DETECTOR, type DetectorOptions, type LinkAlert } from './campaign-index.ts';
import { campaignsRepository, type CampaignWrite } from './campaigns.repository.ts';

const CONSUMER = 'campaigns';
const RECENT_BATCHES = 256;
/** Most events handled in one transaction. */
const GROUP = 32;
const LOCK = 727_008;
const REBUILD_LIMIT = 200_000;
type Row = LinkAlert & { id: string; day: string; severity: number };

/** Called inside the campaign's transaction when a campaign reaches medium confidence or more (warnings). */
export type CampaignHook = (tx: Kysely<DB>, c: CampaignWrite & { id: string; created: boolean }) => Promise<void>;

/**
 * Links alerts of different organisations into campaigns. Like the promotion engine it follows
 * `alerts.ingested` with a durable cursor, reads each batch from the alert feed (or the database when
 * it was not heard here), and is idempotent (one campaign per link key; members linked once).
 */
export class CampaignEngine {
  #p: Platform;
  #index: CampaignIndex;
  #queue: OutboxEvent[] = [];
  #running: Promise<void> | null = null;
  #recent = new Map<string, Map<string, Row[]>>();
  #prunedAt = 0;
  hook: CampaignHook | null = null;

  constructor(platform: Platform, opts: DetectorOptions = DEFAULT_DETECTOR) {
    this.#p = platform;
    this.#index = new CampaignIndex(opts);
    this.opts = opts;
    platform.alertFeed.subscribe((batch) => this.#remember(batch));
  }
  readonly opts: DetectorOptions;

  #remember(batch: CommittedBatch): void {
    const byOrg = new Map<string, Row[]>();
    for (const a of batch.alerts) {
      const row: Row = { id: a.id, day: a.day, orgId: a.orgId, severity: a.severity, at: Date.parse(a.lastSeen), srcIp: a.srcIp, attack: a.attack, observables: a.observables };
      (byOrg.get(a.orgId) ?? byOrg.set(a.orgId, []).get(a.orgId)!).push(row);
    }
    this.#recent.set(batch.batchId, byOrg);
    if (this.#recent.size > RECENT_BATCHES) this.#recent.delete(this.#recent.keys().next().value!);
  }

  /** Rebuilds the window index from recent alerts, catches up on missed events, then follows the relay. */
  async start(): Promise<void> {
    const since = new Date(Date.now() - this.opts.windowMs);
    const rows = await sql<Row & { lastSeen: Date }>`select org_id as "orgId", last_seen as "lastSeen", host(src_ip) as "srcIp", attack, observables from alerts
      where day >= ${since.toISOString().slice(0, 10)}::date and last_seen >= ${since} order by last_seen desc limit ${REBUILD_LIMIT}`.execute(this.#p.db);
    for (const r of rows.rows) this.#index.observe({ ...r, at: r.lastSeen.getTime() });
    const cursor = await campaignsRepository.cursor(this.#p.db, CONSUMER);
    const missed = await sql<{ id: string; type: string; payload: unknown; created_at: Date }>`select id::text as id, type, payload, created_at from outbox
      where id > ${cursor}::bigint and type = 'alerts.ingested' order by id`.execute(this.#p.db);
    this.#enqueue(missed.rows.map((r) => ({ id: r.id, type: r.type, audience: {}, payload: r.payload, createdAt: r.created_at })));
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

  /** Handles what is queued, up to GROUP events per transaction, so a burst does not queue one transaction per batch. */
  async #drain(): Promise<void> {
    while (this.#queue.length) {
      const group = this.#queue.splice(0, GROUP);
      try {
        await this.#p.orgTree.ensure();
        const work: { event: OutboxEvent; rows: Row[] }[] = [];
        for (const event of group) {
          const { batchId, orgId } = event.payload as { batchId: string; orgId: string };
          work.push({ event, rows: this.#take(batchId, orgId) ?? (await this.#read(batchId, orgId)) });
        }
        await this.#p.db.transaction().execute(async (tx) => {
          for (const w of work) await this.#process(tx, w.event, w.rows);
        });
        this.#p.relay.wake();
      } catch {
        // Left at the cursor: the next start retries them.
      }
    }
  }

  #take(batchId: string, orgId: string): Row[] | null {
    const byOrg = this.#recent.get(batchId);
    const rows = byOrg?.get(orgId);
    if (!byOrg || !rows) return null;
    byOrg.delete(orgId);
    if (byOrg.size === 0) this.#recent.delete(batchId);
    return rows;
  }

  #read(batchId: string, orgId: string): Promise<Row[]> {
    return sql<Row & { lastSeen: Date }>`select id::text as id, day::text as day, org_id as "orgId", severity, last_seen as "lastSeen", host(src_ip) as "srcIp", attack, observables
      from alerts where last_batch = ${batchId}::bigint and org_id = ${orgId}`.execute(this.#p.db).then((r) => r.rows.map((x) => ({ ...x, at: x.lastSeen.getTime() })));
  }

  async #process(tx: Kysely<DB>, event: OutboxEvent, rows: Row[]): Promise<void> {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    if (BigInt(await campaignsRepository.cursor(tx, CONSUMER)) >= BigInt(event.id)) return;
    const byCampaign = new Map<string, Row[]>();
    for (const r of rows) {
      for (const key of this.#index.observe(r)) {
        const link = this.#index.link(key);
        if (!link) continue;
        const members = byCampaign.get(link.campaignKey) ?? byCampaign.set(link.campaignKey, []).get(link.campaignKey)!;
        if (!members.includes(r)) members.push(r);
      }
    }
    for (const [key, members] of byCampaign) {
      const link = this.#index.link(key)!;
      const { level, shared } = this.#index.confidence(link);
      const write: CampaignWrite = { linkKey: key, confidence: level, techniques: shared, severity: Math.max(...members.map((m) => m.severity)), link, members };
      const saved = await campaignsRepository.upsert(tx, write, (id) => this.#p.orgTree.profile(id));
      if (this.hook && level !== 'low') await this.hook(tx, { ...write, ...saved });
    }
    if (Date.now() - this.#prunedAt > 60_000) {
      this.#index.prune(Date.now());
      this.#prunedAt = Date.now();
    }
    await campaignsRepository.setCursor(tx, CONSUMER, event.id);
  }
}
