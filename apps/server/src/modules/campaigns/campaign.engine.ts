import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { CommittedAlert } from '../../core/alert-feed.ts';
import { AlertBatchConsumer, BatchConsumerWorker, type BatchWrite } from '../alerts/index.ts';
import { CampaignIndex, DEFAULT_DETECTOR, type DetectorOptions, type LinkAlert } from './campaign-index.ts';
import { campaignsRepository, type CampaignWrite } from './campaigns.repository.ts';

const LOCK = 727_008;
const REBUILD_LIMIT = 200_000;
const PRUNE_EVERY_MS = 60_000;
type Row = LinkAlert & { id: string; day: string; severity: number };

/** Called inside the campaign's transaction when a campaign reaches medium confidence or more (warnings). */
export type CampaignHook = (tx: Kysely<DB>, c: CampaignWrite & { id: string; created: boolean }) => Promise<void>;

/**
 * Links alerts of different organisations into campaigns. A durable batch consumer (cursor, advisory
 * lock, batches from memory when committed here) at urgent priority: the warning a campaign raises is
 * waited for live. Idempotent: one campaign per link key, members linked once.
 */
export class CampaignEngine extends BatchConsumerWorker {
  #p: Platform;
  #index: CampaignIndex;
  protected readonly consumer: AlertBatchConsumer;
  #prunedAt = 0;
  hook: CampaignHook | null = null;
  readonly opts: DetectorOptions;

  constructor(platform: Platform, opts: DetectorOptions = DEFAULT_DETECTOR) {
    super();
    this.#p = platform;
    this.opts = opts;
    this.#index = new CampaignIndex(opts);
    this.consumer = new AlertBatchConsumer(platform, { name: 'campaigns', lock: LOCK, priority: 'urgent', plan: (batches) => this.#plan(batches.filter((b) => b.exerciseId === null).flatMap((b) => b.alerts)) });
  }

  /** Rebuilds the window index from recent alerts, then catches up on missed batches and follows the relay. */
  override async start(): Promise<void> {
    const since = new Date(this.#p.now().getTime() - this.opts.windowMs);
    const rows = await sql<Row & { lastSeen: Date }>`select org_id as "orgId", last_seen as "lastSeen", host(src_ip) as "srcIp", attack, observables from alerts
      where day >= ${since.toISOString().slice(0, 10)}::date and last_seen >= ${since}
        and not exists (select 1 from alert_sources s where s.id = alerts.source_id and s.exercise_id is not null)
      order by last_seen desc limit ${REBUILD_LIMIT}`.execute(this.#p.db);
    for (const r of rows.rows) this.#index.observe({ ...r, at: r.lastSeen.getTime() });
    await this.consumer.start();
  }

  /** Observes the alerts in the window index; the write is the campaigns they link, if any. */
  #plan(alerts: CommittedAlert[]): BatchWrite | null {
    const byCampaign = new Map<string, Row[]>();
    for (const a of alerts) {
      const row: Row = { id: a.id, day: a.day, orgId: a.orgId, severity: a.severity, at: Date.parse(a.lastSeen), srcIp: a.srcIp, attack: a.attack, observables: a.observables };
      for (const key of this.#index.observe(row)) {
        const link = this.#index.link(key);
        if (!link) continue;
        const members = byCampaign.get(link.campaignKey) ?? byCampaign.set(link.campaignKey, []).get(link.campaignKey)!;
        if (!members.includes(row)) members.push(row);
      }
    }
    const now = Date.now();
    if (now - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#index.prune(now);
      this.#prunedAt = now;
    }
    if (!byCampaign.size) return null;
    return async (tx) => {
      for (const [key, members] of byCampaign) {
        const link = this.#index.link(key)!;
        const { level, shared } = this.#index.confidence(link);
        const write: CampaignWrite = { linkKey: key, confidence: level, techniques: shared, severity: Math.max(...members.map((m) => m.severity)), link, members };
        const saved = await campaignsRepository.upsert(tx, write);
        if (this.hook && level !== 'low') await this.hook(tx, { ...write, ...saved });
      }
    };
  }
}
