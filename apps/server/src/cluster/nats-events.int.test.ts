import { connect as tcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { testConfig } from '../testing/template.ts';
import { startPlatform, stopPlatform } from '../platform.ts';
import type { Platform } from '../platform.types.ts';
import type { OutboxEvent } from '../modules/events/index.ts';
import { NatsConsoleEvents } from './nats-events.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Whether a NATS server answers (the suite skips, saying so, when none does). */
async function natsAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = tcp({ host: u.hostname, port: Number(u.port || 4222), timeout: 1000 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}
const nats = await natsAnswers(NATS_URL);
// One stream per run: other runs and deployments may share this NATS server.
const stream = `LACHAN_T_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

if (!nats) console.warn(`skipped: no NATS server answers at ${NATS_URL} (start one with \`nats-server -js\`, or set TEST_NATS_URL)`);

describe.runIf(nats)('events across nodes through NATS JetStream', () => {
  let a: TestApp;
  let b: Platform;
  beforeAll(async () => {
    a = await createTestApp({ natsUrl: NATS_URL, natsStream: stream, nodeName: 'node-a' });
    // Node b shares node a's database and serves consoles only.
    b = await startPlatform(testConfig({ natsUrl: NATS_URL, natsStream: stream, nodeName: 'node-b', roles: ['api'] }), { database: a.platform.database });
  });
  afterAll(async () => {
    await stopPlatform({ ...b, database: { ...b.database, close: async () => {} } });
    const ch = (a.platform.consoleEvents as NatsConsoleEvents | undefined);
    if (ch) {
      const { connect } = await import('@nats-io/transport-node');
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {});
      await nc.close();
    }
    await a.close();
  });

  it('brings what node a commits to the consoles of node b within half a second, once each, in id order', async () => {
    expect(b.consoleEvents).toBeInstanceOf(NatsConsoleEvents);
    const heard: { e: OutboxEvent; at: number }[] = [];
    const off = b.consoleEvents.subscribe((events) => heard.push(...events.map((e) => ({ e, at: Date.now() }))));
    // When node a's own relay hands each event on after its commit: fan-out is measured from there.
    const committed = new Map<string, number>();
    const offA = a.platform.relay.subscribe((events) => events.forEach((e) => committed.set(e.id, Date.now())));
    const key = await a.keyFor('prov-48', 'connector');
    for (let i = 0; i < 5; i++) {
      const res = await a.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify({ title: `Node a alert ${i}`, severity: 'low', src: { ip: `198.51.100.${i + 1}` } }) });
      expect(res.statusCode).toBe(202);
    }
    const ingested = () => heard.filter((h) => h.e.type === 'alerts.ingested');
    for (let i = 0; i < 100 && ingested().length < 5; i++) await new Promise((r) => setTimeout(r, 50));
    off();
    offA();
    expect(ingested()).toHaveLength(5);
    const ids = heard.map((h) => BigInt(h.e.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of ingested()) expect(h.at - committed.get(h.e.id)!).toBeLessThan(500);
  });

  it('goes past an outbox id that never commits: what follows it still reaches node b, in id order', async () => {
    const heard: OutboxEvent[] = [];
    const off = b.consoleEvents.subscribe((events) => heard.push(...events));
    // A writer that drew an id and rolled back: node a publishes what follows at once, node b waits at the gap
    // until the publisher has passed it, then reads what is missing from the outbox.
    await sql`select nextval(pg_get_serial_sequence('outbox', 'id'))`.execute(a.platform.db);
    const key = await a.keyFor('prov-48', 'connector');
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify({ title: 'After the gap', severity: 'low', src: { ip: '198.51.100.77' } }) });
    expect(res.statusCode).toBe(202);
    const after = () => heard.find((e) => e.type === 'alerts.ingested' && JSON.stringify(e.payload).includes('After the gap'));
    for (let i = 0; i < 100 && !after(); i++) await new Promise((r) => setTimeout(r, 50));
    off();
    expect(after()).toBeDefined();
    const ids = heard.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('replays from the outbox after Last-Event-ID on node b what a reconnecting console missed', async () => {
    const head = b.consoleEvents.cursor;
    const earlier = await b.consoleEvents.readAfter('0', 10_000);
    const missed = earlier.filter((e) => BigInt(e.id) > BigInt(earlier[0]!.id));
    expect(missed.length).toBeGreaterThan(0);
    expect((await b.consoleEvents.readAfter(earlier[0]!.id)).map((e) => e.id)).toEqual(missed.slice(0, 500).map((e) => e.id));
    expect(BigInt(head)).toBeGreaterThanOrEqual(BigInt(missed[missed.length - 1]!.id));
  });
});
