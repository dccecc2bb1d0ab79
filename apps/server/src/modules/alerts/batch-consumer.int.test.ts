import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AlertBatchConsumer, type ConsumedBatch } from './index.ts';

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
    expect(consumer.health).toEqual({ failures: 0, lastError: null, queued: 0 });
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
});
