import type { Kysely } from 'kysely';
import { withDbPriority, type DB, type DbPriority } from '../../db/index.ts';
import type { ConsumerParts } from './alerts-parts.ts';
import type { CommittedAlert, CommittedBatch } from '../../common/alert-feed.ts';
import { capturingOutbox, type OutboxEvent } from '../events/index.ts';
import { consumerRepository } from './batch-consumer.repository.ts';

const RECENT_BATCHES = 256;
/** And at most this many alerts held in them (about 1 KB each), whatever the batch size. */
const RECENT_ALERTS = 50_000;
/** Most events handled in one transaction. */
const GROUP = 32;
/**
 * And, past the first event, at most this many alerts: on the embedded engine a transaction holds the
 * one connection, and what someone waits on live (a warning, an inject) waits for it to end. Many small
 * batches still go together (one set of statements for 32 of them); large ones go one by one.
 */
const GROUP_ALERTS = 500;
/**
 * A consumer that decides in memory and rarely writes (correlation) takes larger groups: its work per
 * group has a part that grows with what it remembers, not with the group, so under load a backlog is
 * caught up in fewer, larger rounds instead of growing.
 */
export const LARGE_GROUP = { events: 512, alerts: 5_000 } as const;
/**
 * A consumer this many alerts behind (seconds of national traffic: a pause, a burst, a restart) takes
 * large groups until it is back: fewer statements per alert, so a backlog shrinks instead of holding.
 */
const CATCH_UP_ALERTS = 10_000;
/** A cursor moved only by batches with nothing to store is saved at most this often. */
const SAVE_IDLE_CURSOR_MS = 5_000;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;

/** Live batches (`alerts.ingested`) and history loaded from an archive (`alerts.imported`). */
export const LIVE_BATCHES = 'alerts.ingested';
export const HISTORY_BATCHES = 'alerts.imported';

/** One organisation's alerts of one committed batch (one `alerts.ingested` or `alerts.imported` event). */
export interface ConsumedBatch {
  eventId: string;
  batchId: string;
  orgId: string;
  /** Loaded from an archive: counted on its days, never promoted or correlated as live activity. */
  historical: boolean;
  /** The exercise whose inject sent it: promoted into the exercise's own incidents, never counted or correlated as real. */
  exerciseId: string | null;
  alerts: CommittedAlert[];
}

/**
 * A committed batch waiting for the consumer: what it takes from the event, not the event (whose
 * payload carries up to a hundred alert summaries for consoles). A backlog costs about a hundred bytes
 * a batch, however far behind the consumer is.
 */
interface QueuedBatch { eventId: string; batchId: string; orgId: string; exerciseId: string | null; historical: boolean; count: number }

function queued(e: Pick<OutboxEvent, 'id' | 'type' | 'payload'>): QueuedBatch {
  const p = e.payload as { batchId: string; orgId: string; exerciseId?: string; count?: number };
  return { eventId: e.id, batchId: p.batchId, orgId: p.orgId, exerciseId: p.exerciseId ?? null, historical: e.type === HISTORY_BATCHES, count: p.count ?? 0 };
}

/** What a consumer reports of itself (the node's metrics): its backlog and the failures of the group it retries. */
export interface ConsumerHealth { name: string; failures: number; lastError: string | null; queued: number; queuedAlerts: number }

/** What a consumer stores for a group of batches, inside its transaction. */
export type BatchWrite = (tx: Kysely<DB>) => Promise<void>;

/**
 * Decides what a group of batches means for a consumer: the write to make, or null when there is
 * nothing to store (most batches, for correlation and sightings), so no transaction is spent. Work
 * done here holds no transaction: on the embedded engine, work inside one holds its only connection.
 * A planner that reads the database does so on `within` when given: part of a group planned again
 * inside its transaction (another process handled the rest) must not query outside it.
 */
export type BatchPlanner = (batches: ConsumedBatch[], within?: Kysely<DB>) => BatchWrite | null | Promise<BatchWrite | null>;

/**
 * A durable consumer of committed alert batches (`alerts.ingested` events): promotion, statistics,
 * correlation, sightings. Events are handled in id order, a group at a time, in one transaction that
 * also moves the consumer's cursor (so a restart resumes where it stopped), under an advisory lock (so
 * several processes never store the same event twice). The alerts come from memory when this process
 * committed the batch (the alert feed) and are read back from the database otherwise. A failed group
 * is retried with back-off, never skipped.
 */
