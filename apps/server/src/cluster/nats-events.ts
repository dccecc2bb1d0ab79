import { connect, nanos, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager, StorageType, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import type { OutboxEvent, Subscriber } from '../modules/events/index.ts';
import type { LeaderJob } from './leadership.ts';

/** A connection and the names of one deployment's stream and subjects (LACHAN_NATS_STREAM: several deployments may share a NATS server). */
export interface EventsChannel {
  nc: NatsConnection;
  stream: string;
  /** Events are published under `<subject>.<type>`. */
  subject: string;
  /** Core NATS, no payload: "an outbox event was committed", so the publisher reads at once instead of at its next poll. */
  wakeSubject: string;
}
const PUBLISHER_CURSOR = 'nats-events-publisher';
const PUBLISH_GROUP = 256;

/** What a console's event stream needs: live events, the position reached, and what a reconnecting console missed. */
export interface ConsoleEvents {
  subscribe(fn: Subscriber): () => void;
  readonly cursor: string;
  readAfter(afterId: string, limit?: number): Promise<OutboxEvent[]>;
}

/** The relay of this process (reads the outbox): what `ConsoleEvents` needs, plus waking it. */
export interface LocalRelay extends ConsoleEvents {
  wake(): void;
}

type Wire = { id: string; type: string; audience: OutboxEvent['audience']; payload: unknown; createdAt: string };

/** Connects to NATS and makes sure the events stream exists (file storage, a day kept, two minutes of de-duplication). */
export async function connectEvents(url: string, name: string, stream: string): Promise<EventsChannel> {
  const nc = await connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  const base = stream.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  const channel = { nc, stream, subject: `${base}.events`, wakeSubject: `${base}.outbox.wake` };
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
    await sql`insert into consumer_offsets (name, last_id) values (${PUBLISHER_CURSOR}, ${this.#published}::bigint)
      on conflict (name) do update set last_id = greatest(consumer_offsets.last_id, excluded.last_id), updated_at = now()`.execute(this.#db);
  }
}

/**
 * The events every console of this node hears, from JetStream (an ordered consumer from the moment
 * the node started): the same on every node whoever committed them. A reconnecting console's missed
 * events (`Last-Event-ID`) are read from the outbox, where they are durable and in id order.
 */
export class NatsConsoleEvents implements ConsoleEvents {
  #ch: EventsChannel;
  #relay: LocalRelay;
  #subscribers = new Set<Subscriber>();
  #cursor = '0';
  #messages: ConsumerMessages | null = null;
  #nudges: (() => void) | null = null;
  #lastNudged = '0';
  #loop: Promise<void> | null = null;

  constructor(channel: EventsChannel, relay: LocalRelay) {
    this.#ch = channel;
    this.#relay = relay;
  }

  async start(): Promise<void> {
    this.#cursor = this.#relay.cursor;
    const consumer = await jetstream(this.#ch.nc).consumers.get(this.#ch.stream, { deliver_policy: DeliverPolicy.New });
    this.#messages = await consumer.consume();
    this.#loop = (async () => {
      for await (const m of this.#messages!) {
        const w = m.json<Wire>();
        if (BigInt(w.id) <= BigInt(this.#cursor)) continue;
        this.#cursor = w.id;
        this.#deliver([{ ...w, createdAt: new Date(w.createdAt) }]);
      }
    })().catch(() => {});
    // Events this node commits wake the publisher (wherever it runs) at once.
    this.#nudges = this.#relay.subscribe((events) => {
      const last = events[events.length - 1];
      if (!last || BigInt(last.id) <= BigInt(this.#lastNudged)) return;
      this.#lastNudged = last.id;
      this.#ch.nc.publish(this.#ch.wakeSubject);
    });
  }

  async stop(): Promise<void> {
    this.#nudges?.();
    await this.#messages?.close();
    await this.#loop;
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
