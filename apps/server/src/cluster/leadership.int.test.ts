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

  it('gives each worker to one node; when that node dies, another takes it within 10 s', async () => {
    const log: string[] = [];
    const connect = dedicatedConnection(database.pool!);
    // Node a, once cut off, cannot reach the database again (a dead or partitioned machine).
    let aCutOff = false;
    const a = new AdvisoryLeadership(() => {
      if (aCutOff) throw new Error('unreachable');
      return connect();
    }, { checkMs: 500 });
    const b = new AdvisoryLeadership(connect, { checkMs: 500 });
    await a.run('promotion', job(log, 'a'));
    await b.run('promotion', job(log, 'b'));
    await a.run('stats', job(log, 'a'));
    await b.run('stats', job(log, 'b'));
    expect(a.held()).toEqual(['promotion', 'stats']);
    expect(b.held()).toEqual([]);
    expect(log).toEqual(['a start', 'a start']);

    // Node a's session ends as it does when its machine dies: PostgreSQL drops its locks.
    aCutOff = true;
    const admin = new pg.Client(database.pool!.options);
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = ${0x4c43} and pid <> pg_backend_pid() and granted`);
    await admin.end();
    const took = await until(() => b.held().length === 2, 10_000);
    expect(took).toBeLessThan(10_000);
    // Node a stopped what it no longer leads, before or while b started it.
    await until(() => log.filter((l) => l === 'a stop').length === 2, 5_000).catch((e: Error) => { throw new Error(`${e.message}: ${log.join(', ')}`); });
    expect(log.filter((l) => l === 'b start')).toHaveLength(2);
    expect(a.held()).toEqual([]);

    await b.stop();
    // A clean stop hands the lead over too: a (reachable again) takes both back.
    aCutOff = false;
    await until(() => a.held().length === 2, 10_000);
    await a.stop();
    expect(log.filter((l) => l.endsWith('start'))).toHaveLength(6);
  });
});