export class AlertBatchConsumer {
  #p: ConsumerParts;
  #name: string;
  #lock: number;
  #plan: BatchPlanner;
  #priority: DbPriority;
  #types: string[];
  #queue: QueuedBatch[] = [];
  #queuedAlerts = 0;
  #group: { events: number; alerts: number };
  #running: Promise<void> | null = null;
  #recent = new Map<string, Map<string, CommittedAlert[]>>();
  #recentAlerts = 0;
  #unsubscribe: (() => void)[] = [];
  #idleCursor: { id: string; savedAt: number } = { id: '0', savedAt: 0 };
  #failures = 0;
  #lastError: string | null = null;
  #stopping = false;
  #cancelRetry: (() => void) | null = null;

  /**
   * `priority`: `urgent` for consumers someone waits on live (campaigns → warnings), else `background`.
   * `history`: also hear batches loaded from an archive (statistics do; promotion and correlation, which
   * act on live activity, do not, so a month-old archive opens no incident and links no campaign).
   * `group`: the most events and alerts handled at once (GROUP and GROUP_ALERTS unless given).
   */
  constructor(parts: ConsumerParts, opts: { name: string; lock: number; plan: BatchPlanner; priority?: DbPriority; history?: boolean; group?: { events: number; alerts: number } }) {
    this.#p = parts;
    this.#name = opts.name;
    this.#lock = opts.lock;
    this.#plan = opts.plan;
    this.#priority = opts.priority ?? 'background';
    this.#types = opts.history ? [LIVE_BATCHES, HISTORY_BATCHES] : [LIVE_BATCHES];
    this.#group = opts.group ?? { events: GROUP, alerts: GROUP_ALERTS };
    this.#unsubscribe.push(parts.alertFeed.subscribe((batch) => this.#remember(batch)));
  }

