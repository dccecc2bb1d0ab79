import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/template.ts';
import type { Database } from '../db/index.ts';
import { AdvisoryLeadership, dedicatedConnection } from './leadership.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;

/** A worker that notes when it runs. */
function job(log: string[], node: string) {
  return { start: () => void log.push(`${node} start`), stop: () => void log.push(`${node} stop`) };
}

async function until(check: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - t0;
}

describe.runIf(onPostgres)('leadership by PostgreSQL session advisory locks (skipped on the embedded engine: one process owns its data directory)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('gives each worker to one node, spread over the nodes; when one dies, another takes its workers within 10 s', async () => {
    const log: string[] = [];
    // Node a, once cut off, cannot reach the database again (a dead or partitioned machine).
    let aCutOff = false;
    const connectA = dedicatedConnection(database.pool!, 'a');
    const a = new AdvisoryLeadership(() => {
      if (aCutOff) throw new Error('unreachable');
      return connectA();
    }, { checkMs: 500 });
    const b = new AdvisoryLeadership(dedicatedConnection(database.pool!, 'b'), { checkMs: 500 });
    await a.run('promotion', job(log, 'a'));
    await b.run('promotion', job(log, 'b'));
    await a.run('stats', job(log, 'a'));
    await b.run('stats', job(log, 'b'));
    // Two live nodes, two workers: one each, not both on the first node to start.
    await until(() => a.held().length === 1 && b.held().length === 1, 10_000);
    expect([...a.held(), ...b.held()].sort()).toEqual(['promotion', 'stats']);
    expect(log.filter((l) => l.endsWith('start'))).toHaveLength(2);

    // Node a's session ends as it does when its machine dies: PostgreSQL drops its locks.
    aCutOff = true;
    const admin = new pg.Client(database.pool!.options);
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lachan-lead:a'`);
    await admin.end();
    const took = await until(() => b.held().length === 2, 10_000);
    expect(took).toBeLessThan(10_000);
    // Node a stopped what it no longer leads.
    await until(() => log.filter((l) => l === 'a stop').length === 1, 5_000).catch((e: Error) => { throw new Error(`${e.message}: ${log.join(', ')}`); });
    expect(a.held()).toEqual([]);

    await b.stop();
    // A clean stop hands the lead over too: a (reachable again) takes both.
    aCutOff = false;
    await until(() => a.held().length === 2, 10_000);
    await a.stop();
    expect(log.filter((l) => l.endsWith('start'))).toHaveLength(5);
  });

  it('gives a lead up to a node that joins later, so both lead', async () => {
    const log: string[] = [];
    const a = new AdvisoryLeadership(dedicatedConnection(database.pool!, 'a'), { checkMs: 300 });
    for (const w of ['promotion', 'stats', 'campaigns', 'reminders']) await a.run(w, job(log, 'a'));
    expect(a.held()).toHaveLength(4);
    const b = new AdvisoryLeadership(dedicatedConnection(database.pool!, 'b'), { checkMs: 300 });
    for (const w of ['promotion', 'stats', 'campaigns', 'reminders']) await b.run(w, job(log, 'b'));
    await until(() => a.held().length === 2 && b.held().length === 2, 10_000);
    expect(new Set([...a.held(), ...b.held()]).size).toBe(4);
    await b.stop();
    await a.stop();
  });
  it('takes every lead of a dead node in one round, even when its workers are slow to start', async () => {
    const names = ['promotion', 'stats', 'campaigns', 'reminders'];
    const a = new AdvisoryLeadership(dedicatedConnection(database.pool!, 'a'), { checkMs: 300 });
    for (const w of names) await a.run(w, { start: () => {}, stop: () => {} });
    // Node b's workers take 2 s each to start (catching up after a failover, under load).
    let started = 0;
    const slow = { start: () => new Promise<void>((r) => setTimeout(() => { started++; r(); }, 2000)), stop: () => {} };
    const b = new AdvisoryLeadership(dedicatedConnection(database.pool!, 'b'), { checkMs: 300 });
    await Promise.all(names.map((w) => b.run(w, slow)));
    const admin = new pg.Client(database.pool!.options);
    await admin.connect();
    const leadsOf = async (node: string) => Number((await admin.query(`select count(*) as n from pg_locks l join pg_stat_activity s on s.pid = l.pid
      where l.locktype = 'advisory' and l.granted and s.application_name = $1`, [`lachan-lead:${node}`])).rows[0].n);
    await a.stop();
    const t0 = Date.now();
    while ((await leadsOf('b')) < names.length) {
      if (Date.now() - t0 > 10_000) throw new Error(`b holds ${await leadsOf('b')} of ${names.length} leads after 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Sequential starts would have needed 8 s; one round takes every lock, then the workers start together.
    expect(Date.now() - t0).toBeLessThan(2500);
    await until(() => started >= names.length, 5000);
    await admin.end();
    await b.stop();
  });
});
