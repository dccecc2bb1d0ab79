import type { Kysely } from 'kysely';
import { withDbPriority, type DB } from '../../db/index.ts';
import { outboxRepository, type OutboxEvent } from './outbox.repository.ts';

export type Subscriber = (events: OutboxEvent[]) => void;

const BATCH = 500;
const GAP_PATIENCE_MS = 10_000;
/**
 * How long delivery waits at a gap before going past it. Consumers keep one cursor each, so an event
 * delivered late (below their cursor) would be one they never handle; almost every gap is a commit
 * landing a few milliseconds after a later one, so waiting briefly keeps delivery in commit order.
 */
const GAP_HOLD_MS = 250;
const HOLD_RETRY_MS = 20;

/**
 * Delivers committed outbox events, in id order, to in-process subscribers (the event stream,
 * caches, later correlation). It is woken after each local commit and also polls, so events
 * written by other server processes reach this one too. On PostgreSQL a lower id can commit after a
 * higher one; such gaps are watched for a while before being given up as rolled back.
 */
export class EventRelay {
  #db: Kysely<DB>;
  #cursor = '0';
  #gaps = new Map<string, number>();
  #holding = new Map<string, number>();
  #subscribers = new Set<Subscriber>();
  #committed = new Set<Subscriber>();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #pollMs: number;

  constructor(db: Kysely<DB>, pollMs = 500) {
    this.#db = db;
    this.#pollMs = pollMs;
  }

  /** Starts from the current head: history is served by `readAfter`, not replayed to subscribers. */
  async start(): Promise<void> {
    this.#cursor = await outboxRepository.headId(this.#db);
    this.#timer = setInterval(() => this.wake(), this.#pollMs);
    this.#timer.unref();
  }

  stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    return this.#running ?? Promise.resolve();
  }

  subscribe(fn: Subscriber): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }

  /**
   * Hears the events each transaction of this process committed, as soon as it committed, whether or
   * not they follow what was delivered (not in id order across transactions: a round may deliver them
   * later). What sends them on at once to other processes (which order them) listens here.
   */
  onCommitted(fn: Subscriber): () => void {
    this.#committed.add(fn);
    return () => this.#committed.delete(fn);
  }

  get cursor(): string {
    return this.#cursor;
  }

  /** Asks for a delivery round soon; rounds never overlap, and a wake during one causes another. */
  wake(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    // Urgent: every live consumer and console waits on this read; it must not queue behind bulk work.
    this.#running = withDbPriority('urgent', () => this.#round())
      .catch(() => {
        /* the next poll retries */
      })
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /**
   * Delivers events this process has just committed without reading them back, when they directly
   * follow what was delivered (the usual case on the embedded engine, where commits take turns);
   * otherwise, or while a round is reading, leaves them to a round as usual.
   */
  publishCommitted(events: OutboxEvent[]): void {
    if (!events.length) return;
    const sorted = [...events].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    for (const fn of this.#committed) {
      try {
        fn(sorted);
      } catch {
        /* a listener's failure must not stop delivery */
      }
    }
    let expected = BigInt(this.#cursor) + 1n;
    const follows = !this.#running && sorted.every((e) => BigInt(e.id) === expected++);
    if (!follows) return this.wake();
    this.#cursor = sorted[sorted.length - 1]!.id;
    this.#deliver(sorted);
  }

  /**
   * Waits until everything committed so far has been delivered (tests, shutdown), including past a gap
   * the relay is holding at, which it passes within GAP_HOLD_MS; gives up after GAP_PATIENCE_MS.
   */
  async flush(): Promise<void> {
    const head = BigInt(await withDbPriority('urgent', () => outboxRepository.headId(this.#db)));
    const deadline = Date.now() + GAP_PATIENCE_MS;
    for (;;) {
      this.wake();
      while (this.#running) await this.#running;
      if (BigInt(this.#cursor) >= head || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, HOLD_RETRY_MS));
    }
  }

  /** Events after `afterId` that a reconnecting client missed. */
  readAfter(afterId: string, limit = BATCH): Promise<OutboxEvent[]> {
    return outboxRepository.readAfter(this.#db, afterId, limit);
  }

  async #round(): Promise<void> {
    const late = await outboxRepository.readIds(this.#db, [...this.#gaps.keys()]);
    for (const e of late) this.#gaps.delete(e.id);
    const now = Date.now();
    for (const [id, since] of this.#gaps) if (now - since > GAP_PATIENCE_MS) this.#gaps.delete(id);
    if (late.length) this.#deliver(late);
    for (;;) {
      // `publishCommitted` never delivers while a round runs, so nothing read here went out yet.
      const events = await outboxRepository.readAfter(this.#db, this.#cursor, BATCH);
      if (events.length === 0) return;
      let expected = BigInt(this.#cursor) + 1n;
      let ready = events.length;
      for (let i = 0; i < events.length; i++) {
        const id = BigInt(events[i]!.id);
        // A sequence may jump (cached values, crash recovery); only short gaps can be late commits.
        if (id > expected && id - expected < 1000n) {
          if (this.#holdAt(expected, id, now)) {
            ready = i;
            break;
          }
          for (let g = expected; g < id; g++) this.#gaps.set(g.toString(), now);
        }
        expected = id + 1n;
      }
      if (ready === 0) return void setTimeout(() => this.wake(), HOLD_RETRY_MS).unref();
      const out = events.slice(0, ready);
      if (this.#holding.size) for (const e of out) this.#holding.delete(e.id);
      this.#cursor = out[out.length - 1]!.id;
      this.#deliver(out);
      if (ready < events.length) return void setTimeout(() => this.wake(), HOLD_RETRY_MS).unref();
      if (events.length < BATCH) return;
    }
  }

  /** Whether delivery should still wait for the ids in [from, to): true until the oldest has been missing GAP_HOLD_MS. */
  #holdAt(from: bigint, to: bigint, now: number): boolean {
    let since = now;
    for (let g = from; g < to; g++) {
      const key = g.toString();
      const first = this.#holding.get(key) ?? (this.#holding.set(key, now), now);
      since = Math.min(since, first);
    }
    if (now - since < GAP_HOLD_MS) return true;
    for (let g = from; g < to; g++) this.#holding.delete(g.toString());
    return false;
  }

  #deliver(events: OutboxEvent[]): void {
    for (const fn of this.#subscribers) {
      try {
        // Subscribers start their own work; it must not inherit the relay's urgency.
        withDbPriority('normal', () => fn(events));
      } catch {
        /* one subscriber's failure must not stop the others */
      }
    }
  }
}
