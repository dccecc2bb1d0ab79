import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AlertBatchConsumer, type ConsumedBatch } from './index.ts';
import { consumerRepository } from './batch-consumer.repository.ts';

let t: TestApp;
let key: { key: string };
const send = async (title: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify({ title, severity: 'high', src: { ip: '198.51.100.77' } }) });
  expect(res.statusCode).toBe(202);
  await t.platform.relay.flush();
};
const cursorOf = async (name: string) =>
  (await sql<{ last_id: string }>`select last_id::text as last_id from consumer_offsets where name = ${name}`.execute(t.platform.db)).rows[0]?.last_id ?? null;

beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('bank-sgb', 'connector');
});
afterAll(() => t?.close());

describe('a durable alert-batch consumer', () => {
  it('retries a group whose transaction failed instead of skipping it, and stores each batch once', async () => {
    const stored: string[] = [];
    let failNext = true;
    const consumer = new AlertBatchConsumer(t.platform, {
      name: 'test-retry',
      lock: 990_001,
      plan: (batches: ConsumedBatch[]) => async (tx) => {
        if (failNext) {
          failNext = false;
          throw new Error('database hiccup');
        }
        for (const b of batches) for (const a of b.alerts) stored.push(a.title);
        await sql`select 1`.execute(tx);
      },
    });
    await consumer.start();
    await send('first after start');
    await send('second after start');
    await consumer.idle();
    consumer.stop();
    expect(stored).toEqual(['first after start', 'second after start']);
    expect(consumer.health).toEqual({ name: 'test-retry', failures: 0, lastError: null, queued: 0, queuedAlerts: 0 });
    expect(Number(await cursorOf('test-retry'))).toBeGreaterThan(0);
  });

  it('spends no transaction on batches with nothing to store, yet saves how far it got', async () => {
    const seen: string[] = [];
    const consumer = new AlertBatchConsumer(t.platform, {
      name: 'test-idle',
      lock: 990_002,
      plan: (batches) => {
        seen.push(...batches.flatMap((b) => b.alerts.map((a) => a.title)));
        return null;
      },
    });
    await consumer.start();
    await send('nothing to store');
    await consumer.idle();
    consumer.stop();
    // A new consumer starts from the beginning: it hears the earlier batches too.
    expect(seen.at(-1), JSON.stringify(seen)).toBe('nothing to store');
    const head = (await sql<{ id: string }>`select max(id)::text as id from outbox where type = 'alerts.ingested'`.execute(t.platform.db)).rows[0]!.id;
    expect(await cursorOf('test-idle')).toBe(head);

    // A restart resumes after it: nothing is handed over twice.
    const again: string[] = [];
    const restarted = new AlertBatchConsumer(t.platform, { name: 'test-idle', lock: 990_002, plan: (b) => (again.push(...b.flatMap((x) => x.alerts.map((a) => a.title))), null) });
    await restarted.start();
    await restarted.idle();
    restarted.stop();
    expect(again).toEqual([]);
  });

  it('lets a planner read the database before its transaction, and spends none when the read says there is nothing to store', async () => {
    const written: string[] = [];
    const consumer = new AlertBatchConsumer(t.platform, {
      name: 'test-async-plan',
      lock: 990_008,
      // On the embedded engine a read through the database from inside the transaction would wait for it forever.
      plan: async (batches) => {
        const titles = batches.flatMap((b) => b.alerts.map((a) => a.title));
        const found = await sql<{ n: number }>`select count(*)::int as n from alerts where title = any(${titles})`.execute(t.platform.db);
        const mine = titles.filter((x) => x.startsWith('planned '));
        return found.rows[0]!.n > 0 && mine.length ? async (tx) => {
          await sql`select 1`.execute(tx);
          written.push(...mine);
        } : null;
      },
    });
    await consumer.start();
    await send('planned and written');
    await send('read and passed over');
    await consumer.idle();
    consumer.stop();
    expect(written).toEqual(['planned and written']);
    const head = (await sql<{ id: string }>`select max(id)::text as id from outbox where type = 'alerts.ingested'`.execute(t.platform.db)).rows[0]!.id;
    expect(await cursorOf('test-async-plan')).toBe(head);
  });

  it('stops retrying at shutdown, leaving the failing batch for the next start', async () => {
    const consumer = new AlertBatchConsumer(t.platform, {
      name: 'test-poison',
      lock: 990_003,
      plan: () => async () => {
        throw new Error('constraint violated');
      },
    });
    await consumer.start();
    await send('cannot be stored');
    await expect.poll(() => consumer.health.failures).toBeGreaterThan(1);
    expect(consumer.health.lastError).toBe('constraint violated');
    const t0 = Date.now();
    consumer.stop();
    await consumer.idle();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(await cursorOf('test-poison')).toBeNull();
  });

  it('catches a backlog up in the groups it was given, and shows the backlog on the node\'s metrics', async () => {
    // Three batches committed while no consumer of this name ran: a backlog it finds at start.
    for (const title of ['behind one', 'behind two', 'behind three']) await send(title);
    // Counted first: while the consumer's transaction waits below, the embedded engine's one connection is its.
    const all = (await sql<{ n: number }>`select count(*)::int as n from outbox where type = 'alerts.ingested'`.execute(t.platform.db)).rows[0]!.n;
    const groups: string[][] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const consumer = new AlertBatchConsumer(t.platform, {
      name: 'test-backlog',
      lock: 990_004,
      group: { events: 2, alerts: 5_000 },
      plan: (batches) => async () => {
        groups.push(batches.flatMap((b) => b.alerts.map((a) => a.title)));
        await held;
      },
    });
    await consumer.start();
    await expect.poll(() => groups.length).toBe(1);
    // While the first group is stored, it and the rest wait, counted in batches and alerts (one alert each here).
    expect(consumer.health.queued).toBe(all);
    expect(consumer.health.queuedAlerts).toBe(all);
    release();
    await consumer.idle();
    consumer.stop();
    expect(groups.every((g) => g.length <= 2)).toBe(true);
    expect(groups.flat().slice(-3)).toEqual(['behind one', 'behind two', 'behind three']);
    expect(consumer.health.queued).toBe(0);

    // The platform's own consumers report theirs to Prometheus (0 once caught up).
    for (const w of [t.platform.workers.promotion, t.platform.workers.stats, t.platform.workers.sightings, t.platform.workers.campaigns]) await w.idle();
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    for (const name of ['promotion', 'stats', 'sightings', 'campaigns']) expect(metrics.body).toContain(`lachan_consumer_queued_alerts{consumer="${name}"} 0`);
  });

  it('takes large groups while more than 10,000 alerts behind, then its own again', async () => {
    const bulk = (b: number) => Array.from({ length: 1_000 }, (_, i) => JSON.stringify({ title: `bulk ${b}-${i}`, severity: 'low', src: { ip: '198.51.100.78' } })).join('\n');
    for (let b = 0; b < 12; b++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: bulk(b) });
      expect(res.statusCode).toBe(202);
    }
    await t.platform.relay.flush();
    // Started after them, with every earlier batch of the suite ahead of it too: 12,000 alerts and more behind.
    const sizes: number[] = [];
    const consumer = new AlertBatchConsumer(t.platform, { name: 'test-catch-up', lock: 990_005, group: { events: 1, alerts: 1 }, plan: (batches) => (sizes.push(batches.reduce((n, b) => n + b.alerts.length, 0)), null) });
    await consumer.start();
    await consumer.idle();
    consumer.stop();
    // Several batches at once (up to 5,000 alerts) while far behind; one batch at a time once 10,000 or fewer remain.
    expect(sizes[0]).toBeGreaterThan(3_000);
    expect(sizes[0]).toBeLessThanOrEqual(5_000);
    const rest = sizes.slice(sizes.findIndex((n) => n <= 1_000));
    expect(rest.length).toBeGreaterThanOrEqual(8);
    expect(rest.every((n) => n <= 1_000)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12_000);
  });

  it('shows on the node\'s metrics how full its bounded caches are', async () => {
    const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    const value = (body: string, name: string, cache: string) => Number(new RegExp(`^${name}\\{cache="${cache}"\\} (\\d+)$`, 'm').exec(body)?.[1]);
    await t.platform.workers.campaigns.idle();
    const before = await scrape();
    // 40 alerts, each from an address and to a domain no earlier alert carried.
    const distinct = Array.from({ length: 40 }, (_, i) => JSON.stringify({ title: `cache ${i}`, severity: 'high', src: { ip: `91.198.${i}.7` }, url: { domain: `cache-${i}.drop.example` } })).join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: distinct });
    expect(res.statusCode).toBe(202);
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
    const after = await scrape();
    const grew = (cache: string) => value(after, 'lachan_cache_entries', cache) - value(before, 'lachan_cache_entries', cache);
    expect(grew('campaign_values')).toBeGreaterThanOrEqual(40);
    expect(grew('campaign_held_alerts')).toBe(40);
    expect(grew('ingest_fingerprints')).toBe(40);
    expect(value(after, 'lachan_cache_bound', 'campaign_values')).toBe(200_000);
    expect(value(after, 'lachan_cache_bound', 'campaign_held_alerts')).toBe(50_000);
    expect(value(after, 'lachan_cache_bound', 'ingest_fingerprints')).toBe(2_000_000);
    // The fingerprints' memory is allocated at start; the campaign caches grow as they fill.
    expect(value(after, 'lachan_cache_preallocated', 'ingest_fingerprints')).toBe(1);
    expect(value(after, 'lachan_cache_preallocated', 'campaign_values')).toBe(0);
  });

  it('reads a batch back after its items are pruned: the alerts it stored, found by the batch that stored them', async () => {
    const batches = async () => (await sql<{ batch: string; org: string }>`select payload->>'batchId' as batch, payload->>'orgId' as org from outbox
      where type = 'alerts.ingested' order by id desc limit 2`.execute(t.platform.db)).rows.reverse();
    await send('stored before the items went');
    await send('stored before the items went');
    const [first, repeat] = await batches();
    // A day later the items are gone (consumers more than a day behind are rare; they read the rows).
    await sql`delete from alert_batch_items where batch_id in (${first!.batch}::bigint, ${repeat!.batch}::bigint)`.execute(t.platform.db);
    const readBack = (b: { batch: string; org: string }) => consumerRepository.readBatch(t.platform.db, b.batch, b.org);
    // Repeated since, so what the first batch added is taken as one occurrence; the repeat stored no row of its own.
    expect((await readBack(first!)).map((a) => ({ title: a.title, inserted: a.inserted, occurrences: a.occurrences }))).toEqual([{ title: 'stored before the items went', inserted: true, occurrences: 1 }]);
    expect(await readBack(repeat!)).toEqual([]);
    await send('a fresh one');
    const [, fresh] = await batches();
    await sql`delete from alert_batch_items where batch_id = ${fresh!.batch}::bigint`.execute(t.platform.db);
    expect((await readBack(fresh!)).map((a) => [a.title, a.inserted, a.occurrences])).toEqual([['a fresh one', true, 1]]);
  });
});