  /** Consecutive failures of the current group and the last error (0 and null when healthy); events and alerts waiting. */
  get health(): ConsumerHealth {
    return { name: this.#name, failures: this.#failures, lastError: this.#lastError, queued: this.#queue.length, queuedAlerts: this.#queuedAlerts };
  }

  /** Catches up on events missed while stopped, then follows the relay. */
  async start(): Promise<void> {
    // Started again after a stop (this node took a worker's lead back): follows the feed anew.
    if (this.#stopping) {
      this.#stopping = false;
      this.#unsubscribe.push(this.#p.alertFeed.subscribe((batch) => this.#remember(batch)));
    }
    const cursor = await consumerRepository.cursor(this.#p.db, this.#name);
    this.#enqueue((await consumerRepository.eventsAfter(this.#p.db, cursor, this.#types)).map(queued));
    this.#unsubscribe.push(this.#p.relay.subscribe((events) => this.#enqueue(events.filter((e) => this.#types.includes(e.type)).map(queued))));
  }

  /**
   * Stops following; what is queued is still finished by `idle()`, but a group that fails is no longer
   * retried (it stays after the saved cursor, so the next start handles it): shutdown never waits on it.
   */
  stop(): void {
    for (const u of this.#unsubscribe.splice(0)) u();
    this.#stopping = true;
    this.#cancelRetry?.();
  }

  /** Resolves when every queued batch has been handled (tests, shutdown), its cursor saved. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#saveIdleCursor(0);
  }

  #remember(batch: CommittedBatch): void {
    const byOrg = new Map<string, CommittedAlert[]>();
    for (const a of batch.alerts) (byOrg.get(a.orgId) ?? byOrg.set(a.orgId, []).get(a.orgId)!).push(a);
    this.#recent.set(batch.batchId, byOrg);
    this.#recentAlerts += batch.alerts.length;
    // Bounded: a batch whose event comes too late is read back from the database instead.
    while (this.#recent.size > RECENT_BATCHES || (this.#recentAlerts > RECENT_ALERTS && this.#recent.size > 1)) {
      const [oldest, rows] = this.#recent.entries().next().value!;
      this.#recent.delete(oldest);
      for (const list of rows.values()) this.#recentAlerts -= list.length;
    }
  }

  #takeRecent(batchId: string, orgId: string): CommittedAlert[] | null {
    const byOrg = this.#recent.get(batchId);
    const rows = byOrg?.get(orgId);
    if (!byOrg || !rows) return null;
    byOrg.delete(orgId);
    this.#recentAlerts -= rows.length;
    if (byOrg.size === 0) this.#recent.delete(batchId);
    return rows;
  }

  #enqueue(batches: QueuedBatch[]): void {
    if (!batches.length) return;
    for (const b of batches) {
      this.#queue.push(b);
      this.#queuedAlerts += b.count;
    }
    this.#kick();
  }

  #kick(): void {
    this.#running ??= withDbPriority(this.#priority, () => this.#drain()).finally(() => {
      this.#running = null;
      // Events may arrive while the last cursor save is under way.
      if (this.#queue.length) this.#kick();
    });
  }

  /**
   * Handles what is queued, up to GROUP events per transaction: under load the consumers keep up with
   * fewer, larger transactions instead of queueing one per batch behind ingest.
   */
  async #drain(): Promise<void> {
    const taken = new Map<string, CommittedAlert[]>();
    while (this.#queue.length) {
      try {
        // Loaded before the transaction: on the embedded engine a query inside it from outside would wait forever.
        await this.#p.orgTree.ensure();
        const batches: ConsumedBatch[] = [];
        let alertsInGroup = 0;
        const group = this.#queuedAlerts > CATCH_UP_ALERTS ? LARGE_GROUP : this.#group;
        const heads = this.#queue.slice(0, group.events);
        // Batches committed elsewhere, or dropped from memory while far behind: read back together, not one statement each.
        const absent = heads.filter((q) => !taken.has(q.eventId) && !this.#recent.get(q.batchId)?.has(q.orgId));
        if (absent.length > 1) {
          const read = await this.#p.alertFeed.readBackMany(absent, (parts) => consumerRepository.readBatches(this.#p.db, parts));
          absent.forEach((q, i) => taken.set(q.eventId, read[i]!));
        }
        for (const q of heads) {
          const { eventId, batchId, orgId } = q;
          const alerts = taken.get(eventId) ?? this.#takeRecent(batchId, orgId) ?? (await this.#p.alertFeed.readBack(batchId, orgId, () => consumerRepository.readBatch(this.#p.db, batchId, orgId)));
          taken.set(eventId, alerts);
          if (batches.length && alertsInGroup + alerts.length > group.alerts) break;
          alertsInGroup += alerts.length;
          batches.push({ eventId, batchId, orgId, historical: q.historical, exerciseId: q.exerciseId, alerts });
        }
        await this.#handle(batches);
        for (const b of this.#queue.splice(0, batches.length)) this.#queuedAlerts -= b.count;
        for (const b of batches) taken.delete(b.eventId);
        this.#failures = 0;
        this.#lastError = null;
      } catch (err) {
        this.#failures++;
        this.#lastError = err instanceof Error ? err.message : String(err);
        if (this.#stopping) {
          this.#queue.length = 0;
          this.#queuedAlerts = 0;
          break;
        }
        // Kept at the head of the queue and retried: a skipped batch would be a gap in every roll-up.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.#failures - 1)));
          this.#cancelRetry = () => (clearTimeout(timer), resolve());
        });
        this.#cancelRetry = null;
      }
    }
    await this.#saveIdleCursor(SAVE_IDLE_CURSOR_MS);
  }

  async #handle(batches: ConsumedBatch[]): Promise<void> {
    const lastId = batches[batches.length - 1]!.eventId;
    const write = await this.#plan(batches);
    if (!write) {
      this.#idleCursor.id = lastId;
      return;
    }
    const { events } = await capturingOutbox(() => this.#p.db.transaction().execute(async (tx) => {
      // Several processes share PostgreSQL: one at a time past this point. The embedded engine is one process whose
      // transactions already go one by one on its one connection: the lock would be a turn of it for nothing.
      if (this.#p.database.engine !== 'pglite') await consumerRepository.lock(tx, this.#lock);
      const cursor = BigInt(await consumerRepository.cursor(tx, this.#name));
      const todo = batches.filter((b) => BigInt(b.eventId) > cursor);
      if (!todo.length) return;
      // Another process got part of the group first: only the rest is stored here.
      const rest = todo.length === batches.length ? write : await this.#plan(todo, tx);
      if (rest) await rest(tx);
      await consumerRepository.setCursor(tx, this.#name, lastId);
    }));
    this.#p.relay.publishCommitted(events);
  }

  /** Saves a cursor moved by batches with nothing to store, when it is older than `ageMs`. */
  async #saveIdleCursor(ageMs: number): Promise<void> {
    const c = this.#idleCursor;
    if (c.id === '0' || Date.now() - c.savedAt < ageMs) return;
    const id = c.id;
    c.savedAt = Date.now();
    await consumerRepository.setCursor(this.#p.db, this.#name, id).catch(() => {
      c.savedAt = 0;
    });
  }

}

/** A worker built on one batch consumer (promotion, statistics, sightings, campaigns): its life cycle is the consumer's. */
export abstract class BatchConsumerWorker {
  protected abstract readonly consumer: AlertBatchConsumer;

  /** Catches up on batches missed while stopped, then follows new ones. */
  start(): Promise<void> {
    return this.consumer.start();
  }

  /** Stops following new batches (shutdown); `idle()` then finishes what is queued. */
  stop(): void {
    this.consumer.stop();
  }

  /** Resolves when every batch heard so far is handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.consumer.idle();
  }

  /** The backlog and failures of its consumer (the node's metrics). */
  get health(): ConsumerHealth {
    return this.consumer.health;
  }
}
