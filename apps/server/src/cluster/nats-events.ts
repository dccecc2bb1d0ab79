import { connect, nanos, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager, StorageType, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { ConsoleEvents, OutboxEvent, Subscriber } from '../modules/events/index.ts';
import type { LeaderJob } from './leadership.ts';

/** A connection and the names of one deployment's stream and subjects (LACHAN_NATS_STREAM: several deployments may share a NATS server). */
export interface EventsChannel {
  nc: NatsConnection;
  stream: string;
  /** Events are published under `<subject>.<type>`. */
  subject: string;
  /** Core NATS, no payload: "an outbox event was committed", so the publisher reads at once instead of at its next poll. */
  wakeSubject: string;
  /** Core NATS, payload an outbox id: the publisher has published (or given up as never committed) every event up to it. */
  publishedSubject: string;
}
const PUBLISHER_CURSOR = 'nats-events-publisher';
/** Events a console node holds behind a gap at most: past it (no publisher for a long while) the gap is read from the outbox. */
const MAX_WAITING = 10_000;
const PUBLISH_GROUP = 256;


/** The relay of this process (reads the outbox): what `ConsoleEvents` needs, plus waking it and hearing this process's commits. */
export interface LocalRelay extends ConsoleEvents {
  wake(): void;
  onCommitted(fn: Subscriber): () => void;
}

type Wire = { id: string; type: string; audience: OutboxEvent['audience']; payload: unknown; createdAt: string };

/** Connects to NATS and makes sure the events stream exists (file storage, a day kept, two minutes of de-duplication). */
export async function connectEvents(url: string, name: string, stream: string): Promise<EventsChannel> {
  const nc = await connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  const base = stream.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  const channel = { nc, stream, subject: `${base}.events`, wakeSubject: `${base}.outbox.wake`, publishedSubject: `${base}.outbox.published` };
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(stream);
  } catch {
    const config = { name: stream, subjects: [`${channel.subject}.>`], storage: StorageType.File, max_age: nanos(24 * 3_600_000), duplicate_window: nanos(120_000) };
    await jsm.streams.add(config).catch((err: Error) => {
      // Another node created it first.
      if (!/already in use|exists/i.test(err.message)) throw err;
    });
  }
  return channel;
}

/**
 * Publishes committed outbox events to JetStream in id order, led by one node: it resumes from its
 * durable cursor (`consumer_offsets`), and each message carries the outbox id as its `Nats-Msg-Id`,
 * so an event published again after a failover is dropped by the stream's de-duplication.
 */
export class EventsPublisher implements LeaderJob {
  #db: Kysely<DB>;
  #relay: LocalRelay;
  #js: JetStreamClient;
  #ch: EventsChannel;
  #queue: OutboxEvent[] = [];
  #published = '0';
  #unsubscribe: (() => void) | null = null;
  #wakes: Subscription | null = null;
  #running: Promise<void> | null = null;
  #stopped = true;

  constructor(channel: EventsChannel, db: Kysely<DB>, relay: LocalRelay) {
    this.#ch = channel;
    this.#js = jetstream(channel.nc);
    this.#db = db;
    this.#relay = relay;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    this.#unsubscribe = this.#relay.subscribe((events) => this.#enqueue(events));
    this.#wakes = this.#ch.nc.subscribe(this.#ch.wakeSubject, { callback: () => this.#relay.wake() });
    const r = await this.#db.selectFrom('consumer_offsets').select('last_id').where('name', '=', PUBLISHER_CURSOR).executeTakeFirst();
    this.#published = r?.last_id ?? '0';
    // What was committed while no node published: from the outbox, then what the relay hears.
    for (;;) {
      const missed = await this.#relay.readAfter(this.#published, 1000);
      if (!missed.length) break;
      await this.#publish(missed);
    }
    this.#kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#wakes?.unsubscribe();
    await this.#running;
  }

  /** Resolves when everything heard so far is published (tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #enqueue(events: OutboxEvent[]): void {
    this.#queue.push(...events);
    this.#kick();
  }

  #kick(): void {
    if (this.#stopped) return;
    this.#running ??= (async () => {
      while (this.#queue.length && !this.#stopped) {
        const group = this.#queue.splice(0, PUBLISH_GROUP);
        try {
          await this.#publish(group);
        } catch {
          // NATS away: keep them, try again shortly (the stream de-duplicates what did go through).
          this.#queue.unshift(...group);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    })().finally(() => (this.#running = null));
  }

  async #publish(events: OutboxEvent[]): Promise<void> {
    const todo = events.filter((e) => BigInt(e.id) > BigInt(this.#published));
    if (!todo.length) return;
    // In flight together, acknowledged in order of id; the cursor moves once all are stored.
    await Promise.all(todo.map((e) => this.#js.publish(`${this.#ch.subject}.${e.type}`, JSON.stringify({ ...e, createdAt: e.createdAt.toISOString() } satisfies Wire), { msgID: e.id })));
    this.#published = todo[todo.length - 1]!.id;
    // Consoles holding events behind a gap learn that it will not be filled from the stream.
    this.#ch.nc.publish(this.#ch.publishedSubject, this.#published);
    await sql`insert into consumer_offsets (name, last_id) values (${PUBLISHER_CURSOR}, ${this.#published}::bigint)
      on conflict (name) do update set last_id = greatest(consumer_offsets.last_id, excluded.last_id), updated_at = now()`.execute(this.#db);
  }
}

/**
 * The events every console of this node hears, from JetStream: the same on every node whoever
 * committed them, in id order. Each node publishes what its own transactions commit the moment they
 * commit (`Nats-Msg-Id` = outbox id, as the publisher does), so an event reaches other nodes' consoles
 * without waiting for the publisher's node; the publisher still publishes every event (the stream drops
 * the repeats) and so covers what nobody published directly. Events from several nodes arrive out of
 * id order: each waits here until those before it arrived, or until the publisher's watermark says it
 * passed them, when the missing ones are read from the outbox (absent: never committed). A reconnecting
 * console's missed events (`Last-Event-ID`) are read from the outbox, durable and in id order.
 */
export class NatsConsoleEvents implements ConsoleEvents {
  #ch: EventsChannel;
  #relay: LocalRelay;
  #js: JetStreamClient;
  #subscribers = new Set<Subscriber>();
  #cursor = '0';
  /** Arrived after a gap, waiting for it, by id. */
  #waiting = new Map<bigint, OutboxEvent>();
  #watermark = 0n;
  #filling: Promise<void> | null = null;
  #messages: ConsumerMessages | null = null;
  #watermarks: Subscription | null = null;
  #offs: (() => void)[] = [];
  #lastNudged = '0';
  #loop: Promise<void> | null = null;

