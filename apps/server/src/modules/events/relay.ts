import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { outboxRepository, type OutboxEvent } from './outbox.repository.ts';

export type Subscriber = (events: OutboxEvent[]) => void;

const BATCH = 500;
const GAP_PATIENCE_MS = 10_000;

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
  #subscribers = new Set<Subscriber>();
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

  get cursor(): string {
    return this.#cursor;
  }

  /** Asks for a delivery round soon; rounds never overlap, and a wake during one causes another. */
  wake(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#round()
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

  /** Waits until everything committed so far has been delivered (tests, shutdown). */
  async flush(): Promise<void> {
    this.wake();
    while (this.#running) await this.#running;
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
      const events = await outboxRepository.readAfter(this.#db, this.#cursor, BATCH);
      if (events.length === 0) return;
      let expected = BigInt(this.#cursor) + 1n;
      for (const e of events) {
        // A sequence may jump (cached values, crash recovery); only short gaps can be late commits.
        if (BigInt(e.id) - expected < 1000n) for (let id = expected; id < BigInt(e.id); id++) this.#gaps.set(id.toString(), now);
        expected = BigInt(e.id) + 1n;
      }
      this.#cursor = events[events.length - 1]!.id;
      this.#deliver(events);
      if (events.length < BATCH) return;
    }
  }

  #deliver(events: OutboxEvent[]): void {
    for (const fn of this.#subscribers) {
      try {
        fn(events);
      } catch {
        /* one subscriber's failure must not stop the others */
      }
    }
  }
}
