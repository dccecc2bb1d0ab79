import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { OutboxEvent } from './index.ts';

let t: TestApp;
const heard: OutboxEvent[] = [];
const emit = (type: string) => sql`insert into outbox (type, audience, payload) values (${type}, '{"orgIds":[]}'::jsonb, '{}'::jsonb)`.execute(t.platform.db);
const types = () => heard.filter((e) => e.type.startsWith('test.')).map((e) => e.type);

beforeAll(async () => {
  t = await createTestApp();
  t.platform.relay.subscribe((events) => heard.push(...events));
});
afterAll(() => t?.close());

describe('the event relay', () => {
  it('goes past an event id that never commits (a rolled-back writer) after a short wait', async () => {
    await sql`select nextval('outbox_id_seq')`.execute(t.platform.db);
    await emit('test.after-gap');
    t.platform.relay.wake();
    await expect.poll(types, { timeout: 3_000 }).toContain('test.after-gap');
  });

  it('flush() returns only once events past a held gap are delivered, so a test or shutdown never reads ahead of its consumers', async () => {
    await sql`select nextval('outbox_id_seq')`.execute(t.platform.db);
    await emit('test.flushed-past-gap');
    await t.platform.relay.flush();
    expect(types()).toContain('test.flushed-past-gap');
  });

  // Only PostgreSQL has concurrent writers; the embedded engine commits one transaction at a time.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('delivers events in commit order when a later id commits first, so no consumer skips the earlier one', async () => {
    const pool = t.platform.database.pool!;
    const slow = await pool.connect();
    try {
      await slow.query('begin');
      await slow.query(`insert into outbox (type, audience, payload) values ('test.first-id', '{"orgIds":[]}', '{}')`);
      await emit('test.second-id');
      t.platform.relay.wake();
      await new Promise((r) => setTimeout(r, 100));
      expect(types()).not.toContain('test.second-id');
      await slow.query('commit');
    } finally {
      slow.release();
    }
    t.platform.relay.wake();
    await expect.poll(types, { timeout: 3_000 }).toContain('test.second-id');
    expect(types().filter((x) => x === 'test.first-id' || x === 'test.second-id')).toEqual(['test.first-id', 'test.second-id']);
  });
});