  constructor(channel: EventsChannel, relay: LocalRelay) {
    this.#ch = channel;
    this.#relay = relay;
    this.#js = jetstream(channel.nc);
  }

  async start(): Promise<void> {
    this.#cursor = this.#relay.cursor;
    const consumer = await this.#js.consumers.get(this.#ch.stream, { deliver_policy: DeliverPolicy.New });
    this.#messages = await consumer.consume();
    this.#loop = (async () => {
      for await (const m of this.#messages!) {
        const w = m.json<Wire>();
        this.#arrived([{ ...w, createdAt: new Date(w.createdAt) }]);
      }
    })().catch(() => {});
    this.#watermarks = this.#ch.nc.subscribe(this.#ch.publishedSubject, {
      callback: (_err, m) => {
        const id = /^[0-9]{1,19}$/.test(m.string()) ? BigInt(m.string()) : 0n;
        if (id > this.#watermark) this.#watermark = id;
        this.#fillIfPassed();
      },
    });
    // This node's commits go out at once, and wake the publisher (wherever it runs) to cover them.
    this.#offs.push(this.#relay.onCommitted((events) => {
      for (const e of events) {
        const wire = JSON.stringify({ ...e, createdAt: e.createdAt.toISOString() } satisfies Wire);
        this.#js.publish(`${this.#ch.subject}.${e.type}`, wire, { msgID: e.id }).catch(() => {
          /* the publisher covers it */
        });
      }
      this.#nudge(events);
    }));
    // Events committed by this node's other writers (read back by its relay) wake the publisher too.
    this.#offs.push(this.#relay.subscribe((events) => this.#nudge(events)));
  }

  async stop(): Promise<void> {
    for (const off of this.#offs) off();
    this.#watermarks?.unsubscribe();
    await this.#messages?.close();
    await this.#loop;
    await this.#filling;
  }

  subscribe(fn: Subscriber): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }

  get cursor(): string {
    return this.#cursor;
  }

  readAfter(afterId: string, limit?: number): Promise<OutboxEvent[]> {
    return this.#relay.readAfter(afterId, limit);
  }

  #nudge(events: OutboxEvent[]): void {
    const last = events[events.length - 1];
    if (!last || BigInt(last.id) <= BigInt(this.#lastNudged)) return;
    this.#lastNudged = last.id;
    this.#ch.nc.publish(this.#ch.wakeSubject);
  }

  /** Takes events in, delivering every one that now follows the cursor without a gap. */
  #arrived(events: OutboxEvent[]): void {
    let cursor = BigInt(this.#cursor);
    for (const e of events) if (BigInt(e.id) > cursor) this.#waiting.set(BigInt(e.id), e);
    const out: OutboxEvent[] = [];
    for (let next = this.#waiting.get(cursor + 1n); next; next = this.#waiting.get(cursor + 1n)) {
      this.#waiting.delete(++cursor);
      out.push(next);
    }
    if (out.length) {
      this.#cursor = cursor.toString();
      this.#deliver(out);
    }
    this.#fillIfPassed();
  }

  /** Events wait at a gap the publisher has passed: what is missing is read from the outbox, then delivery goes on. */
  #fillIfPassed(): void {
    if (this.#waiting.size > MAX_WAITING) for (const id of this.#waiting.keys()) if (id > this.#watermark) this.#watermark = id;
    if (this.#filling || !this.#waiting.size || this.#watermark <= BigInt(this.#cursor)) return;
    const upTo = this.#watermark;
    this.#filling = (async () => {
      const found: OutboxEvent[] = [];
      for (let after = this.#cursor; BigInt(after) < upTo; ) {
        const rows = await this.#relay.readAfter(after, 500);
        found.push(...rows.filter((e) => BigInt(e.id) <= upTo));
        if (rows.length < 500) break;
        after = rows[rows.length - 1]!.id;
      }
      // Whatever arrived meanwhile is delivered once: `#arrived` skips what is at or below the cursor.
      const cursor = BigInt(this.#cursor);
      const out = found.filter((e) => BigInt(e.id) > cursor);
      for (const id of this.#waiting.keys()) if (id <= upTo) this.#waiting.delete(id);
      if (upTo > cursor) this.#cursor = upTo.toString();
      if (out.length) this.#deliver(out);
    })()
      .catch(() => {
        /* the next watermark tries again */
      })
      .finally(() => {
        this.#filling = null;
        this.#arrived([]);
      });
  }

  #deliver(events: OutboxEvent[]): void {
    for (const fn of this.#subscribers) {
      try {
        fn(events);
      } catch {
        /* one console's failure must not stop the others */
      }
    }
  }
}
